import { CameraOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Image, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { photoSrc, useUploadPhoto } from '../api/deputies';
import type { DeputyDetail } from '../api/types';

const ACCEPT = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 2 * 1024 * 1024;

/** The deputy's photo; the office may replace it (JPEG, PNG or WebP up to 2 MB; the server sniffs the type). */
export function DeputyPhoto({ deputy, canUpload }: { deputy: DeputyDetail; canUpload: boolean }) {
  const { t } = useTranslation('deputies');
  const { message } = App.useApp();
  const upload = useUploadPhoto(deputy.id);
  const src = photoSrc(deputy);

  return (
    <Flex vertical align="center" gap={12}>
      {src ? (
        <Image
          src={src}
          alt={t('photo.alt', { name: deputy.name })}
          width={160}
          height={213}
          style={{ objectFit: 'cover', borderRadius: 8 }}
        />
      ) : (
        <Avatar shape="square" size={160} icon={<UserOutlined />} aria-label={t('photo.none')} />
      )}
      {canUpload && (
        <Upload
          accept={ACCEPT.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            if (!ACCEPT.includes(file.type)) {
              void message.error(t('photo.badType'));
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_BYTES) {
              void message.error(t('photo.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (res) => {
                void message.success(t('photo.uploaded'));
                onSuccess?.(res);
              },
              onError: (err) => {
                void message.error(errorMessage(err));
                onError?.(err as Error);
              },
            });
          }}
        >
          <Button icon={<CameraOutlined />} loading={upload.isPending}>
            {src ? t('photo.replace') : t('photo.upload')}
          </Button>
        </Upload>
      )}
      {canUpload && (
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {t('photo.hint')}
        </Typography.Text>
      )}
    </Flex>
  );
}
