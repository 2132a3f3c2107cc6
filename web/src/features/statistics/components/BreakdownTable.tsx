import { Button, Table, type TableColumnsType, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useBreakdown } from '../api/statistics';
import type { BreakdownItem, Dimension, Period, Scope, StatsFilter } from '../api/types';
import { days, itemName, listLink, percent } from './format';

const PAGE_SIZE = 20;

function DimensionTable({
  dimension,
  filter,
  onDrill,
}: {
  dimension: Dimension;
  filter: StatsFilter;
  onDrill: (regionCode: string) => void;
}) {
  const { t, i18n } = useTranslation('statistics');
  const [page, setPage] = useState(1);
  const data = useBreakdown(dimension, filter, page, PAGE_SIZE);
  const scope: Scope | undefined = data.data?.scope;
  const period: Period | undefined = data.data?.period;
  const count = (key: keyof BreakdownItem['figures']) => ({
    key,
    title: t(`metrics.${key}`),
    align: 'right' as const,
    width: 92,
    render: (_: unknown, r: BreakdownItem) => r.figures[key] as number,
  });
  const columns: TableColumnsType<BreakdownItem> = [
    {
      key: 'name',
      title: t('column.name'),
      fixed: 'left',
      width: 220,
      render: (_, r) => {
        const name = itemName(r, dimension, scope, t, i18n.language === 'en');
        return r.drillable && r.key ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(r.key as string)}>
            {name}
          </Button>
        ) : (
          name
        );
      },
    },
    {
      key: 'received',
      title: t('metrics.received'),
      align: 'right',
      width: 92,
      render: (_, r) => {
        const link = period ? listLink(period, scope, dimension, r.key) : null;
        return link ? <Link to={link}>{r.figures.received}</Link> : r.figures.received;
      },
    },
    count('accepted'),
    count('rejected'),
    count('inProgress'),
    count('closed'),
    count('overdue'),
    count('replied'),
    count('resolved'),
    {
      key: 'satisfactionRate',
      title: t('metrics.satisfactionRate'),
      align: 'right',
      width: 92,
      render: (_, r) => percent(r.figures.satisfactionRate),
    },
    {
      key: 'onTimeRate',
      title: t('metrics.onTimeRate'),
      align: 'right',
      width: 100,
      render: (_, r) => percent(r.figures.onTimeRate),
    },
    {
      key: 'averageTotal',
      title: t('column.averageTotal'),
      align: 'right',
      width: 130,
      render: (_, r) => days(r.figures.stages.total.averageDays),
    },
  ];
  return (
    <Table<BreakdownItem>
      rowKey={(r) => r.key ?? '(none)'}
      size="small"
      columns={columns}
      dataSource={data.data?.items}
      loading={data.isFetching}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: data.error ? errorMessage(data.error) : t('empty') }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: data.data?.total ?? 0,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: setPage,
        showTotal: (total) => t('common:list.total', { total }),
      }}
    />
  );
}

/** The figures per member of each dimension, one tab each. */
export function BreakdownTabs({
  dimensions,
  filter,
  active,
  onTab,
  onDrill,
}: {
  dimensions: readonly Dimension[];
  filter: StatsFilter;
  active: Dimension;
  onTab: (d: Dimension) => void;
  onDrill: (regionCode: string) => void;
}) {
  const { t } = useTranslation('statistics');
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => onTab(k as Dimension)}
      destroyOnHidden
      items={dimensions.map((d) => ({
        key: d,
        label: t(`dimension.${d}`),
        children: <DimensionTable key={JSON.stringify(filter)} dimension={d} filter={filter} onDrill={onDrill} />,
      }))}
    />
  );
}
