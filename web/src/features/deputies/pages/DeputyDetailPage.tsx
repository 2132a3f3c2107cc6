import { EditOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Result, Row, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useDeputy, useRevealedDeputy } from '../api/deputies';
import { MandateCard, PersonCard } from '../components/DeputyInfo';
import { OtherMandatesCard, StationsCard } from '../components/DeputyLinks';
import { DeputyPhoto } from '../components/DeputyPhoto';
import { LevelTag, StatusTag } from '../components/DeputyTags';

export default function DeputyDetailPage() {
  const { t } = useTranslation('deputies');
  const { id } = useParams();
  const me = useMe();
  const office = can(me, 'deputies.write');
  const deputy = useDeputy(id);
  // Revealing is a deliberate, audited act: it lasts until the user hides it or leaves the page.
  const [reveal, setReveal] = useState(false);
  const revealed = useRevealedDeputy(id, reveal);

  if (deputy.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (deputy.error || !deputy.data) {
    const status = deputy.error instanceof ApiError ? deputy.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={t('detail.loadFailed')}
        subTitle={errorMessage(deputy.error)}
        extra={<Link to="/deputies">{t('detail.backToList')}</Link>}
      />
    );
  }
  const d = deputy.data;
  const shown = reveal && revealed.data ? revealed.data : undefined;

  const revealButton = can(me, 'deputies.reveal') ? (
    reveal ? (
      <Button icon={<EyeInvisibleOutlined />} loading={revealed.isFetching} onClick={() => setReveal(false)}>
        {t('reveal.hide')}
      </Button>
    ) : (
      <Popconfirm
        title={t('reveal.confirmTitle')}
        description={t('reveal.confirmText')}
        okText={t('reveal.ok')}
        cancelText={t('common:actions.cancel')}
        onConfirm={() => setReveal(true)}
      >
        <Button icon={<EyeOutlined />}>{t('reveal.show')}</Button>
      </Popconfirm>
    )
  ) : null;

  return (
    <>
      <PageHeader
        back="/deputies"
        breadcrumb={[{ title: <Link to="/deputies">{t('list.title')}</Link> }, { title: d.name }]}
        title={
          <Flex gap={8} align="center" wrap>
            <span>{d.name}</span>
            <LevelTag level={d.level} />
            <StatusTag status={d.status} />
          </Flex>
        }
        subtitle={[d.regionName ?? d.regionCode, t('termValue', { term: d.term }), d.deputyGroup].filter(Boolean).join(' · ')}
        extra={
          <>
            {revealButton}
            {office && (
              <Link to={`/deputies/${d.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />}>
                  {t('common:actions.edit')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      {reveal && revealed.error && (
        <Alert type="error" showIcon title={errorMessage(revealed.error)} style={{ marginBottom: 16 }} />
      )}
      {shown && (
        <Alert
          type="warning"
          showIcon
          title={t('reveal.shown')}
          action={<Tag color="warning">{t('reveal.audited')}</Tag>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} xl={6}>
          <Card>
            <DeputyPhoto deputy={d} canUpload={can(me, 'deputies.uploadPhoto')} />
          </Card>
        </Col>
        <Col xs={24} md={16} xl={18}>
          <Flex vertical gap={16}>
            <PersonCard deputy={d} revealed={shown} />
            <MandateCard deputy={d} />
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <OtherMandatesCard deputy={d} />
        </Col>
        <Col xs={24} lg={12}>
          <StationsCard deputy={d} />
        </Col>
      </Row>
    </>
  );
}
