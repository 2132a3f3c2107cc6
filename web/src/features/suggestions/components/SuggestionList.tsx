import { Empty, Flex, Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PhoneCardList } from '../../../components/PhoneCardList';
import type { SuggestionItem } from '../api/types';
import { fmtDate, KindTag, StateTag, useText } from './format';

interface Props {
  items: SuggestionItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** Rows can be ticked (batch assignment). */
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

/** The list on a desktop screen: one row per suggestion. */
export function SuggestionTable({ items, loading, pagination, selection }: Props) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const columns: TableColumnsType<SuggestionItem> = [
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, s) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/suggestions/${s.id}`} style={{ fontWeight: 500 }}>
            {s.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.number ? `${t('fields.number')} ${s.number} · ` : ''}
            {text(s.place)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'state',
      title: t('fields.state'),
      width: 170,
      render: (_, s) => (
        <Flex gap={4} wrap>
          <StateTag state={s.state} label={s.stateLabel} />
          <KindTag kind={s.kind} />
        </Flex>
      ),
    },
    {
      key: 'lead',
      title: t('fields.lead'),
      width: 150,
      render: (_, s) => (
        <Flex vertical gap={2}>
          <span>{s.leadDeputy.name}</span>
          {s.cosignerCount > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('detail.cosignersCount', { confirmed: s.confirmedCount, total: s.cosignerCount })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('fields.category'),
      width: 120,
      render: (_, s) => (s.category ? (text({ zh: s.category.name, en: s.category.nameEn ?? s.category.name }) ?? '—') : '—'),
    },
    { key: 'submittedAt', title: t('fields.submittedAt'), width: 110, render: (_, s) => fmtDate(s.submittedAt ?? s.createdAt) },
    { key: 'dueAt', title: t('fields.dueAt'), width: 110, render: (_, s) => fmtDate(s.dueAt) },
  ];
  return (
    <Table<SuggestionItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      locale={{ emptyText: <Empty description={t('list.empty')} /> }}
      rowSelection={
        selection ? { selectedRowKeys: selection.keys, onChange: (keys) => selection.onChange(keys.map(String)) } : undefined
      }
      scroll={{ x: 900 }}
    />
  );
}

/** The same list on a phone: a card per suggestion. */
export function SuggestionCards({ items, loading, pagination }: Props) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  return (
    <PhoneCardList
      items={items}
      loading={loading}
      pagination={pagination}
      empty={t('list.empty')}
      linkOf={(s) => `/suggestions/${s.id}`}
      card={(s) => (
        <>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {s.title}
          </Typography.Text>
          <Flex gap={4} wrap>
            <StateTag state={s.state} label={s.stateLabel} />
            <KindTag kind={s.kind} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.leadDeputy.name}
            {s.cosignerCount > 0 && ` · ${t('detail.cosignersCount', { confirmed: s.confirmedCount, total: s.cosignerCount })}`}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text(s.place)} · {fmtDate(s.submittedAt ?? s.createdAt)}
          </Typography.Text>
        </>
      )}
    />
  );
}
