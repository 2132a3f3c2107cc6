import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../lib/i18n';
import { publicFetch } from '../api/portal';

/** server/src/modules/opinions/opinions.publication.schema.ts PublishedList: the office's redacted wording only. */
interface PublishedCase {
  id: string;
  title: string;
  text: string;
  reply: string | null;
  replyResult: 'resolved' | 'basically_resolved' | 'being_resolved' | 'cannot_resolve_now' | null;
  category: string | null;
  receivedOn: string;
  closedOn: string | null;
}
interface PublishedList {
  items: PublishedCase[];
  total: number;
  page: number;
}

i18n.addResourceBundle(
  'zh-CN',
  'portal',
  {
    published: {
      title: '公开的群众意见',
      empty: '暂无公开的意见',
      reply: '答复',
      more: '查看更多',
      dates: '{{received}} 反映 · {{closed}} 办结',
    },
  },
  true,
  true,
);
i18n.addResourceBundle(
  'en',
  'portal',
  {
    published: {
      title: 'Published opinions',
      empty: 'No opinions published yet',
      reply: 'Answer',
      more: 'Show more',
      dates: 'Raised {{received}} · closed {{closed}}',
    },
  },
  true,
  true,
);

const PAGE_SIZE = 5;

/** 公开的群众意见 of a station: closed cases published with the constituent's consent, as the office worded them. */
export function PublishedCases({ stationCode }: { stationCode: string }) {
  const { t } = useTranslation('portal');
  const [pages, setPages] = useState(1);
  const query = useQuery({
    queryKey: ['portal', 'published', stationCode, pages],
    queryFn: ({ signal }) =>
      publicFetch<PublishedList>('/public/opinions/published', {
        query: { stationCode, page: 1, pageSize: Math.min(PAGE_SIZE * pages, 50) },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const list = query.data;
  if (query.isError) return null;
  return (
    <section className="lp-card" aria-labelledby="lp-published-title">
      <h2 id="lp-published-title">{t('published.title')}</h2>
      {query.isPending && <Skeleton active title={false} paragraph={{ rows: 3 }} />}
      {list && list.items.length === 0 && <p style={{ color: 'var(--lp-muted)' }}>{t('published.empty')}</p>}
      {list?.items.map((c) => (
        <article key={c.id} className="lp-published" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginTop: 12 }}>
          <h3 style={{ fontSize: '1.05em', margin: '0 0 4px' }}>{c.title}</h3>
          <p style={{ color: 'var(--lp-muted)', margin: '0 0 6px', fontSize: '0.85em' }}>
            {[c.category, t('published.dates', { received: c.receivedOn, closed: c.closedOn ?? '—' })]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0 0 6px' }}>{c.text}</p>
          {c.reply && (
            <p
              style={{
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                margin: 0,
                background: '#f6ffed',
                padding: 8,
                borderRadius: 8,
              }}
            >
              <strong>{t('published.reply')}：</strong>
              {c.reply}
            </p>
          )}
        </article>
      ))}
      {list && list.items.length < list.total && PAGE_SIZE * pages < 50 && (
        <Button block style={{ marginTop: 12 }} loading={query.isFetching} onClick={() => setPages((n) => n + 1)}>
          {t('published.more')}
        </Button>
      )}
    </section>
  );
}
