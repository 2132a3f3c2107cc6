import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { exportUrl, useDeputies } from '../api/deputies';
import { DEPUTY_FILTERS } from '../api/types';
import { DeputyFilters } from '../components/DeputyFilters';
import { DeputyTable } from '../components/DeputyTable';

export default function DeputyListPage() {
  const { t } = useTranslation('deputies');
  const me = useMe();
  const params = useListParams(DEPUTY_FILTERS);
  const list = useDeputies(params.query);
  const office = can(me, 'deputies.write');

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <>
            {can(me, 'deputies.export') && (
              // A plain link: the browser streams the file and keeps the session cookie.
              <Button icon={<DownloadOutlined />} href={exportUrl(params.query)} download disabled={!list.data?.total}>
                {t('list.export')}
              </Button>
            )}
            {can(me, 'deputies.import') && (
              <Link to="/deputies/import">
                <Button icon={<UploadOutlined />}>{t('list.import')}</Button>
              </Link>
            )}
            {office && (
              <Link to="/deputies/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('list.create')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <DeputyFilters params={params} />
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
        <DeputyTable
          params={params}
          data={list.data?.items}
          total={list.data?.total}
          loading={list.isFetching}
          canEdit={office}
        />
      </Card>
    </>
  );
}
