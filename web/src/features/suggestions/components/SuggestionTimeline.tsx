import { Alert, Card, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useTimeline } from '../api/suggestions';
import type { TimelineEvent } from '../api/types';
import { fmtDateTime } from './format';

/** 办理过程: who did what and when, oldest first. */
export function SuggestionTimeline({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  const timeline = useTimeline(id);
  const who = (e: TimelineEvent) => {
    if (!e.actorName || e.actorRole === 'system') return t('detail.system');
    return e.actorRole ? `${e.actorName}（${t(`common:roles.${e.actorRole}`, { defaultValue: e.actorRole })}）` : e.actorName;
  };
  const stateName = (s: string) => t(`state.${s}`, { defaultValue: s });

  return (
    <Card title={t('detail.timeline')}>
      {timeline.isLoading && <Skeleton active />}
      {timeline.error && <Alert type="error" showIcon title={errorMessage(timeline.error)} />}
      {timeline.data?.items.length === 0 && <Typography.Text type="secondary">{t('detail.timelineEmpty')}</Typography.Text>}
      {timeline.data && timeline.data.items.length > 0 && (
        <Timeline
          items={timeline.data.items.map((e) => ({
            key: e.id,
            color: e.toState === 'closed' || e.toState === 'fulfilled' ? 'green' : e.toState ? 'blue' : 'gray',
            content: (
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{t(`event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(e.at)}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {who(e)}
                </Typography.Text>
                {e.fromState && e.toState && e.fromState !== e.toState && (
                  <Typography.Text style={{ fontSize: 13 }}>
                    {t('detail.stateChange', { from: stateName(e.fromState), to: stateName(e.toState) })}
                  </Typography.Text>
                )}
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
