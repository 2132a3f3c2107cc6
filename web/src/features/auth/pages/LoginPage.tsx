import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { FullPageSpin, safeNext, useAuth } from '../../../lib/auth';
import { AuthCard } from '../components/AuthCard';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { me, loading, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ locked: boolean; message: string } | null>(null);
  const next = safeNext(params.get('next'));

  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : next} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const signedIn = await login(values.username.trim(), values.password);
      void navigate(signedIn.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const locked = err instanceof ApiError && err.code === 'ACCOUNT_LOCKED';
      setFailure({ locked, message });
      form.setFieldValue('password', '');
      if (err instanceof ApiError && err.code === 'BAD_CREDENTIALS') {
        form.setFields([{ name: 'password', errors: [err.message] }]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('login.title')}>
      {params.get('expired') && !failure && (
        <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.locked ? t('login.locked') : failure.message}
          description={failure.locked ? failure.message : undefined}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <Form<LoginForm> form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
        {t('login.footer')}
      </Typography.Paragraph>
    </AuthCard>
  );
}
