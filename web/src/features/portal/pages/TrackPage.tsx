import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { casePhotoUrl, usePublicCase } from '../api/portal';
import type { PublicCase } from '../api/types';
import { CaseHistory, CaseSteps, STAGE_COLORS } from '../components/CaseProgress';
import { EvaluationForm } from '../components/EvaluationForm';
import { LookupForm } from '../components/LookupForm';
import { PortalShell, usePageTitle } from '../components/PortalShell';
import { forgetLast4, recallLast4, rememberLast4 } from '../lib/prefs';
import { normalizeTrackingCode } from '../lib/rules';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lp-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CaseView({ c, last4 }: { c: PublicCase; last4: string }) {
  const { t } = useTranslation('portal');
  const ev = c.evaluation;
  return (
    <div className="lp-stack" style={{ gap: 0 }}>
      <section className="lp-card">
        <div className="lp-kicker">{t('progress.code', { code: c.trackingCode })}</div>
        <h1 className="lp-title" style={{ color: STAGE_COLORS[c.stage] }}>
          {t(`progress.stage.${c.stage}`)}
        </h1>
        <p className="lp-muted" style={{ marginTop: 0 }}>
          {t(`progress.stageHint.${c.stage}`)}
        </p>
        <CaseSteps c={c} />
      </section>

      {c.stage === 'rejected' && (c.rejectReason || c.rejectGuidance) && (
        <section className="lp-card">
          <h2>{t('progress.rejectTitle')}</h2>
          {c.rejectReason && <p className="lp-pre">{c.rejectReason}</p>}
          {c.rejectGuidance && (
            <Alert
              type="info"
              showIcon
              title={t('progress.guidance')}
              description={<span className="lp-pre">{c.rejectGuidance}</span>}
            />
          )}
        </section>
      )}

      {c.reply && (
        <section className="lp-card">
          <h2>
            {t('progress.reply')}
            {c.reply.result && (
              <span className="lp-role" style={{ color: '#237804' }}>
                {t(`progress.result.${c.reply.result}`)}
              </span>
            )}
          </h2>
          {c.reply.text && (
            <p className="lp-pre" style={{ marginTop: 0 }}>
              {c.reply.text}
            </p>
          )}
          <dl className="lp-facts">
            {c.reply.unitName && <Row label={t('progress.replyUnit')}>{c.reply.unitName}</Row>}
            {c.reply.repliedAt && <Row label={t('progress.repliedAt')}>{when(c.reply.repliedAt)}</Row>}
          </dl>
        </section>
      )}

      {c.canEvaluate ? (
        <EvaluationForm code={c.trackingCode} last4={last4} />
      ) : (
        ev && (
          <section className="lp-card">
            <strong>{t('progress.evaluation.yours', { value: t(`progress.evaluation.${ev}`) })}</strong>
          </section>
        )
      )}

      <section className="lp-card">
        <h2>{t('progress.yourContent')}</h2>
        <p className="lp-pre" style={{ marginTop: 0 }}>
          {c.content}
        </p>
        <dl className="lp-facts">
          {c.placeText && <Row label={t('progress.place')}>{c.placeText}</Row>}
          {c.categoryName && <Row label={t('progress.category')}>{c.categoryName}</Row>}
          {c.stationName && <Row label={t('progress.station')}>{c.stationName}</Row>}
          <Row label={t('progress.receivedAt')}>{when(c.receivedAt)}</Row>
        </dl>
        {c.photos.length > 0 && (
          <>
            <h3 className="lp-section-title" style={{ marginTop: 16, fontSize: '1em' }}>
              {t('progress.photos')}
            </h3>
            <div className="lp-case-photos">
              {c.photos.map((p, i) => {
                const src = casePhotoUrl(p.url, last4);
                return (
                  <a key={p.id} href={src} target="_blank" rel="noopener">
                    <img src={src} alt={t('progress.photoAlt', { n: i + 1 })} loading="lazy" />
                  </a>
                );
              })}
            </div>
          </>
        )}
      </section>

      <CaseHistory steps={c.steps} />
    </div>
  );
}

function TrackBody({ code }: { code: string }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [last4, setLast4] = useState<string | null>(() => recallLast4(code));
  const query = usePublicCase(code, last4);

  const retry = (next: { code: string; last4: string }) => {
    rememberLast4(next.code, next.last4);
    if (next.code === code) setLast4(next.last4);
    else void navigate(`/track/${next.code}`);
  };

  if (!last4) {
    return (
      <div className="lp-card">
        <h1 className="lp-title">{t('track.title')}</h1>
        <p className="lp-kicker">{t('progress.code', { code })}</p>
        <LookupForm withCode={false} initial={{ code }} onSubmit={retry} />
      </div>
    );
  }
  if (query.isPending) {
    return (
      <div className="lp-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : -1;
    let text = query.error.message;
    if (status === 404) text = t('track.notFound');
    if (status === 429 && query.error instanceof ApiError && query.error.code.startsWith('HTTP_')) text = t('track.tooMany');
    return (
      <div className="lp-card">
        <h1 className="lp-title">{t('track.title')}</h1>
        <Alert type={status === 404 ? 'warning' : 'error'} showIcon title={text} style={{ marginBottom: 16 }} />
        {status === 404 || status === 400 ? (
          <LookupForm
            withCode
            initial={{ code }}
            onSubmit={(next) => {
              forgetLast4(code);
              retry(next);
            }}
          />
        ) : (
          <Button block onClick={() => void query.refetch()}>
            {t('retry')}
          </Button>
        )}
      </div>
    );
  }
  return <CaseView c={query.data} last4={last4} />;
}

/** /track/:code — a case's progress, its answer, and the rating once it is answered. */
export default function TrackPage() {
  const { code: raw = '' } = useParams();
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const code = normalizeTrackingCode(raw);
  usePageTitle(`${t('progress.title')} ${code}`);

  return (
    <PortalShell>
      <Button type="link" className="lp-back" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/track')}>
        {t('track.home')}
      </Button>
      {/* A new code starts from a clean slate: its own digits, its own query. */}
      <TrackBody key={code} code={code} />
    </PortalShell>
  );
}
