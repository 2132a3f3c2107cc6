import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Segmented, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useStationCard } from '../api/stations';
import type { MemberRole, StationCard } from '../api/types';
import '../components/StationCard.css';

type Paper = 'a4' | 'a6';
const PAGE_RULE: Record<Paper, string> = {
  a4: '@page { size: A4 portrait; margin: 14mm 14mm 10mm; }',
  // Chrome does not know the A6 keyword: give the size itself.
  a6: '@page { size: 105mm 148mm; margin: 6mm 6mm 4mm; }',
};
const ROLE_ORDER: Record<MemberRole, number> = { head: 0, deputy_head: 1, member: 2 };

function Sheet({ card, paper }: { card: StationCard; paper: Paper }) {
  const { t } = useTranslation('stations');
  const deputies = [...card.deputies].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const leaders = deputies.filter((d) => d.role !== 'member');
  // The server generated this SVG; shown as an image it cannot run anything in the page.
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qrSvg)}`;

  return (
    <article className={`lsc-sheet lsc-${paper}`} aria-label={t('card.title', { name: card.name })}>
      <header className="lsc-header">
        <div className="lsc-kind">{t(`card.kind.${card.type}`)}</div>
        <h1 className="lsc-name">{card.name}</h1>
        <div className="lsc-code">
          {t('card.code')} {card.code}
          {card.regionName ? ` · ${card.regionName}` : ''}
        </div>
      </header>

      <section className="lsc-qr">
        <img src={qrSrc} alt={t('qr.alt', { name: card.name })} />
        <div className="lsc-scan">{t('card.scan')}</div>
      </section>
      <p className="lsc-slogan">{t('card.slogan')}</p>

      <dl className="lsc-facts">
        <dt>{t('fields.hotline')}</dt>
        <dd className={card.hotline ? 'lsc-hotline' : undefined}>{card.hotline ?? t('card.none')}</dd>
        <dt>{t('fields.address')}</dt>
        <dd>{card.address ?? t('card.none')}</dd>
        <dt>{t('fields.openingHours')}</dt>
        <dd>{card.openingHours ?? t('card.none')}</dd>
        <dt>{t('fields.receptionSchedule')}</dt>
        <dd>{card.receptionSchedule ?? t('card.none')}</dd>
      </dl>

      <section className="lsc-deputies">
        <h2>{t('card.deputies', { count: deputies.length })}</h2>
        {deputies.length === 0 && <p className="lsc-heads">{t('card.noDeputies')}</p>}
        {paper === 'a4' && deputies.length > 0 && (
          <ul className={deputies.length > 60 ? 'lsc-grid lsc-many' : 'lsc-grid'}>
            {deputies.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the card carries no ids; two deputies may share a name
              <li key={`${d.name}-${i}`}>
                <span className="lsc-dname">{d.name}</span>
                {d.role !== 'member' && <span className="lsc-role">{t(`role.${d.role}`)}</span>}
                <span className="lsc-dmeta">{t(`card.level.${d.level}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {/* A pocket card has room for who leads the station and how many serve in it. */}
        {paper === 'a6' && deputies.length > 0 && (
          <p className="lsc-heads">
            {leaders.map((d) => `${t(`role.${d.role}`)}：${d.name}（${t(`card.level.${d.level}`)}）`).join('；')}
            {leaders.length > 0 ? '；' : ''}
            {t('card.inAll', { count: deputies.length })}
          </p>
        )}
      </section>

      <footer className="lsc-footer">{t('card.footer', { url: card.publicUrl })}</footer>
    </article>
  );
}

/** The printable contact card: no console chrome, true-to-size on A4 or A6, the toolbar hidden in print. */
export default function StationCardPage() {
  const { t } = useTranslation('stations');
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const paper: Paper = params.get('paper') === 'a6' ? 'a6' : 'a4';
  const card = useStationCard(id);

  useEffect(() => {
    if (!card.data) return;
    const previous = document.title;
    document.title = t('card.title', { name: card.data.name });
    return () => {
      document.title = previous;
    };
  }, [card.data, t]);

  return (
    <div className="lsc-page">
      <style>{PAGE_RULE[paper]}</style>
      <div className="lsc-toolbar lsc-noprint">
        <Link to={`/stations/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('card.back')}</Button>
        </Link>
        <Segmented<Paper>
          value={paper}
          onChange={(v) => setParams(v === 'a4' ? {} : { paper: v }, { replace: true })}
          options={[
            { value: 'a4', label: t('card.a4') },
            { value: 'a6', label: t('card.a6') },
          ]}
          aria-label={t('card.paper')}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!card.data}>
          {t('card.print')}
        </Button>
      </div>
      {card.isLoading && <Skeleton active style={{ maxWidth: 600, margin: '0 auto' }} />}
      {card.error && <Result status="error" title={t('detail.loadFailed')} subTitle={errorMessage(card.error)} />}
      {card.data && <Sheet card={card.data} paper={paper} />}
    </div>
  );
}
