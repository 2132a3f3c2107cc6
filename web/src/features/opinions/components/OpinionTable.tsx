import { Flex, Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PhoneCardList } from '../../../components/PhoneCardList';
import type { OpinionListItem } from '../api/types';
import { fmtDate, fmtDateTime, OverdueTag, StateTag, SupervisedTag, UrgedTag } from './OpinionTags';

interface Props {
  items: OpinionListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  sort: string | undefined;
  /** A search is ordered by relevance unless a column's order is asked for. */
  searching: boolean;
  /** Left out for a station's staff, whose cases all come from their station. */
  showStation: boolean;
  onSort: (sort: string | undefined) => void;
}

function CaseTags({ o }: { o: OpinionListItem }) {
  return (
    <Flex gap={4} wrap>
      <StateTag state={o.state} />
      {o.overdue && <OverdueTag />}
      {o.supervised && <SupervisedTag />}
      <UrgedTag count={o.urgeCount} />
    </Flex>
  );
}

const orderOf = (sort: string | undefined, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

/** The case list for a desktop screen: one row per case, sortable by received and due dates. */
export function OpinionTable({ items, loading, pagination, sort, searching, showStation, onSort }: Props) {
  const { t } = useTranslation('opinions');
  const effectiveSort = sort ?? (searching ? undefined : '-receivedAt');
  const secondary = (text: string | null | undefined, width: number) =>
    text ? (
      <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ fontSize: 12, maxWidth: width }}>
        {text}
      </Typography.Text>
    ) : null;
  // Sized to fit a 1440-px screen beside the menu; the constituent's masked name shows on wider ones.
  const columns: TableColumnsType<OpinionListItem> = [
    {
      key: 'title',
      title: t('fields.title'),
      fixed: 'left',
      width: 240,
      render: (_, o) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/opinions/${o.id}`} style={{ fontWeight: 500 }}>
            {o.title}
          </Link>
          {secondary(`${o.trackingCode} · ${o.summary}`, 220)}
        </Flex>
      ),
    },
    { key: 'state', title: t('fields.state'), width: 130, render: (_, o) => <CaseTags o={o} /> },
    {
      key: 'category',
      title: t('fields.category'),
      width: 120,
      render: (_, o) => (
        <Flex vertical gap={2}>
          <span>{o.categoryName ?? '—'}</span>
          {secondary(t(`channel.${o.channel}`), 110)}
        </Flex>
      ),
    },
    {
      key: 'station',
      title: t('fields.station'),
      hidden: !showStation,
      width: 150,
      render: (_, o) => (
        <Flex vertical gap={2}>
          <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 140 }}>
            {o.stationName ?? o.regionName ?? o.regionCode}
          </Typography.Text>
          {o.stationName && secondary(o.regionName, 140)}
        </Flex>
      ),
    },
    {
      key: 'deputy',
      title: t('fields.responsibleDeputy'),
      width: 90,
      render: (_, o) => o.responsibleDeputyName ?? <Typography.Text type="secondary">{t('list.noDeputy')}</Typography.Text>,
    },
    {
      key: 'unit',
      title: t('fields.leadUnit'),
      width: 150,
      render: (_, o) =>
        o.leadUnitName ? (
          <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 140 }}>
            {o.leadUnitName}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('list.noUnit')}</Typography.Text>
        ),
    },
    {
      key: 'dueAt',
      dataIndex: 'dueAt',
      title: t('fields.dueAt'),
      width: 110,
      sorter: true,
      sortOrder: orderOf(effectiveSort, 'dueAt'),
      render: (_, o) => <Typography.Text type={o.overdue ? 'danger' : undefined}>{fmtDate(o.dueAt)}</Typography.Text>,
    },
    {
      key: 'receivedAt',
      dataIndex: 'receivedAt',
      title: t('fields.receivedAt'),
      width: 110,
      sorter: true,
      sortOrder: orderOf(effectiveSort, 'receivedAt'),
      render: (_, o) => <span title={fmtDateTime(o.receivedAt)}>{fmtDate(o.receivedAt)}</span>,
    },
    {
      key: 'submitter',
      title: t('fields.submitter'),
      width: 90,
      responsive: ['xxl'],
      render: (_, o) => o.submitterNameMasked ?? '—',
    },
  ];

  return (
    <Table<OpinionListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      sortDirections={['descend', 'ascend']}
      locale={{ emptyText: t('list.empty') }}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort') return;
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = s?.columnKey as string | undefined;
        if (!field || !s?.order) onSort(undefined);
        else onSort(s.order === 'ascend' ? field : `-${field}`);
      }}
    />
  );
}

/** The same list on a phone: a card per case, what a deputy needs at a glance. */
export function OpinionCards({ items, loading, pagination }: Pick<Props, 'items' | 'loading' | 'pagination'>) {
  const { t } = useTranslation('opinions');
  return (
    <PhoneCardList
      items={items}
      loading={loading}
      pagination={pagination}
      empty={t('list.empty')}
      linkOf={(o) => `/opinions/${o.id}`}
      card={(o) => (
        <>
          <Typography.Text strong ellipsis>
            {o.title}
          </Typography.Text>
          <CaseTags o={o} />
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
            {o.summary}
          </Typography.Paragraph>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.trackingCode} · {fmtDateTime(o.receivedAt)}
            </Typography.Text>
            {o.dueAt && (
              <Typography.Text type={o.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {t('fields.dueAt')} {fmtDate(o.dueAt)}
              </Typography.Text>
            )}
          </Flex>
        </>
      )}
    />
  );
}
