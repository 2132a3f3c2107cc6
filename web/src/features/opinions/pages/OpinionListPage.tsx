import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { exportUrl, useOpinions, useWorkbench } from '../api/opinions';
import { OPINION_FILTERS } from '../api/types';
import { OpinionFilters } from '../components/OpinionFilters';
import { OpinionCards, OpinionTable } from '../components/OpinionTable';
import { QueueTabs } from '../components/QueueTabs';
import '../strings';

export default function OpinionListPage() {
  const { t } = useTranslation('opinions');
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const params = useListParams(OPINION_FILTERS);
  const list = useOpinions(params.query);
  const workbench = useWorkbench();
  // A station's staff see their own station's cases only: the station filter would say nothing.
  const showStation = me.role !== 'station_staff';
  const pagination = {
    ...params.pagination(list.data?.total),
    // A broad search counts its matches only up to a limit: the total is then "at least".
    ...(list.data?.totalExact === false ? { showTotal: (n: number) => t('list.totalAtLeast', { total: n }) } : {}),
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={!phone && t('list.subtitle')}
        extra={
          <>
            {can(me, 'opinions.export') && !phone && (
              <a href={exportUrl(params.query)} download>
                <Button icon={<DownloadOutlined />}>{t('list.export')}</Button>
              </a>
            )}
            {can(me, 'opinions.intake') && (
              <Link to="/opinions/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('list.create')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? '4px 12px 12px' : '8px 24px 24px' } }}>
        <QueueTabs workbench={workbench.data} value={params.filters.queue} onChange={(queue) => params.set({ queue })} />
        <OpinionFilters params={params} showStation={showStation} />
        {list.error && (
          <Alert
            type="error"
            showIcon
            title={t('list.unavailable', { message: errorMessage(list.error) })}
            style={{ marginBottom: 16 }}
          />
        )}
        {phone ? (
          <OpinionCards items={list.data?.items} loading={list.isFetching} pagination={pagination} />
        ) : (
          <OpinionTable
            items={list.data?.items}
            loading={list.isFetching}
            pagination={pagination}
            sort={params.filters.sort}
            searching={!!params.q}
            showStation={showStation}
            onSort={(sort) => params.set({ sort })}
          />
        )}
      </Card>
    </>
  );
}
