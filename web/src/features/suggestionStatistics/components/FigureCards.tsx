import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Figures, type Links, listHref, percent } from '../api/suggestionStatistics';

interface Headline {
  key: string;
  value: ReactNode;
  help?: string;
  /** The list behind the number. */
  link?: string | null;
  note?: ReactNode;
  tone?: 'good' | 'warn';
}

/** The headline figures of DESIGN §5, each number opening the suggestions it counts. */
export function FigureCards({ figures, links, loading }: { figures?: Figures; links?: Links; loading: boolean }) {
  const { t } = useTranslation('suggestionStatistics');
  const f = figures;
  const of = (part: number | undefined, key: keyof Links) => ({ value: part ?? 0, link: listHref(links?.[key]) });
  const cards: Headline[] = [
    { key: 'submitted', ...of(f?.submitted, 'submitted'), help: t('help.submitted') },
    { key: 'accepted', ...of(f?.accepted, 'accepted') },
    { key: 'assigned', ...of(f?.assigned, 'assigned') },
    { key: 'replied', ...of(f?.replied, 'replied') },
    {
      key: 'onTimeRate',
      value: percent(f?.onTimeRate ?? null),
      help: t('help.onTimeRate'),
      link: listHref(links?.repliedOnTime),
      note: f ? `${t('metrics.repliedOnTime')} ${f.repliedOnTime}` : undefined,
    },
    {
      key: 'solvedRate',
      value: percent(f?.solvedRate ?? null),
      help: t('help.solvedRate'),
      link: listHref(links?.classA),
      note: f ? `${t('metrics.classA')} ${f.classA}` : undefined,
      tone: 'good',
    },
    {
      key: 'faceToFaceRate',
      value: percent(f?.faceToFaceRate ?? null),
      help: t('help.faceToFaceRate'),
      link: listHref(links?.faceToFace),
      note: f ? `${t('metrics.faceToFace')} ${f.faceToFace}` : undefined,
    },
    {
      key: 'satisfactionRate',
      value: percent(f?.satisfactionRate ?? null),
      help: t('help.satisfactionRate'),
      link: listHref(links?.evaluated),
      note: f ? `${t('metrics.evaluated')} ${f.evaluated}` : undefined,
      tone: 'good',
    },
    {
      key: 'rehandled',
      ...of(f?.rehandled, 'rehandled'),
      help: t('help.rehandled'),
      tone: f?.rehandled ? 'warn' : undefined,
    },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 12, marginBottom: 12 }}>
      {cards.map((c) => {
        const title = (
          <span>
            {t(`metrics.${c.key}`)}
            {c.help && (
              <Tooltip title={c.help}>
                <InfoCircleOutlined style={{ marginInlineStart: 4, color: 'rgba(0,0,0,0.35)' }} aria-label={c.help} />
              </Tooltip>
            )}
          </span>
        );
        const shown = typeof c.value === 'number' ? c.value.toLocaleString() : c.value;
        const color = c.tone === 'warn' ? '#cf1322' : c.tone === 'good' ? '#389e0d' : undefined;
        return (
          <Card key={c.key} size="small" style={{ height: '100%' }}>
            <Statistic
              title={title}
              formatter={() => (c.link ? <Link to={c.link}>{shown}</Link> : shown)}
              loading={loading}
              styles={{ content: { color, fontSize: 22 } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12, minHeight: 18, display: 'block' }}>
              {c.note ?? '\u00a0'}
            </Typography.Text>
          </Card>
        );
      })}
    </div>
  );
}
