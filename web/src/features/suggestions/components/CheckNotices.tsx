import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckView, SimilarItem } from '../api/types';
import { KindTag, StateTag, useText } from './format';

export function SimilarList({ items }: { items: SimilarItem[] }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  if (items.length === 0) return <Typography.Text type="secondary">{t('check.noSimilar')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(s) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
            <Link to={`/suggestions/${s.id}`} target="_blank" style={{ overflowWrap: 'anywhere' }}>
              {s.title}
            </Link>
            <Flex gap={4} wrap align="center">
              <StateTag state={s.state} label={s.stateLabel} />
              <KindTag kind={s.kind} />
              <Tag style={{ marginInlineEnd: 0 }}>{t('check.score', { score: Math.round(s.score * 100) })}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.leadDeputyName} · {text(s.place)}
              </Typography.Text>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The one-matter warning and the similar suggestions, from POST /check or from the submission's answer. */
export function CheckNotices({ notices }: { notices: CheckView }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const { matters } = notices;
  return (
    <Flex vertical gap={12}>
      {matters.several ? (
        <Alert
          type="warning"
          showIcon
          title={text(matters.message) || t('check.several')}
          description={
            matters.signals.length > 0 && (
              <span>
                {t('check.signals')}
                {matters.signals.map((s) => `“${s.excerpt}”`).join('、')}
              </span>
            )
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('check.single')} />
      )}
      <div>
        <Typography.Text strong>{t('check.similar')}</Typography.Text>
        <SimilarList items={notices.similar} />
      </div>
    </Flex>
  );
}
