import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useCongresses } from '../../suggestions/api/congresses';
import '../strings';
import { type Meeting, type MeetingItem, useMeetings } from '../api/meetings';
import { MeetingDrawer } from '../components/MeetingDrawer';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';

/** The year, congress and open meeting, kept in the URL so a meeting can be linked to and returned to. */
function usePageParams() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('year');
  const year = /^\d{4}$/.test(raw ?? '') ? Number(raw) : dayjs().year();
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  /** A real link to a meeting (opens in a new tab too), keeping the filters. */
  const linkTo = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('meeting', id);
    return `?${next.toString()}`;
  };
  return { year, congressId: params.get('congressId') || undefined, meetingId: params.get('meeting') || undefined, set, linkTo };
}

/** 为代表办实事协调会: the meetings recorded in the account's region, and a form to record one. */
export default function MeetingsPage() {
  const { t } = useTranslation('suggestionSupervision');
  const p = usePageParams();
  const [recording, setRecording] = useState(false);
  const [correcting, setCorrecting] = useState<Meeting | null>(null);
  const congresses = useCongresses();
  const meetings = useMeetings({ year: p.year, congressId: p.congressId });
  const thisYear = dayjs().year();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }));
  // A city office sees its districts' meetings too: then each row says whose it is.
  const several = (congresses.data?.items.length ?? 0) > 1;
  const congressName = new Map((congresses.data?.items ?? []).map((c) => [c.id, c.name]));

  const columns: ColumnsType<MeetingItem> = [
    {
      title: t('meetings.heldOn'),
      dataIndex: 'heldOn',
      width: 120,
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    },
    {
      title: t('meetings.place'),
      key: 'place',
      render: (_, m) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={p.linkTo(m.id)}>{m.place}</Link>
          <Typography.Text type="secondary" ellipsis={{ tooltip: m.attendees }} style={{ fontSize: 12, maxWidth: 420 }}>
            {m.attendees}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(several
      ? [
          {
            title: t('meetings.congress'),
            key: 'congress',
            width: 200,
            render: (_: unknown, m: MeetingItem) => congressName.get(m.congressId) ?? '—',
          },
        ]
      : []),
    {
      title: t('meetings.suggestionCount'),
      dataIndex: 'suggestionCount',
      width: 110,
      render: (n: number) => t('meetings.pieces', { count: n }),
    },
    {
      title: t('meetings.problemCount'),
      dataIndex: 'problemCount',
      width: 130,
      render: (n: number) => t('meetings.items', { count: n }),
    },
    {
      key: 'view',
      width: 80,
      render: (_, m) => <Link to={p.linkTo(m.id)}>{t('meetings.view')}</Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        subtitle={t('meetings.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('meetings.record')}
          </Button>
        }
      />
      {meetings.error && <Alert type="error" showIcon title={errorMessage(meetings.error)} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center">
            <Typography.Text>{t('meetings.year')}</Typography.Text>
            <Select style={{ width: 110 }} value={p.year} options={years} onChange={(y) => p.set({ year: String(y) })} />
          </Flex>
          {several && (
            <Flex gap={8} align="center">
              <Typography.Text>{t('meetings.congress')}</Typography.Text>
              <Select
                style={{ width: 240 }}
                value={p.congressId ?? ''}
                options={[
                  { value: '', label: t('meetings.allCongresses') },
                  ...(congresses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
                onChange={(v) => p.set({ congressId: v || undefined })}
              />
            </Flex>
          )}
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={meetings.data?.items ?? []}
          loading={meetings.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('meetings.empty') }}
        />
      </Card>
      {recording && (
        <MeetingFormDrawer
          onClose={() => setRecording(false)}
          onSaved={(m) => {
            setRecording(false);
            p.set({ year: m.heldOn.slice(0, 4), meeting: m.id });
          }}
        />
      )}
      {correcting && (
        <MeetingFormDrawer
          meeting={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={(m) => {
            setCorrecting(null);
            p.set({ year: m.heldOn.slice(0, 4), meeting: m.id });
          }}
        />
      )}
      {p.meetingId && !correcting && (
        <MeetingDrawer id={p.meetingId} onClose={() => p.set({ meeting: undefined })} onCorrect={setCorrecting} />
      )}
    </>
  );
}
