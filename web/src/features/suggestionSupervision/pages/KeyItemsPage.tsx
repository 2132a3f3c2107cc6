import { Alert, Card, Col, Flex, Row, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import '../strings';
import { useKeyItems, useTopics } from '../api/supervision';
import { KeyItemTable } from '../components/KeyItemTable';
import { TopicList } from '../components/TopicList';

/** The year, topic and "mine" switch, kept in the URL so a view can be shared and returned to. */
function usePageParams() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('year');
  const year = /^\d{4}$/.test(raw ?? '') ? Number(raw) : dayjs().year();
  const topicId = params.get('topicId') || undefined;
  const mine = params.get('mine') === 'true';
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  return { year, topicId, mine, set };
}

export default function KeyItemsPage() {
  const { t } = useTranslation('suggestionSupervision');
  const me = useMe();
  const p = usePageParams();
  const topics = useTopics(p.year);
  const items = useKeyItems({ year: p.year, topicId: p.topicId, mine: p.mine });
  const thisYear = dayjs().year();
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }));
  const failed = items.error ?? topics.error;

  return (
    <>
      <PageHeader title={t('keyItems.title')} subtitle={t('keyItems.subtitle')} />
      {failed && <Alert type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center">
            <Typography.Text>{t('keyItems.year')}</Typography.Text>
            <Select
              style={{ width: 110 }}
              value={p.year}
              options={years}
              onChange={(y) => p.set({ year: String(y), topicId: undefined })}
            />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>{t('keyItems.topic')}</Typography.Text>
            <Select
              style={{ width: 220 }}
              value={p.topicId ?? ''}
              options={[
                { value: '', label: t('keyItems.allTopics') },
                ...(topics.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
              ]}
              onChange={(v) => p.set({ topicId: v || undefined })}
            />
          </Flex>
          {me.role === 'leader' && (
            <Flex gap={8} align="center">
              <Switch checked={p.mine} onChange={(on) => p.set({ mine: on ? 'true' : undefined })} />
              <Typography.Text>{t('keyItems.mine')}</Typography.Text>
            </Flex>
          )}
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={18}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <KeyItemTable items={items.data?.items ?? []} loading={items.isLoading} />
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <TopicList
            topics={topics.data?.items ?? []}
            year={p.year}
            selected={p.topicId}
            onSelect={(id) => p.set({ topicId: id })}
          />
        </Col>
      </Row>
    </>
  );
}
