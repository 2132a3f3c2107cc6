import { Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KeyItem } from '../api/supervision';
import { StateLabel } from './StateLabel';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** One line per handling unit: its role, due date, and whether it is late or urged. */
function UnitProgress({ item }: { item: KeyItem }) {
  const { t } = useTranslation('suggestionSupervision');
  if (item.units.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {item.units.map((u) => (
        <Flex key={u.id} wrap gap={4} align="center">
          <Typography.Text>{u.unit.name}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`suggestions:role.${u.role}`)}</Tag>
          {u.repliedAt ? (
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('keyItems.replied')}
            </Tag>
          ) : (
            <Typography.Text type={u.overdue ? 'danger' : 'secondary'}>
              {t('keyItems.due', { date: fmt(u.dueAt) })}
            </Typography.Text>
          )}
          {u.overdue && !u.repliedAt && (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('keyItems.overdue')}
            </Tag>
          )}
          {u.urgeCount > 0 && (
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t('keyItems.urged', { count: u.urgeCount })}
            </Tag>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

export function KeyItemTable({ items, loading }: { items: KeyItem[]; loading: boolean }) {
  const { t } = useTranslation('suggestionSupervision');
  const columns: ColumnsType<KeyItem> = [
    { title: t('keyItems.number'), dataIndex: 'number', width: 70, render: (n: number | null) => n ?? '—' },
    {
      title: t('keyItems.suggestion'),
      key: 'title',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.topic ? r.topic.name : t('keyItems.noTopic')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('keyItems.state'), dataIndex: 'state', width: 120, render: (_, r) => <StateLabel state={r.state} /> },
    { title: t('keyItems.units'), key: 'units', render: (_, r) => <UnitProgress item={r} /> },
    {
      title: t('keyItems.lastReport'),
      key: 'report',
      width: 260,
      render: (_, r) =>
        r.lastReport ? (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.lastReport.reportedOn} · {t(`keyItems.side.${r.lastReport.side}`)}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {r.lastReport.text}
            </Typography.Paragraph>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('keyItems.noReport')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table
      rowKey="suggestionId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('keyItems.empty') }}
    />
  );
}
