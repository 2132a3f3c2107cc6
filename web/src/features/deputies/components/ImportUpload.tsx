import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { type DeputyImport, templateUrl, useStartImport } from '../api/imports';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_MB = 10;

/** Step one: get the template, fill it in, drop it here. The server sniffs the file again. */
export function ImportUpload({ onStarted }: { onStarted: (imp: DeputyImport) => void }) {
  const { t } = useTranslation('deputies');
  const start = useStartImport();
  const [problem, setProblem] = useState<string>();

  return (
    <Card title={t('import.uploadTitle')}>
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <Button icon={<DownloadOutlined />} href={templateUrl()} download>
            {t('import.template')}
          </Button>
          <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
        </Flex>
        {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(undefined) }} />}
        <Upload.Dragger
          accept={`.xlsx,${XLSX_TYPE}`}
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={start.isPending}
          beforeUpload={(file) => {
            setProblem(undefined);
            if (!file.name.toLowerCase().endsWith('.xlsx')) {
              setProblem(t('import.notXlsx', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_MB * 1024 * 1024) {
              setProblem(t('import.tooLarge', { max: MAX_MB }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            start.mutate(file as File, {
              onSuccess: (imp) => {
                onSuccess?.(imp);
                onStarted(imp);
              },
              onError: (err) => {
                setProblem(errorMessage(err));
                onError?.(err as Error);
              },
            });
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{start.isPending ? t('import.uploading') : t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint', { max: MAX_MB })}</p>
        </Upload.Dragger>
      </Flex>
    </Card>
  );
}
