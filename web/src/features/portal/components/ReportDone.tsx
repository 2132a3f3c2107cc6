import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SubmitReceipt } from '../api/types';
import { copyText } from '../lib/prefs';

/** After sending: the tracking code, large, to copy or write down, and the way to follow the case. */
export function ReportDone({
  receipt,
  stationCode,
  onAnother,
}: {
  receipt: SubmitReceipt;
  stationCode: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const navigate = useNavigate();

  async function copy() {
    if (await copyText(receipt.trackingCode)) void message.success(t('done.copied'));
    else void message.warning(t('done.copyFailed'));
  }

  return (
    <section className="lp-card" aria-live="polite">
      <div className="lp-done-head">
        <CheckCircleFilled className="lp-done-icon" aria-hidden />
        <h1 className="lp-title">{t('done.title')}</h1>
        <p className="lp-muted" style={{ margin: 0 }}>
          {t('done.received', { station: receipt.stationName, time: dayjs(receipt.receivedAt).format('YYYY-MM-DD HH:mm') })}
        </p>
      </div>
      <div style={{ marginTop: 16, fontWeight: 600, textAlign: 'center' }}>{t('done.code')}</div>
      <div className="lp-code" data-testid="tracking-code">
        {receipt.trackingCode}
      </div>
      <Flex vertical gap={12}>
        <Button block size="large" icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('done.copy')}
        </Button>
        <Alert type="warning" showIcon title={t('done.hint')} />
        <Button block size="large" type="primary" onClick={() => void navigate(`/track/${receipt.trackingCode}`)}>
          {t('done.track')}
        </Button>
        <Button block onClick={onAnother}>
          {t('done.another')}
        </Button>
        <Button block type="link" onClick={() => void navigate(`/s/${encodeURIComponent(stationCode)}`)}>
          {t('done.backStation')}
        </Button>
      </Flex>
    </section>
  );
}
