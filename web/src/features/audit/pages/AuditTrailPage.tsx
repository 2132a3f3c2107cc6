import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useListParams } from '../../../lib/useListParams';
import { type AuditEvent, useAuditEvents } from '../api/audit';
import { AuditDiff } from '../components/AuditDiff';
import { VerifyChainButton } from '../components/VerifyChainButton';
import i18nMessages from '../i18n';

const FILTERS = ['action', 'actor', 'entityType', 'entityId', 'from', 'to'] as const;
const KNOWN_ACTIONS = Object.keys(i18nMessages.zh.actions);
const PREFIXES = Object.keys(i18nMessages.zh.prefixes);
const ENTITY_TYPES = Object.keys(i18nMessages.zh.entityTypes);

function actionColor(action: string): string {
  if (action.endsWith('failed')) return 'red';
  if (action.startsWith('auth.')) return 'blue';
  if (action.startsWith('user.')) return 'purple';
  return 'geekblue';
}

export default function AuditTrailPage() {
  const { t } = useTranslation('audit');
  const list = useListParams(FILTERS, { pageSize: 50 });
  const location = useLocation();
  const { filters } = list;
  const events = useAuditEvents(list.query);
  // Text filters apply on Enter or on leaving the field, not on every keystroke.
  const [draft, setDraft] = useState({
    action: filters.action ?? '',
    actor: filters.actor ?? '',
    entityId: filters.entityId ?? '',
  });
  useEffect(() => {
    setDraft({ action: filters.action ?? '', actor: filters.actor ?? '', entityId: filters.entityId ?? '' });
  }, [filters.action, filters.actor, filters.entityId]);
  const commit = (key: 'action' | 'actor' | 'entityId', value = draft[key]) => {
    if ((filters[key] ?? '') !== value.trim()) list.set({ [key]: value.trim() || undefined });
  };

  // Narrowing the list to one actor or one entity is a link: it opens in a new tab and can be shared.
  const filterHref = (patch: Record<string, string | null>) => {
    const params = new URLSearchParams(location.search);
    params.delete('page');
    for (const [k, v] of Object.entries(patch)) if (v) params.set(k, v);
    return `/audit?${params.toString()}`;
  };
  const actionLabel = (a: string) => t(`actions.${a}`, { defaultValue: a });
  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null;

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('columns.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('columns.actor'),
      key: 'actor',
      render: (_, e) =>
        e.actorUsername ? (
          <Flex vertical>
            <Link to={filterHref({ actor: e.actorUsername })}>{e.actorUsername}</Link>
            {e.actorRole && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`common:roles.${e.actorRole}`, { defaultValue: e.actorRole })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('system')}</Typography.Text>
        ),
    },
    {
      title: t('columns.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={actionColor(a)} style={{ marginInlineEnd: 0 }}>
            {actionLabel(a)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {a}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('columns.entity'),
      key: 'entity',
      responsive: ['md'],
      render: (_, e) =>
        e.entityType ? (
          <Flex vertical>
            <span>{t(`entityTypes.${e.entityType}`, { defaultValue: e.entityType })}</span>
            {e.entityId && (
              <Typography.Text type="secondary" copyable={{ text: e.entityId }} style={{ fontSize: 12 }} ellipsis>
                <Link to={filterHref({ entityType: e.entityType, entityId: e.entityId })}>{e.entityId}</Link>
              </Typography.Text>
            )}
          </Flex>
        ) : (
          '—'
        ),
    },
    { title: t('columns.region'), dataIndex: 'regionCode', responsive: ['lg'], render: (r: string | null) => r || '—' },
    { title: t('columns.ip'), dataIndex: 'ip', responsive: ['lg'], render: (ip: string | null) => ip ?? '—' },
  ];

  const hasFilters = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex vertical gap={16}>
        <Card size="small">
          <VerifyChainButton />
        </Card>
        <Card>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <AutoComplete
              allowClear
              value={draft.action}
              onChange={(v: string) => setDraft((d) => ({ ...d, action: v ?? '' }))}
              onSelect={(v: string) => commit('action', v)}
              onBlur={() => commit('action')}
              onClear={() => commit('action', '')}
              options={[
                ...PREFIXES.map((p) => ({ value: p, label: `${p}*  ${t(`prefixes.${p}`)}` })),
                ...KNOWN_ACTIONS.map((a) => ({ value: a, label: `${a}  ${actionLabel(a)}` })),
              ]}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
              style={{ flex: '1 1 220px', maxWidth: 280 }}
            >
              <Input placeholder={t('filters.action')} onPressEnter={() => commit('action')} maxLength={64} />
            </AutoComplete>
            <Input
              allowClear
              value={draft.actor}
              onChange={(e) => {
                setDraft((d) => ({ ...d, actor: e.target.value }));
                if (!e.target.value) commit('actor', '');
              }}
              onPressEnter={() => commit('actor')}
              onBlur={() => commit('actor')}
              placeholder={t('filters.actor')}
              style={{ flex: '1 1 160px', maxWidth: 200 }}
              maxLength={64}
            />
            <Select
              allowClear
              value={filters.entityType}
              onChange={(v) => list.set({ entityType: v })}
              placeholder={t('filters.entityType')}
              options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityTypes.${e}`) }))}
              style={{ flex: '1 1 140px', maxWidth: 180 }}
            />
            <Input
              allowClear
              value={draft.entityId}
              onChange={(e) => {
                setDraft((d) => ({ ...d, entityId: e.target.value }));
                if (!e.target.value) commit('entityId', '');
              }}
              onPressEnter={() => commit('entityId')}
              onBlur={() => commit('entityId')}
              placeholder={t('filters.entityId')}
              style={{ flex: '1 1 200px', maxWidth: 300 }}
              maxLength={64}
            />
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
              value={range}
              placeholder={[t('filters.rangeFrom'), t('filters.rangeTo')]}
              onChange={(v) =>
                list.set({
                  from: v?.[0] ? v[0].second(0).millisecond(0).format() : undefined,
                  to: v?.[1] ? v[1].second(59).millisecond(999).format() : undefined,
                })
              }
              style={{ flex: '1 1 300px', maxWidth: 380 }}
            />
            {hasFilters && <Button onClick={list.reset}>{t('common:actions.reset')}</Button>}
          </Flex>
          {events.isError && <Alert type="error" showIcon title={errorMessage(events.error)} style={{ marginBottom: 16 }} />}
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={events.data?.items}
            loading={events.isFetching}
            pagination={list.pagination(events.data?.total)}
            expandable={{ expandedRowRender: (e) => <AuditDiff event={e} /> }}
            // A fixed minimum width, not max-content: an expanded row's long JSON must wrap, not widen the table.
            scroll={{ x: 880 }}
          />
        </Card>
      </Flex>
    </>
  );
}
