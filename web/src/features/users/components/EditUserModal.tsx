import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/forms';
import { type User, useUpdateUser } from '../api/users';
import { PHONE_RE } from './patterns';

interface Values {
  displayName: string;
  phone?: string | null;
}

export function EditUserModal({ user, open, onClose }: { user: User; open: boolean; onClose(): void }) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser(user.id);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setFormError(null);
      form.setFieldsValue({ displayName: user.displayName, phone: user.phone });
    }
  }, [open, user, form]);

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      await update.mutateAsync({ displayName: v.displayName.trim(), phone: v.phone?.trim() || null });
      void message.success(t('done.saved'));
      onClose();
    } catch (err) {
      const rest = applyServerErrors(form, err);
      if (rest.length) setFormError(rest.join('；'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t('common:actions.save')}
      forceRender
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
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
      </Form>
    </Modal>
  );
}
