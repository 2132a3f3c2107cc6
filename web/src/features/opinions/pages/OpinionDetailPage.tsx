import { Col, Flex, Grid, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useCaseActions, useOpinion } from '../api/opinions';
import { ActionPanel } from '../components/ActionPanel';
import { CaseFactsCard } from '../components/CaseFacts';
import { CaseTimeline } from '../components/CaseTimeline';
import { HandlingCard } from '../components/HandlingCard';
import { OverdueTag, StateTag, SupervisedTag, UrgedTag } from '../components/OpinionTags';
import { PublicationCard } from '../components/PublicationCard';
import { SimilarCard } from '../components/SimilarCard';
import '../strings';

export default function OpinionDetailPage() {
  const { t } = useTranslation('opinions');
  const { id } = useParams();
  const opinion = useOpinion(id);
  const actions = useCaseActions(id);
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const me = useMe();

  if (opinion.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (opinion.error || !opinion.data) {
    const status = opinion.error instanceof ApiError ? opinion.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={t('detail.loadFailed')}
        subTitle={errorMessage(opinion.error)}
        extra={<Link to="/opinions">{t('detail.backToList')}</Link>}
      />
    );
  }
  const o = opinion.data;
  const mayPublish = can(me, 'opinions.publish');

  const side = (
    <Flex vertical gap={16}>
      <ActionPanel opinion={o} />
      <HandlingCard opinion={o} actions={actions.data} />
      {mayPublish && o.state === 'closed' && <PublicationCard opinionId={o.id} />}
      {wide && <SimilarCard opinionId={o.id} />}
    </Flex>
  );

  return (
    <>
      <PageHeader
        back="/opinions"
        breadcrumb={wide ? [{ title: <Link to="/opinions">{t('list.title')}</Link> }, { title: o.trackingCode }] : undefined}
        title={<span style={{ overflowWrap: 'anywhere' }}>{o.title}</span>}
        subtitle={
          <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
            <StateTag state={o.state} />
            {o.overdue && <OverdueTag />}
            {o.supervised && <SupervisedTag />}
            <UrgedTag count={o.urgeCount} />
            <Typography.Text type="secondary">{o.trackingCode}</Typography.Text>
          </Flex>
        }
      />
      {/* On a phone the actions come first: the deputy opens a case to act on it. */}
      <Row gutter={[16, 16]}>
        {!wide && <Col xs={24}>{side}</Col>}
        <Col xs={24} lg={15} xl={16}>
          <Flex vertical gap={16}>
            <CaseFactsCard opinion={o} />
            <CaseTimeline opinion={o} />
            {!wide && <SimilarCard opinionId={o.id} />}
          </Flex>
        </Col>
        {wide && (
          <Col lg={9} xl={8}>
            {side}
          </Col>
        )}
      </Row>
    </>
  );
}
