import { EditOutlined, EnvironmentOutlined, FileDoneOutlined, PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api';
import { usePublicStation } from '../api/portal';
import type { PublicStation } from '../api/types';
import { DeputyList } from '../components/DeputyList';
import { PortalShell, usePageTitle } from '../components/PortalShell';
import { PublishedCases } from '../components/PublishedCases';

/**
 * A map app's marker page. Amap's URI service needs no key and opens the app on a phone that has it;
 * the coordinates are taken as WGS-84 (what GPS and the browser give), which Amap converts itself.
 */
function mapUrl(s: PublicStation): string {
  const q = new URLSearchParams({
    position: `${s.longitude},${s.latitude}`,
    name: s.name,
    coordinate: 'wgs84',
    callnative: '1',
  });
  return `https://uri.amap.com/marker?${q.toString()}`;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lp-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function StationBody({ station }: { station: PublicStation }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const none = <span className="lp-muted">{t('station.none')}</span>;
  const hasPoint = station.latitude !== null && station.longitude !== null;

  return (
    <>
      <section className="lp-card">
        <div className="lp-kicker">
          {t(`type.${station.type}`)} · {t(`tier.${station.tier}`)}
          {station.regionName ? ` · ${station.regionName}` : ''}
        </div>
        <h1 className="lp-title">{station.name}</h1>
        {station.starLevel > 0 && (
          <div className="lp-kicker">
            <span aria-hidden style={{ color: '#d48806' }}>
              {'★'.repeat(station.starLevel)}
            </span>{' '}
            {t('station.stars', { count: station.starLevel })}
          </div>
        )}
        {station.description && <p style={{ margin: '8px 0 0' }}>{station.description}</p>}
      </section>

      <nav className="lp-actions" aria-label={t('station.report')}>
        <Button
          type="primary"
          block
          className="lp-action"
          onClick={() => void navigate(`/s/${encodeURIComponent(station.code)}/report`)}
        >
          <span className="lp-action-label">
            <EditOutlined /> {t('station.report')}
          </span>
          <span className="lp-action-hint">{t('station.reportHint')}</span>
        </Button>
        <Button block className="lp-action" onClick={() => void navigate(`/track?station=${encodeURIComponent(station.code)}`)}>
          <span className="lp-action-label">
            <SearchOutlined /> {t('station.track')}
          </span>
          <span className="lp-action-hint">{t('station.trackHint')}</span>
        </Button>
        <Button block className="lp-action" onClick={() => void navigate('/public/suggestion-replies')}>
          <span className="lp-action-label">
            <FileDoneOutlined /> {t('station.replies')}
          </span>
          <span className="lp-action-hint">{t('station.repliesHint')}</span>
        </Button>
      </nav>

      <section className="lp-card">
        <dl className="lp-facts">
          <Fact label={t('station.address')}>
            {station.address ?? none}
            {hasPoint && (
              <div>
                <Button href={mapUrl(station)} target="_blank" rel="noopener noreferrer" icon={<EnvironmentOutlined />}>
                  {t('station.map')}
                </Button>
              </div>
            )}
          </Fact>
          <Fact label={t('station.openingHours')}>{station.openingHours ?? none}</Fact>
          <Fact label={t('station.receptionSchedule')}>{station.receptionSchedule ?? none}</Fact>
          <Fact label={t('station.hotline')}>
            {station.hotline ? (
              <Button href={`tel:${station.hotline.replace(/[^\d+]/g, '')}`} icon={<PhoneOutlined />}>
                {t('station.call', { phone: station.hotline })}
              </Button>
            ) : (
              none
            )}
          </Fact>
        </dl>
      </section>

      <DeputyList deputies={station.deputies} />
      <PublishedCases stationCode={station.code} />
    </>
  );
}

/** /s/:code — what a constituent sees after scanning the station's QR code. */
export default function StationPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const query = usePublicStation(code);
  usePageTitle(query.data?.name ?? t('brand'));

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="lp-card">
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  } else if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    body = (
      <div className="lp-card">
        <Result
          status={missing ? 'warning' : 'error'}
          title={missing ? t('station.notFoundTitle') : errorMessage(query.error)}
          subTitle={missing ? t('station.notFoundHint') : undefined}
          extra={[
            !missing && (
              <Button key="retry" onClick={() => void query.refetch()}>
                {t('retry')}
              </Button>
            ),
            <Button key="track" type="primary" onClick={() => void navigate('/track')}>
              {t('station.track')}
            </Button>,
          ]}
        />
      </div>
    );
  } else {
    body = <StationBody station={query.data} />;
  }
  return <PortalShell>{body}</PortalShell>;
}
