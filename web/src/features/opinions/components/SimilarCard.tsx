import { Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSimilar } from '../api/opinions';
import { fmtDate, StateTag } from './OpinionTags';

/** 相似意见: cases like this one, to spot duplicates to merge and see which unit handled the like before. */
export function SimilarCard({ opinionId }: { opinionId: string }) {
  const { t } = useTranslation('opinions');
  const similar = useSimilar(opinionId);
  const items = similar.data?.items ?? [];
  return (
    <Card title={t('detail.similar')}>
      {similar.isLoading && <Skeleton active paragraph={{ rows: 3 }} title={false} />}
      {similar.error && <Typography.Text type="secondary">{t('detail.similarEmpty')}</Typography.Text>}
      {similar.data && items.length === 0 && <Typography.Text type="secondary">{t('detail.similarEmpty')}</Typography.Text>}
      <Flex vertical gap={12}>
        {items.map((c) => (
          <Flex key={c.id} vertical gap={2} style={{ minWidth: 0 }}>
            <Link to={`/opinions/${c.id}`}>
              <Typography.Text ellipsis style={{ maxWidth: '100%', color: 'inherit' }}>
                {c.title}
              </Typography.Text>
            </Link>
            <Flex gap={6} wrap align="center">
              <StateTag state={c.state} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[c.trackingCode, fmtDate(c.receivedAt), t('detail.similarScore', { score: Math.round(c.score * 100) })].join(
                  ' · ',
                )}
              </Typography.Text>
            </Flex>
            {c.leadUnitName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('fields.leadUnit')}：{c.leadUnitName}
              </Typography.Text>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
