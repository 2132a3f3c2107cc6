import { EditOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Grid, Result, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorMessage } from '../../../lib/api';
import { useSuggestion } from '../api/suggestions';
import { ActionPanel } from '../components/ActionPanel';
import { AssignmentCard } from '../components/AssignmentCard';
import { CosignersCard } from '../components/CosignersCard';
import { FactsCard } from '../components/FactsCard';
import { FilesCard } from '../components/FilesCard';
import { KindTag, StateTag } from '../components/format';
import { HandlingCard } from '../components/HandlingCard';
import { InvitationCard } from '../components/InvitationCard';
import { SimilarCard } from '../components/SimilarCard';
import { SuggestionTimeline } from '../components/SuggestionTimeline';
import '../strings';

// Key supervision lives in its own feature and loads only with the page of a non-deputy account.
const SupervisionCard = lazy(() => import('../../suggestionSupervision/components/SupervisionCard'));

export default function SuggestionDetailPage() {
  const { t } = useTranslation('suggestions');
  const { id } = useParams();
  const suggestion = useSuggestion(id);
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const phone = !screens.md;

  if (suggestion.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (suggestion.error || !suggestion.data) {
    const status = suggestion.error instanceof ApiError ? suggestion.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={t('detail.loadFailed')}
        subTitle={errorMessage(suggestion.error)}
        extra={<Link to="/suggestions">{t('detail.backToList')}</Link>}
      />
    );
  }
  const s = suggestion.data;
  const office = !s.me.lead && s.me.cosignerStatus === null;

  const side = (
    <Flex vertical gap={16}>
      <InvitationCard s={s} />
      <ActionPanel s={s} />
      <AssignmentCard id={s.id} />
      <HandlingCard id={s.id} />
      {office && (
        <Suspense fallback={null}>
          <SupervisionCard suggestionId={s.id} />
        </Suspense>
      )}
      <CosignersCard s={s} />
      <FilesCard s={s} />
      {office && wide && <SimilarCard id={s.id} />}
    </Flex>
  );

  return (
    <>
      <PageHeader
        back="/suggestions"
        breadcrumb={wide ? [{ title: <Link to="/suggestions">{t('list.title')}</Link> }, { title: s.title }] : undefined}
        title={<span style={{ overflowWrap: 'anywhere' }}>{s.title}</span>}
        subtitle={
          <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
            <StateTag state={s.state} label={s.stateLabel} />
            <KindTag kind={s.kind} />
            {s.number !== null && (
              <Typography.Text type="secondary">
                {t('fields.number')} {s.number}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          s.me.edit && (
            <Link to={`/suggestions/${s.id}/edit`}>
              <Button icon={<EditOutlined />}>{t('detail.edit')}</Button>
            </Link>
          )
        }
      />
      {/* On a phone the actions come first: a deputy opens a suggestion to act on it. */}
      <Row gutter={[16, 16]}>
        {!wide && <Col xs={24}>{side}</Col>}
        <Col xs={24} lg={15} xl={16}>
          <Flex vertical gap={16}>
            <FactsCard s={s} phone={phone} />
            <SuggestionTimeline id={s.id} />
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
