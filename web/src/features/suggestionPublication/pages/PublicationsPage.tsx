import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Input, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useListParams } from '../../../lib/useListParams';
import '../strings';
import { PUBLICATION_STATUSES, usePublications } from '../api/publications';
import { NewPublicationModal } from '../components/NewPublicationModal';
import { PublicationDrawer } from '../components/PublicationDrawer';
import { PublicationCards, PublicationTable } from '../components/PublicationTable';
import { ReportButton } from '../components/ReportButton';

const FILTERS = ['status', 'year'] as const;

/** /suggestions/publications — the office's drafts, published and withdrawn replies, and the annual report. */
export default function PublicationsPage() {
  const { t } = useTranslation('suggestionPublication');
  const screens = Grid.useBreakpoint();
  const params = useListParams(FILTERS);
  const list = usePublications(params.query);
  const pagination = params.pagination(list.data?.total);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useSearchParams();
  const openId = search.get('open') ?? undefined;
  // Opening an editor is a step the browser's back button undoes; the list's filters stay as they were.
  const withOpen = (id: string | undefined) => {
    const next = new URLSearchParams(search);
    if (id) next.set('open', id);
    else next.delete('open');
    return next;
  };
  const linkOf = (id: string) => `?${withOpen(id).toString()}`;
  const setOpen = (id: string | undefined) => setSearch(withOpen(id));
  const thisYear = dayjs().year();

  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={screens.md && t('page.subtitle')}
        extra={
          <>
            <ReportButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('page.create')}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: screens.md ? '16px 24px 24px' : 12 } }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={params.q}
            placeholder={t('page.search')}
            onSearch={(q) => params.set({ q })}
            style={{ flex: '1 1 220px', maxWidth: 320 }}
          />
          <Segmented<string>
            aria-label={t('page.statusFilter')}
            value={params.filters.status ?? ''}
            onChange={(status) => params.set({ status })}
            options={[
              { value: '', label: t('page.all') },
              ...PUBLICATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <Select
            allowClear
            placeholder={t('page.allYears')}
            value={params.filters.year ? Number(params.filters.year) : undefined}
            onChange={(y?: number) => params.set({ year: y ? String(y) : undefined })}
            style={{ width: 120 }}
            options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
          />
        </Flex>
        {list.error && (
          <Alert
            type="error"
            showIcon
            title={t('page.unavailable', { message: errorMessage(list.error) })}
            style={{ marginBottom: 16 }}
          />
        )}
        {screens.md ? (
          <PublicationTable items={list.data?.items} loading={list.isFetching} pagination={pagination} linkOf={linkOf} />
        ) : (
          <PublicationCards items={list.data?.items} loading={list.isFetching} pagination={pagination} linkOf={linkOf} />
        )}
      </Card>
      {creating && (
        <NewPublicationModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpen(id);
          }}
        />
      )}
      {openId && <PublicationDrawer id={openId} onClose={() => setOpen(undefined)} />}
    </>
  );
}
