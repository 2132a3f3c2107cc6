import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Suggestion } from '../api/types';
import { fmtDate, fmtDateTime, useText } from './format';

const para = (s: string) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{s || '—'}</Typography.Paragraph>
);

/** 建议内容: the text, where it belongs, and why it was returned, rejected, merged or decided. */
export function FactsCard({ s, phone }: { s: Suggestion; phone: boolean }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  return (
    <Card title={t('detail.facts')}>
      <Flex vertical gap={12}>
        {s.returnReason && s.state === 'draft' && (
          <Alert type="warning" showIcon title={t('detail.returnReason')} description={s.returnReason} />
        )}
        {s.rejectReasonLabel && (
          <Alert
            type="error"
            showIcon
            title={`${t('detail.rejectReason')}：${text(s.rejectReasonLabel)}`}
            description={s.rejectNote ?? undefined}
          />
        )}
        {s.mergedInto && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                {t('detail.mergedInto')} <Link to={`/suggestions/${s.mergedInto.id}`}>{s.mergedInto.title}</Link>
              </span>
            }
          />
        )}
        {s.committeeDecision && (
          <Alert
            type="info"
            showIcon
            title={`${t('detail.committeeDecision')}：${t(`committeeDecision.${s.committeeDecision}`)}`}
            description={s.committeeReason ?? undefined}
          />
        )}
        <Descriptions column={phone ? 1 : 2} size="small" bordered={!phone}>
          {s.number !== null && <Descriptions.Item label={t('fields.number')}>{s.number}</Descriptions.Item>}
          <Descriptions.Item label={t('fields.kind')}>{t(`kind.${s.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.congress')}>{s.congress.name}</Descriptions.Item>
          <Descriptions.Item label={t('fields.place')}>
            {s.phase === 'session' ? `${text(s.place)} · ${t('phase.session')}` : text(s.place)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.lead')}>{s.leadDeputy.name}</Descriptions.Item>
          {s.delegation && <Descriptions.Item label={t('fields.delegation')}>{s.delegation}</Descriptions.Item>}
          <Descriptions.Item label={t('fields.category')}>
            {s.category ? text({ zh: s.category.name, en: s.category.nameEn ?? s.category.name }) : '—'}
          </Descriptions.Item>
          {s.committee && <Descriptions.Item label={t('fields.committee')}>{s.committee.name}</Descriptions.Item>}
          <Descriptions.Item label={t('fields.submittedAt')}>{fmtDateTime(s.submittedAt)}</Descriptions.Item>
          {s.dueAt && <Descriptions.Item label={t('fields.dueAt')}>{fmtDate(s.dueAt)}</Descriptions.Item>}
        </Descriptions>
        <div>
          <Typography.Title level={5}>{t('fields.grounds')}</Typography.Title>
          {para(s.grounds)}
        </div>
        <div>
          <Typography.Title level={5}>{t('fields.proposal')}</Typography.Title>
          {para(s.proposal)}
        </div>
        {s.merged.length > 0 && (
          <div>
            <Typography.Title level={5}>{t('detail.merged')}</Typography.Title>
            <Flex vertical gap={4}>
              {s.merged.map((m) => (
                <Link key={m.id} to={`/suggestions/${m.id}`}>
                  {m.title}
                </Link>
              ))}
            </Flex>
          </div>
        )}
      </Flex>
    </Card>
  );
}
