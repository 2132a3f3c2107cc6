import { EditOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Result, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useStation } from '../api/stations';
import { MembersCard } from '../components/MembersCard';
import { QrCard, StaffCard, StationInfoCard } from '../components/StationInfo';
import { TypeTag } from '../components/StationTags';

export default function StationDetailPage() {
  const { t } = useTranslation('stations');
  const { id } = useParams();
  const me = useMe();
  const station = useStation(id);

  if (station.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (station.error || !station.data) {
    const status = station.error instanceof ApiError ? station.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={t('detail.loadFailed')}
        subTitle={errorMessage(station.error)}
        extra={<Link to="/stations">{t('detail.backToList')}</Link>}
      />
    );
  }
  const s = station.data;

  return (
    <>
      <PageHeader
        back="/stations"
        breadcrumb={[{ title: <Link to="/stations">{t('list.title')}</Link> }, { title: s.name }]}
        title={
          <Flex gap={8} align="center" wrap>
            <span>{s.name}</span>
            <TypeTag type={s.type} />
          </Flex>
        }
        subtitle={[s.code, s.regionName].filter(Boolean).join(' · ')}
        extra={
          can(me, 'stations.write') && (
            <Link to={`/stations/${s.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />}>
                {t('common:actions.edit')}
              </Button>
            </Link>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <StationInfoCard station={s} />
        </Col>
        <Col xs={24} lg={8}>
          <QrCard station={s} />
        </Col>
        <Col xs={24}>
          <MembersCard station={s} canManage={can(me, 'stations.members')} />
        </Col>
        <Col xs={24}>
          <StaffCard station={s} />
        </Col>
      </Row>
    </>
  );
}
