import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Grid, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useCongresses } from '../../suggestions/api/congresses';
import { type Meeting, useDeleteMeeting, useMeeting } from '../api/meetings';

function Problems({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('suggestionSupervision');
  if (meeting.problems.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noProblems')} />;
  const titles = new Map(meeting.suggestions.map((s) => [s.id, s.title]));
  return (
    <List
      size="small"
      dataSource={meeting.problems}
      renderItem={(p) => (
        <List.Item key={p.position}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Text strong>
              {t('meetings.problemN', { n: p.position })}：{p.problem}
            </Typography.Text>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">{t('meetings.result')}：</Typography.Text>
              {p.result}
            </Typography.Paragraph>
            {p.suggestionId && (
              <Link to={`/suggestions/${p.suggestionId}`} style={{ fontSize: 12 }}>
                {titles.get(p.suggestionId) ?? p.suggestionId}
              </Link>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/**
 * One meeting: when, where, who, the suggestions it discussed and the problems it settled; corrected
 * (`onCorrect` opens the form) or deleted when it was recorded wrong or twice.
 */
export function MeetingDrawer({ id, onClose, onCorrect }: { id: string; onClose: () => void; onCorrect: (m: Meeting) => void }) {
  const { t } = useTranslation('suggestionSupervision');
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const meeting = useMeeting(id);
  const remove = useDeleteMeeting();
  const congresses = useCongresses();
  const m = meeting.data;
  const congress = congresses.data?.items.find((c) => c.id === m?.congressId);
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('meetings.detail')}
      size={screens.md ? 640 : '100%'}
      extra={
        m && (
          <Flex gap={8}>
            <Button onClick={() => onCorrect(m)}>{t('meetings.correct')}</Button>
            <Popconfirm
              title={t('meetings.deleteConfirm')}
              description={t('meetings.deleteHint')}
              okText={t('common:actions.delete')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={async () => {
                try {
                  await remove.mutateAsync(m.id);
                  void message.success(t('meetings.deleted'));
                  onClose();
                } catch (err) {
                  void message.error(errorMessage(err));
                }
              }}
            >
              <Button danger>{t('common:actions.delete')}</Button>
            </Popconfirm>
          </Flex>
        )
      }
    >
      {meeting.error && <Alert type="error" showIcon title={errorMessage(meeting.error)} />}
      {meeting.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {m && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={[
              ...(congress ? [{ key: 'congress', label: t('meetings.congress'), children: congress.name }] : []),
              { key: 'heldOn', label: t('meetings.heldOn'), children: m.heldOn },
              { key: 'place', label: t('meetings.place'), children: m.place },
              {
                key: 'attendees',
                label: t('meetings.attendees'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.attendees}</span>,
              },
              {
                key: 'units',
                label: t('meetings.units'),
                children:
                  m.units.length > 0 ? (
                    <Flex wrap gap={4}>
                      {m.units.map((u) => (
                        <Tag key={u.id} style={{ marginInlineEnd: 0 }}>
                          {u.name}
                        </Tag>
                      ))}
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('meetings.noUnits')}</Typography.Text>
                  ),
              },
              {
                key: 'summary',
                label: t('meetings.summary'),
                children: m.summary ? (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{m.summary}</span>
                ) : (
                  <Typography.Text type="secondary">{t('meetings.noSummary')}</Typography.Text>
                ),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('meetings.suggestions')}</Typography.Title>
            <List
              size="small"
              bordered
              dataSource={m.suggestions}
              renderItem={(s) => (
                <List.Item key={s.id}>
                  <Link to={`/suggestions/${s.id}`}>
                    {s.number !== null && `${t('meetings.numbered', { number: s.number })} `}
                    {s.title}
                  </Link>
                </List.Item>
              )}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('meetings.problems')}</Typography.Title>
            <Problems meeting={m} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('meetings.recordedAt', { date: dayjs(m.createdAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        </Flex>
      )}
    </Drawer>
  );
}
