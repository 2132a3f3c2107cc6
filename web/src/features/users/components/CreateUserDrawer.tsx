import { Alert, Button, Drawer, Flex, Form, Grid, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { applyServerErrors } from '../../../lib/forms';
import type { Role } from '../../../lib/policies';
import { type UserWithPassword, useCreateUser } from '../api/users';
import { AccountScopeFields, SCOPE_FIELD_OF_CODE, scopeOf } from './AccountScopeFields';
import { PHONE_RE, USERNAME_RE } from './patterns';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  regionCode?: string;
  organizationId?: string | null;
  stationId?: string | null;
  personId?: string | null;
}

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(result: UserWithPassword): void;
}

export function CreateUserDrawer({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation('users');
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const result = await create.mutateAsync({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        phone: v.phone?.trim() || null,
        ...scopeOf(v),
      });
      form.resetFields();
      onCreated(result);
    } catch (err) {
      const rest = applyServerErrors(form, err, SCOPE_FIELD_OF_CODE);
      if (rest.length) setFormError(rest.join('；'));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('createTitle')}
      size={screens.sm ? 480 : '100%'}
      destroyOnHidden
      forceRender
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('create')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ regionCode: me.regionCode || undefined }}>
        <Form.Item
          name="username"
          label={t('fields.username')}
          extra={t('rules.username')}
          rules={[
            { required: true, whitespace: true, message: t('rules.usernameRequired') },
            { pattern: USERNAME_RE, message: t('rules.username') },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('rules.displayNameRequired') },
            { max: 64, message: t('rules.max', { max: 64 }) },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: PHONE_RE, message: t('rules.phone') }]}>
          <Input inputMode="tel" maxLength={32} />
        </Form.Item>
        <AccountScopeFields grantable={(r) => r.grantedBy.includes(me.role) && !r.administrator} />
      </Form>
    </Drawer>
  );
}
