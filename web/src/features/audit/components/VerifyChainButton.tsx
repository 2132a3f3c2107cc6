import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useVerifyChain } from '../api/audit';

export function VerifyChainButton() {
  const { t } = useTranslation('audit');
  const verify = useVerifyChain();
  const report = verify.data;
  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('verify')}
        </Button>
      </div>
      {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} closable />}
      {report && (
        <Alert
          type={report.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          title={report.ok ? t('verifyOk') : t('verifyBroken')}
          description={
            report.ok
              ? t('verifyOkDetail', { checked: report.checked })
              : t('verifyBrokenDetail', {
                  checked: report.checked,
                  id: report.brokenAt,
                  reason: t(`reason.${report.reason}`, { defaultValue: report.reason ?? '' }),
                })
          }
        />
      )}
    </Flex>
  );
}
