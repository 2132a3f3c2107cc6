import { Empty, Flex, Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PhoneCardList } from '../../../components/PhoneCardList';
import { fmtDateTime } from '../../suggestions/components/format';
import type { PublicationItem } from '../api/publications';
import { ReplyClassTag, StatusTag } from './format';

interface Props {
  items: PublicationItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** The address of a row's editor: this list with ?open=<id>, a real link (new tab, copy, keyboard). */
  linkOf: (id: string) => string;
}

/** Drafts, published and withdrawn replies; a title opens the editor. */
export function PublicationTable({ items, loading, pagination, linkOf }: Props) {
  const { t } = useTranslation('suggestionPublication');
  const columns: TableColumnsType<PublicationItem> = [
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, p) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={linkOf(p.id)} style={{ fontWeight: 500 }}>
            {p.title}
          </Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 560 }}>
            {p.text}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'unit', title: t('fields.unit'), width: 200, render: (_, p) => p.unitName },
    { key: 'class', title: t('fields.replyClass'), width: 100, render: (_, p) => <ReplyClassTag cls={p.replyClass} /> },
    { key: 'status', title: t('fields.status'), width: 100, render: (_, p) => <StatusTag status={p.status} /> },
    { key: 'year', title: t('fields.year'), width: 80, dataIndex: 'year' },
    {
      key: 'when',
      title: t('fields.publishedAt'),
      width: 150,
      render: (_, p) =>
        p.unpublishedAt && !p.publishedAt ? (
          <Typography.Text type="secondary">
            {t('fields.unpublishedAt')} {fmtDateTime(p.unpublishedAt)}
          </Typography.Text>
        ) : (
          fmtDateTime(p.publishedAt)
        ),
    },
  ];
  return (
    <Table<PublicationItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      locale={{ emptyText: <Empty description={t('page.empty')} /> }}
      scroll={{ x: 900 }}
    />
  );
}

/** The same list on a phone: a card per publication. */
export function PublicationCards({ items, loading, pagination, linkOf }: Props) {
  const { t } = useTranslation('suggestionPublication');
  return (
    <PhoneCardList
      items={items}
      loading={loading}
      pagination={pagination}
      empty={t('page.empty')}
      linkOf={(p) => linkOf(p.id)}
      card={(p) => (
        <>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {p.title}
          </Typography.Text>
          <Flex gap={4} wrap>
            <StatusTag status={p.status} />
            <ReplyClassTag cls={p.replyClass} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.unitName} · {p.year}
            {p.publishedAt && ` · ${fmtDateTime(p.publishedAt)}`}
          </Typography.Text>
        </>
      )}
    />
  );
}
