import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserWithPassword } from '../api/users';

interface Props {
  result: (UserWithPassword & { kind: 'created' | 'reset' }) | null;
  onClose(): void;
}

/**
 * Shows a generated password once. The server never shows it again, so the modal only closes through
 * its button (not a click beside it) and offers a copy button.
 */
export function OneTimePasswordModal({ result, onClose }: Props) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();

  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.password);
      void message.success(t('password.copied'));
    } catch {
      void message.warning(t('password.copyFailed'));
    }
  };

  return (
    <Modal
      open={!!result}
      title={
        <Flex gap={8} align="center">
          <KeyOutlined />
          {result?.kind === 'reset' ? t('password.reset') : t('password.created')}
        </Flex>
      }
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onOk={onClose}
      okText={t('password.understood')}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {result && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('password.intro', { name: result.user.displayName, username: result.user.username })}
          </Typography.Paragraph>
          <Flex gap={8}>
            <Input
              readOnly
              value={result.password}
              aria-label={t('password.label')}
              style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 }}
              onFocus={(e) => e.target.select()}
            />
            <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('password.copy')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
