import { Card, Empty, Flex, Pagination, Spin, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props<T extends { id: string }> {
  items: T[] | undefined;
  loading: boolean;
  /** The table's pagination: the cards page with it, in antd's simple form that fits a phone. */
  pagination: TablePaginationConfig;
  empty: ReactNode;
  /** Where a card leads; without it the cards are plain (their content may hold its own links). */
  linkOf?: (item: T) => string;
  /** A card's content, stacked with a small gap. */
  card: (item: T) => ReactNode;
}

/** A list on a phone: a card per row, each opening its page if it has one, where a desktop shows a table. */
export function PhoneCardList<T extends { id: string }>({ items, loading, pagination, empty, linkOf, card }: Props<T>) {
  if (!loading && items?.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={12}>
      <Spin spinning={loading}>
        <Flex vertical gap={12}>
          {items?.map((item) => {
            const body = (
              <Card key={item.id} size="small" hoverable={!!linkOf}>
                <Flex vertical gap={6}>
                  {card(item)}
                </Flex>
              </Card>
            );
            return linkOf ? (
              <Link key={item.id} to={linkOf(item)} style={{ display: 'block', color: 'inherit' }}>
                {body}
              </Link>
            ) : (
              body
            );
          })}
        </Flex>
      </Spin>
      <Pagination
        simple
        align="center"
        current={pagination.current}
        pageSize={pagination.pageSize}
        total={pagination.total}
        onChange={pagination.onChange}
      />
    </Flex>
  );
}
