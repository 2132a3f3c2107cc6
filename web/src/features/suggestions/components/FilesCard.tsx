import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { fileUrl, uploadFile, useInvalidateSuggestions, useRemoveFile } from '../api/suggestions';
import type { Suggestion } from '../api/types';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx';
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 附件: downloads for everyone who sees the suggestion; upload and removal for the lead while it is a draft. */
export function FilesCard({ s }: { s: Suggestion }) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string>();
  const invalidate = useInvalidateSuggestions();
  const remove = useRemoveFile(s.id);

  const upload = async (file: File) => {
    setUploading(true);
    setProblem(undefined);
    try {
      const saved = await uploadFile(s.id, file);
      void message.success(t('form.uploaded', { name: saved.filename }));
      await invalidate();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card
      title={t('detail.files')}
      extra={
        s.me.attach && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={uploading}>
              {t('form.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {remove.error && <Alert type="error" showIcon title={errorMessage(remove.error)} style={{ marginBottom: 12 }} />}
      {s.files.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noFiles')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={s.files}
          renderItem={(f) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex gap={8} align="center" justify="space-between" style={{ width: '100%', minWidth: 0 }}>
                <a href={fileUrl(s.id, f.id)} download style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                  <PaperClipOutlined /> {f.filename}
                </a>
                <Flex gap={4} align="center" style={{ flex: 'none' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {size(f.size)}
                  </Typography.Text>
                  {s.me.attach && (
                    <Popconfirm title={t('detail.remove')} onConfirm={() => remove.mutate(f.id)}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('detail.remove')} />
                    </Popconfirm>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
