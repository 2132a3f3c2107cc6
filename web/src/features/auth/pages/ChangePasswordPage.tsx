import { Alert, App, Button, Flex, Form, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { useAuth, useMe } from '../../../lib/auth';
import { applyServerErrors } from '../../../lib/forms';
import { meetsPasswordPolicy, passwordClasses, useChangePassword } from '../api/password';
import { AuthCard } from '../components/AuthCard';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

// Server codes that belong to one field rather than the whole form.
const FIELD_OF_CODE: Record<string, keyof PasswordForm> = {
  BAD_CURRENT_PASSWORD: 'currentPassword',
  SAME_PASSWORD: 'newPassword',
};

export default function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const { refresh, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const classes = Math.min(passwordClasses(newPassword), 3);

  const submit = async ({ currentPassword, newPassword: next }: PasswordForm) => {
    setFormError(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword: next });
      void message.success(t('password.done'));
      await refresh();
      void navigate('/', { replace: true });
    } catch (err) {
      const field = err instanceof ApiError ? FIELD_OF_CODE[err.code] : undefined;
      if (field && err instanceof ApiError) {
        form.setFields([{ name: field, errors: [err.message] }]);
        return;
      }
      const rest = applyServerErrors(form, err);
      if (rest.length) setFormError(rest.join('；'));
    }
  };

  return (
    <AuthCard title={t('password.title')}>
      {me.mustChangePassword && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.next')}
          extra={
            <Flex vertical gap={4} style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('password.policy')}
              </Typography.Text>
              <Flex align="center" gap={8}>
                <Progress
                  percent={(classes / 3) * 100}
                  steps={3}
                  size="small"
                  showInfo={false}
                  strokeColor={classes >= 3 && newPassword.length >= 8 ? '#52c41a' : '#faad14'}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('password.strength', { count: classes })}
                </Typography.Text>
              </Flex>
            </Flex>
          }
          rules={[
            { required: true, message: t('password.nextRequired') },
            {
              validator: async (_, v: string) => {
                if (v && !meetsPasswordPolicy(v)) throw new Error(t('password.policyFail'));
              },
            },
            ({ getFieldValue }) => ({
              validator: async (_, v: string) => {
                if (v && v === getFieldValue('currentPassword')) throw new Error(t('password.sameAsCurrent'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={change.isPending} style={{ flex: 1 }}>
            {t('password.submit')}
          </Button>
          {me.mustChangePassword ? (
            <Button onClick={() => void logout()}>{t('common:app.logout')}</Button>
          ) : (
            <Button onClick={() => navigate(-1)}>{t('common:actions.cancel')}</Button>
          )}
        </Flex>
      </Form>
    </AuthCard>
  );
}
