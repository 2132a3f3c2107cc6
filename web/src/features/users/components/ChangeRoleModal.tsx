import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { applyServerErrors } from '../../../lib/forms';
import type { Role } from '../../../lib/policies';
import { type User, useChangeRole } from '../api/users';
import { AccountScopeFields, SCOPE_FIELD_OF_CODE, scopeOf } from './AccountScopeFields';

interface Values {
  role: Role;
  regionCode?: string;
  organizationId?: string | null;
  stationId?: string | null;
  personId?: string | null;
}

export function ChangeRoleModal({ user, open, onClose }: { user: User; open: boolean; onClose(): void }) {
  const { t } = useTranslation('users');
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeRole(user.id);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setFormError(null);
      form.setFieldsValue({
        role: user.role,
        regionCode: user.regionCode || undefined,
        organizationId: user.organizationId,
        stationId: user.stationId,
        personId: user.personId,
      });
    }
  }, [open, user, form]);

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      await change.mutateAsync(scopeOf(v));
      void message.success(t('done.roleChanged'));
      onClose();
    } catch (err) {
      const rest = applyServerErrors(form, err, SCOPE_FIELD_OF_CODE);
      if (rest.length) setFormError(rest.join('；'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('changeRoleTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      okText={t('common:actions.save')}
      forceRender
    >
      <Alert type="info" showIcon title={t('changeRoleHint')} style={{ marginBottom: 16 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <AccountScopeFields
          grantable={(r) => r.grantedBy.includes(me.role)}
          currentNames={{ organization: user.organizationName, station: user.stationName, person: user.personName }}
        />
      </Form>
    </Modal>
  );
}
