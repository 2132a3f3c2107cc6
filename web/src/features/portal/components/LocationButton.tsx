import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Point {
  latitude: number;
  longitude: number;
}

type Failure = 'denied' | 'unavailable' | 'insecure';

/**
 * Adds the phone's position to the report, only when the constituent taps for it: the browser then
 * asks for permission, and nothing is read before. Six decimals (about 0.1 m) is all a map needs.
 */
export function LocationButton({ value, onChange }: { value: Point | null; onChange: (p: Point | null) => void }) {
  const { t } = useTranslation('portal');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  function locate() {
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setFailure('insecure');
      return;
    }
    setBusy(true);
    setFailure(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        onChange({ latitude: round(pos.coords.latitude), longitude: round(pos.coords.longitude) });
      },
      (err) => {
        setBusy(false);
        setFailure(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const messages: Record<Failure, string> = {
    denied: t('report.locationDenied'),
    unavailable: t('report.locationUnavailable'),
    insecure: t('report.locationInsecure'),
  };

  if (value) {
    return (
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        <span role="status">
          <AimOutlined /> {t('report.located', { lat: value.latitude.toFixed(5), lng: value.longitude.toFixed(5) })}
        </span>
        <Button icon={<CloseOutlined />} onClick={() => onChange(null)}>
          {t('report.clearLocation')}
        </Button>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Button icon={<AimOutlined />} loading={busy} onClick={locate} block>
        {busy ? t('report.locating') : t('report.locate')}
      </Button>
      {failure && <Alert type="info" showIcon title={messages[failure]} />}
    </Flex>
  );
}
