import { Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type BreakdownItem,
  type CountName,
  type Dimension,
  listHref,
  percent,
  type Rate,
  type StatsFilter,
  useSuggestionBreakdown,
} from '../api/suggestionStatistics';

const COUNT_COLUMNS: CountName[] = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'repliedOnTime',
  'classA',
  'classB',
  'classC',
  'classD',
  'faceToFace',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'rehandled',
];
const RATE_COLUMNS = ['onTimeRate', 'solvedRate', 'faceToFaceRate', 'satisfactionRate'] as const;

export function useItemName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (item: BreakdownItem) => (en && item.nameEn) || item.name || item.key || '';
}

function BreakdownTable({ dimension, filter }: { dimension: Dimension; filter: StatsFilter }) {
  const { t } = useTranslation('suggestionStatistics');
  const name = useItemName();
  const query = useSuggestionBreakdown(dimension, filter);
  const columns: ColumnsType<BreakdownItem> = [
    { key: 'name', title: t('name'), width: 200, render: (_, item) => name(item) },
    ...COUNT_COLUMNS.map((c) => ({
      key: c,
      title: t(`metrics.${c}`),
      align: 'right' as const,
      width: 80,
      render: (_: unknown, item: BreakdownItem) => {
        const href = listHref(item.links?.[c]);
        const n = item.figures[c];
        return href && n > 0 ? <Link to={href}>{n}</Link> : n;
      },
    })),
    ...RATE_COLUMNS.map((r) => ({
      key: r,
      title: t(`metrics.${r}`),
      align: 'right' as const,
      width: 96,
      render: (_: unknown, item: BreakdownItem) => percent(item.figures[r] as Rate),
    })),
  ];
  return (
    <Table<BreakdownItem>
      size="small"
      rowKey={(i) => i.key ?? '—'}
      columns={columns}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('empty') }}
    />
  );
}

/** One tab per dimension; every count links to the suggestions it counts. */
export function BreakdownTabs({
  dimensions,
  filter,
  active,
  onTab,
}: {
  dimensions: readonly Dimension[];
  filter: StatsFilter;
  active: Dimension;
  onTab: (d: Dimension) => void;
}) {
  const { t } = useTranslation('suggestionStatistics');
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => onTab(k as Dimension)}
      items={dimensions.map((d) => ({
        key: d,
        label: t(`dims.${d}`),
        children: active === d ? <BreakdownTable dimension={d} filter={filter} /> : null,
      }))}
    />
  );
}
