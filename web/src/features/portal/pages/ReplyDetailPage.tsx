import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { type PublicReply, usePublicReply } from '../api/replies';
import { PortalShell, usePageTitle } from '../components/PortalShell';
import { ReplyClassBadge } from '../components/ReplyClass';
import '../i18n.replies';

const LIST = '/public/suggestion-replies';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lp-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReplyView({ r }: { r: PublicReply }) {
  const { t } = useTranslation('portal');
  return (
    <article>
      <section className="lp-card">
        <div className="lp-kicker">
          {r.congressName} · {t('replies.yearOption', { year: r.year })}
        </div>
        <h1 className="lp-title">{r.title}</h1>
        <dl className="lp-facts">
          <Fact label={t('replies.unit')}>{r.unitName}</Fact>
          {r.replyClass && (
            <Fact label={t('replies.class')}>
              <ReplyClassBadge cls={r.replyClass} long />
            </Fact>
          )}
          {r.repliedOn && <Fact label={t('replies.repliedOn')}>{r.repliedOn}</Fact>}
          <Fact label={t('replies.publishedOn')}>{dayjs(r.publishedAt).format('YYYY-MM-DD')}</Fact>
        </dl>
      </section>
      <section className="lp-card">
        <h2>{t('replies.text')}</h2>
        <p className="lp-pre" style={{ margin: 0 }}>
          {r.text}
        </p>
      </section>
      <p className="lp-muted" style={{ fontSize: '0.9em' }}>
        {t('replies.privacy')}
      </p>
    </article>
  );
}

/** /public/suggestion-replies/:id — one published reply, as the office redacted it. */
export default function ReplyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const fromList = (useLocation().state as { fromList?: boolean } | null)?.fromList === true;
  const reply = usePublicReply(id);
  usePageTitle(reply.data?.title ?? t('replies.title'));
  const status = reply.error instanceof ApiError ? reply.error.status : -1;

  return (
    <PortalShell>
      <Button
        type="link"
        className="lp-back"
        icon={<ArrowLeftOutlined />}
        // Back to the list as it was (search, page) when the reader came from it; else to its first page.
        onClick={() => void (fromList ? navigate(-1) : navigate(LIST))}
      >
        {t('replies.back')}
      </Button>
      {reply.isPending && (
        <div className="lp-card">
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      )}
      {(status === 404 || status === 400) && (
        <div className="lp-card">
          <Result
            status="warning"
            title={t('replies.notFoundTitle')}
            subTitle={t('replies.notFoundHint')}
            extra={<Button onClick={() => void navigate(LIST)}>{t('replies.showAll')}</Button>}
            style={{ padding: '16px 0' }}
          />
        </div>
      )}
      {reply.isError && status !== 404 && status !== 400 && (
        <Alert
          type="error"
          showIcon
          title={status === 429 ? t('replies.tooMany') : t('replies.loadFailed')}
          action={<Button onClick={() => void reply.refetch()}>{t('retry')}</Button>}
        />
      )}
      {reply.data && <ReplyView r={reply.data} />}
    </PortalShell>
  );
}
