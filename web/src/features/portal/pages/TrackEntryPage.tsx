import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LookupForm } from '../components/LookupForm';
import { PortalShell, usePageTitle } from '../components/PortalShell';
import { rememberLast4 } from '../lib/prefs';
import { normalizeTrackingCode } from '../lib/rules';

/** /track — where a constituent types the tracking code and the last 4 digits of the phone. */
export default function TrackEntryPage() {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const station = params.get('station');
  usePageTitle(t('track.title'));

  return (
    <PortalShell>
      {station && (
        <Button
          type="link"
          className="lp-back"
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate(`/s/${encodeURIComponent(station)}`)}
        >
          {t('track.backStation')}
        </Button>
      )}
      <h1 className="lp-title">{t('track.title')}</h1>
      <div className="lp-card">
        <p style={{ marginTop: 0 }}>{t('track.intro')}</p>
        <LookupForm
          withCode
          initial={{ code: normalizeTrackingCode(params.get('code') ?? '') }}
          onSubmit={({ code, last4 }) => {
            // The digits travel in session storage, not in the page's address, which stays in the browser history.
            rememberLast4(code, last4);
            void navigate(`/track/${code}`);
          }}
        />
      </div>
    </PortalShell>
  );
}
