import { Alert, Card, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useTimeline } from '../api/opinions';
import type { Opinion, OpinionState, TimelineEvent } from '../api/types';
import { EvaluationTag, fmtDate, fmtDateTime } from './OpinionTags';

const isState = (s: string | null): s is OpinionState => !!s;
/** The server's English labels are lower-case phrases ("extension requested"); a heading starts with a capital. */
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The facts an event carries worth reading: units named, the result, the evaluation, days asked. */
function EventDetails({ e, unitNames }: { e: TimelineEvent; unitNames: Map<string, string> }) {
  const { t } = useTranslation('opinions');
  const d = e.data ?? {};
  const parts: React.ReactNode[] = [];
  const text = (key: string, value: string) => parts.push(<Typography.Text key={key}>{value}</Typography.Text>);
  const lead = str(d.leadUnitId);
  if (lead && (e.action === 'transfer' || e.action === 'rehandle')) {
    text('lead', t('detail.eventUnits', { lead: unitNames.get(lead) ?? lead }));
    const co = Array.isArray(d.coUnitIds) ? d.coUnitIds.map((id) => unitNames.get(String(id)) ?? String(id)) : [];
    if (co.length) text('co', t('detail.eventCoUnits', { units: co.join('、') }));
  }
  const replyDue = str(d.replyDueAt);
  if (replyDue) text('due', t('detail.eventReplyDue', { date: fmtDate(replyDue) }));
  const result = str(d.result);
  if (result) parts.push(<Tag key="result">{t(`result.${result}`, { defaultValue: result })}</Tag>);
  const evaluation = str(d.evaluation);
  if (evaluation === 'satisfied' || evaluation === 'basically_satisfied' || evaluation === 'unsatisfied')
    parts.push(<EvaluationTag key="evaluation" value={evaluation} />);
  if (typeof d.days === 'number') text('days', t('detail.eventDays', { days: d.days }));
  const primary = str(d.primaryTrackingCode) ?? (e.action === 'merged_in' ? str(d.trackingCode) : undefined);
  if (primary) text('primary', t('detail.eventPrimary', { code: primary }));
  if (!parts.length) return null;
  return (
    <Flex gap={6} wrap align="center">
      {parts}
    </Flex>
  );
}

/** 办理过程: who did what and when, oldest first, as the constituent's case went along. */
export function CaseTimeline({ opinion }: { opinion: Opinion }) {
  const { t, i18n } = useTranslation('opinions');
  const timeline = useTimeline(opinion.id);
  const en = i18n.language === 'en';
  const unitNames = new Map(opinion.units.map((u) => [u.unitId, u.name]));

  const who = (e: TimelineEvent) => {
    if (e.actorName)
      return e.actorRole ? `${e.actorName}（${t(`common:roles.${e.actorRole}`, { defaultValue: e.actorRole })}）` : e.actorName;
    return e.actorRole === 'public' ? t('detail.constituent') : t('detail.system');
  };

  return (
    <Card title={t('detail.timeline')}>
      {timeline.isLoading && <Skeleton active />}
      {timeline.error && <Alert type="error" showIcon title={errorMessage(timeline.error)} />}
      {timeline.data && timeline.data.items.length === 0 && (
        <Typography.Text type="secondary">{t('detail.timelineEmpty')}</Typography.Text>
      )}
      {timeline.data && timeline.data.items.length > 0 && (
        <Timeline
          items={timeline.data.items.map((e) => ({
            key: e.id,
            color: e.stageOverdue ? 'red' : e.toState === 'closed' ? 'green' : e.toState ? 'blue' : 'gray',
            content: (
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{en ? capitalized(e.label.en) : e.label.zh}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(e.at)}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {who(e)}
                </Typography.Text>
                {isState(e.fromState) && isState(e.toState) && e.fromState !== e.toState && (
                  <Typography.Text style={{ fontSize: 13 }}>
                    {t('detail.stateChange', {
                      from: t(`state.${e.fromState}`, { defaultValue: e.fromState }),
                      to: t(`state.${e.toState}`, { defaultValue: e.toState }),
                    })}
                    {e.stageOverdue && (
                      <Tag color="error" style={{ marginInlineStart: 8 }}>
                        {t('detail.stageOverdue')}
                      </Tag>
                    )}
                  </Typography.Text>
                )}
                <EventDetails e={e} unitNames={unitNames} />
                {e.note && (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {e.note}
                  </Typography.Paragraph>
                )}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
