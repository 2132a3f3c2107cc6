import { ManOutlined, WomanOutlined } from '@ant-design/icons';
import { Flex, Table, type TableColumnsType, type TableProps, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListParams } from '../../../lib/useListParams';
import type { DeputyFilter, DeputyListItem } from '../api/types';
import { LevelTag, StatusTag } from './DeputyTags';

const SORTABLE = ['name', 'level', 'term', 'region'] as const;
type SortKey = (typeof SORTABLE)[number];

function orderOf(sort: string | undefined, key: SortKey): SortOrder {
  const s = sort ?? 'name';
  if (s === key) return 'ascend';
  if (s === `-${key}`) return 'descend';
  return null;
}

interface Props {
  params: ListParams<DeputyFilter>;
  data: DeputyListItem[] | undefined;
  total: number | undefined;
  loading: boolean;
  canEdit: boolean;
}

/** The deputy list: one row per mandate, phone masked, sortable by the columns the server sorts by. */
export function DeputyTable({ params, data, total, loading, canEdit }: Props) {
  const { t } = useTranslation('deputies');
  const sort = params.filters.sort;

  const columns: TableColumnsType<DeputyListItem> = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 110,
      sorter: true,
      sortOrder: orderOf(sort, 'name'),
      render: (_, d) => (
        <Flex gap={4} align="center" wrap={false}>
          <Link to={`/deputies/${d.id}`}>{d.name}</Link>
          {d.gender === 'male' && <ManOutlined aria-label={t('gender.male')} style={{ color: '#1677ff' }} />}
          {d.gender === 'female' && <WomanOutlined aria-label={t('gender.female')} style={{ color: '#eb2f96' }} />}
        </Flex>
      ),
    },
    {
      key: 'level',
      title: t('fields.level'),
      width: 90,
      sorter: true,
      sortOrder: orderOf(sort, 'level'),
      render: (_, d) => <LevelTag level={d.level} short />,
    },
    {
      key: 'term',
      title: t('fields.term'),
      width: 90,
      sorter: true,
      sortOrder: orderOf(sort, 'term'),
      render: (_, d) => t('termValue', { term: d.term }),
    },
    {
      key: 'region',
      title: t('fields.region'),
      width: 140,
      sorter: true,
      sortOrder: orderOf(sort, 'region'),
      render: (_, d) => d.regionName ?? d.regionCode,
    },
    {
      key: 'group',
      title: t('fields.deputyGroup'),
      width: 170,
      render: (_, d) => d.deputyGroup ?? d.delegation ?? '—',
    },
    { key: 'party', title: t('fields.party'), width: 110, render: (_, d) => d.party ?? '—' },
    {
      key: 'occupation',
      title: t('fields.occupation'),
      width: 150,
      ellipsis: true,
      render: (_, d) => d.occupation ?? d.occupationCategory ?? '—',
    },
    {
      key: 'phone',
      title: t('fields.phone'),
      width: 120,
      render: (_, d) => <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{d.phoneMasked ?? '—'}</Typography.Text>,
    },
    { key: 'status', title: t('fields.status'), width: 90, render: (_, d) => <StatusTag status={d.status} /> },
    {
      key: 'actions',
      title: t('list.actions'),
      width: canEdit ? 100 : 60,
      render: (_, d) => (
        <Flex gap={12}>
          <Link to={`/deputies/${d.id}`}>{t('common:actions.view')}</Link>
          {canEdit && <Link to={`/deputies/${d.id}/edit`}>{t('common:actions.edit')}</Link>}
        </Flex>
      ),
    },
  ];

  const onChange: TableProps<DeputyListItem>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const key = sorter.columnKey as SortKey | undefined;
    if (!key || !sorter.order) {
      params.set({ sort: undefined });
      return;
    }
    const next = sorter.order === 'descend' ? `-${key}` : key;
    params.set({ sort: next === 'name' ? undefined : next });
  };

  return (
    <Table<DeputyListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data}
      loading={loading}
      onChange={onChange}
      pagination={params.pagination(total)}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('list.empty') }}
    />
  );
}
