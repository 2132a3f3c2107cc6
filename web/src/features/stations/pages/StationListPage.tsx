import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { useStations } from '../api/stations';
import { STATION_FILTERS, type StationListItem } from '../api/types';
import { StationFilters } from '../components/StationFilters';
import { Stars, StationStatusTag, TierTag, TypeTag } from '../components/StationTags';

export default function StationListPage() {
  const { t } = useTranslation('stations');
  const me = useMe();
  const params = useListParams(STATION_FILTERS);
  const list = useStations(params.query);
  const office = can(me, 'stations.write');

  const columns: TableColumnsType<StationListItem> = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 180,
      render: (_, s) => <Link to={`/stations/${s.id}`}>{s.name}</Link>,
    },
    {
      key: 'code',
      title: t('fields.code'),
      width: 110,
      render: (_, s) => <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{s.code}</Typography.Text>,
    },
    {
      key: 'type',
      title: t('fields.typeTier'),
      width: 140,
      render: (_, s) => (
        <Flex gap={4} wrap={false}>
          <TypeTag type={s.type} />
          <TierTag tier={s.tier} />
        </Flex>
      ),
    },
    { key: 'region', title: t('fields.region'), width: 150, render: (_, s) => s.regionName ?? s.regionCode },
    { key: 'star', title: t('fields.starLevel'), width: 120, render: (_, s) => <Stars value={s.starLevel} /> },
    { key: 'members', title: t('fields.memberCount'), width: 90, align: 'right', render: (_, s) => s.memberCount },
    { key: 'hotline', title: t('fields.hotline'), width: 120, render: (_, s) => s.hotline ?? '—' },
    { key: 'status', title: t('fields.status'), width: 90, render: (_, s) => <StationStatusTag status={s.status} /> },
    {
      key: 'actions',
      title: t('list.actions'),
      width: office ? 110 : 70,
      render: (_, s) => (
        <Flex gap={12} wrap={false}>
          {office && <Link to={`/stations/${s.id}/edit`}>{t('common:actions.edit')}</Link>}
          <Link to={`/stations/${s.id}/card`} target="_blank">
            {t('list.card')}
          </Link>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          office && (
            <Link to="/stations/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('list.create')}
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <StationFilters params={params} />
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
        <Table<StationListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={params.pagination(list.data?.total)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('list.empty') }}
        />
      </Card>
    </>
  );
}
