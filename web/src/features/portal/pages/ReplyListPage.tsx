import { Alert, Button, Input, Pagination, Select, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { REPLY_PAGE_SIZE, usePublicReplies } from '../api/replies';
import { PortalShell, usePageTitle } from '../components/PortalShell';
import { ReplyClassBadge } from '../components/ReplyClass';
import '../i18n.replies';

/** The search text, year and page live in the address: a shared link or the back button finds the same list. */
function useQueryParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (patch: { q?: string; year?: number; page?: number }) => {
    const next = { q, year, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.year) out.set('year', String(next.year));
    if (next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };
  return { q, year, page, set };
}

/** /public/suggestion-replies — published replies to deputies' suggestions, for anyone, phone first. */
export default function ReplyListPage() {
  const { t } = useTranslation('portal');
  const p = useQueryParams();
  const list = usePublicReplies({ q: p.q, year: p.year, page: p.page });
  const thisYear = dayjs().year();
  usePageTitle(t('replies.title'));

  const failure = list.error instanceof ApiError && list.error.status === 429 ? t('replies.tooMany') : t('replies.loadFailed');
  return (
    <PortalShell>
      <h1 className="lp-title">{t('replies.title')}</h1>
      <p className="lp-muted" style={{ marginTop: 0 }}>
        {t('replies.intro')}
      </p>
      <search className="lp-card lp-search">
        {/* A new search or year starts again from the first page. */}
        <Input.Search
          key={p.q ?? ''}
          defaultValue={p.q}
          allowClear
          maxLength={50}
          placeholder={t('replies.search')}
          aria-label={t('replies.search')}
          enterButton={t('replies.searchButton')}
          onSearch={(q) => p.set({ q: q.trim() || undefined })}
        />
        <Select
          aria-label={t('replies.yearLabel')}
          value={p.year ?? 0}
          onChange={(y: number) => p.set({ year: y || undefined })}
          options={[
            { value: 0, label: t('replies.allYears') },
            ...Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('replies.yearOption', { year: y }),
            })),
          ]}
        />
      </search>

      {list.isPending && (
        <div className="lp-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      )}
      {list.isError && (
        <Alert type="error" showIcon title={failure} action={<Button onClick={() => void list.refetch()}>{t('retry')}</Button>} />
      )}
      {list.data && list.data.total === 0 && (
        <div className="lp-card">
          <h2 style={{ marginBottom: 4 }}>{t('replies.empty')}</h2>
          <p className="lp-muted" style={{ margin: 0 }}>
            {t('replies.emptyHint')}
          </p>
          {(p.q || p.year) && (
            <Button block style={{ marginTop: 12 }} onClick={() => p.set({ q: undefined, year: undefined })}>
              {t('replies.showAll')}
            </Button>
          )}
        </div>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <p className="lp-muted" style={{ margin: '0 0 8px' }} aria-live="polite">
            {t('replies.total', { count: list.data.total })}
          </p>
          <ol className="lp-replies" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            {list.data.items.map((r) => (
              <li key={r.id}>
                <Link className="lp-reply" to={`/public/suggestion-replies/${r.id}`} state={{ fromList: true }}>
                  <h2>{r.title}</h2>
                  <p className="lp-reply-meta">
                    <span>{r.unitName}</span>
                    <ReplyClassBadge cls={r.replyClass} />
                    {r.repliedOn && (
                      <span>
                        {t('replies.repliedOn')} {r.repliedOn}
                      </span>
                    )}
                  </p>
                </Link>
              </li>
            ))}
          </ol>
          {list.data.total > REPLY_PAGE_SIZE && (
            <Pagination
              className="lp-pager"
              simple
              current={p.page}
              pageSize={REPLY_PAGE_SIZE}
              total={list.data.total}
              onChange={(page) => {
                p.set({ page });
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </>
      )}
    </PortalShell>
  );
}
