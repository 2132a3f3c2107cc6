import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Figures } from '../api/types';
import { days, percent } from './format';

interface Metric {
  key: string;
  value: ReactNode;
  suffix?: string;
  note?: ReactNode;
  help?: string;
  link?: string | null;
  tone?: 'warn' | 'good';
}

/** The headline figures of DESIGN §5, each with its definition on hover. */
export function MetricCards({ figures, loading, link }: { figures?: Figures; loading: boolean; link: string | null }) {
  const { t } = useTranslation('statistics');
  const f = figures;
  const cases = t('unit.cases');
  const metrics: Metric[] = [
    { key: 'received', value: f?.received ?? 0, suffix: cases, help: t('help.received'), link },
    {
      key: 'accepted',
      value: f?.accepted ?? 0,
      suffix: cases,
      help: t('help.accepted'),
      note: f?.pending ? t('metrics.pending', { count: f.pending }) : undefined,
    },
    { key: 'rejected', value: f?.rejected ?? 0, suffix: cases },
    { key: 'inProgress', value: f?.inProgress ?? 0, suffix: cases },
    { key: 'closed', value: f?.closed ?? 0, suffix: cases },
    { key: 'overdue', value: f?.overdue ?? 0, suffix: cases, help: t('help.overdue'), tone: f?.overdue ? 'warn' : undefined },
    { key: 'satisfactionRate', value: percent(f?.satisfactionRate ?? null), help: t('help.satisfactionRate'), tone: 'good' },
    { key: 'onTimeRate', value: percent(f?.onTimeRate ?? null), help: t('help.onTimeRate') },
    {
      key: 'averageTotal',
      value: days(f?.stages.total.averageDays ?? null),
      suffix: t('unit.days'),
      help: t('help.averageTotal'),
    },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 12, marginBottom: 12 }}>
      {metrics.map((m) => {
        const title = (
          <span>
            {t(`metrics.${m.key}`)}
            {m.help && (
              <Tooltip title={m.help}>
                <InfoCircleOutlined style={{ marginInlineStart: 4, color: 'rgba(0,0,0,0.35)' }} aria-label={m.help} />
              </Tooltip>
            )}
          </span>
        );
        const color = m.tone === 'warn' ? '#cf1322' : m.tone === 'good' ? '#389e0d' : undefined;
        const shown = typeof m.value === 'number' ? m.value.toLocaleString() : m.value;
        const value = m.link ? <Link to={m.link}>{shown}</Link> : shown;
        return (
          <Card key={m.key} size="small" style={{ height: '100%' }}>
            <Statistic
              title={title}
              formatter={() => value}
              suffix={m.suffix}
              loading={loading}
              styles={{ content: { color, fontSize: 22 } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12, minHeight: 18, display: 'block' }}>
              {m.note ?? '\u00a0'}
            </Typography.Text>
          </Card>
        );
      })}
    </div>
  );
}
