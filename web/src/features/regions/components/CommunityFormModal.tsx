import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/forms';
import { type Region, useAddCommunity, useRenameCommunity } from '../api/regions';

interface Props {
  /** Add under this township, or rename this community. */
  mode: { kind: 'add'; township: Region } | { kind: 'rename'; community: Region } | null;
  onClose(): void;
}

interface Values {
  code: string;
  name: string;
}

export function CommunityFormModal({ mode, onClose }: Props) {
  const { t } = useTranslation('regions');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddCommunity();
  const rename = useRenameCommunity();
  const [formError, setFormError] = useState<string | null>(null);
  const prefix = mode?.kind === 'add' ? mode.township.code : '';

  useEffect(() => {
    if (!mode) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(mode.kind === 'add' ? { code: mode.township.code, name: '' } : { name: mode.community.name });
  }, [mode, form]);

  const submit = async (values: Values) => {
    if (!mode) return;
    setFormError(null);
    try {
      if (mode.kind === 'add') {
        const created = await add.mutateAsync({ code: values.code, parentCode: mode.township.code, name: values.name.trim() });
        void message.success(t('created', { name: created.name }));
      } else {
        const renamed = await rename.mutateAsync({ code: mode.community.code, name: values.name.trim() });
        void message.success(t('renamed', { name: renamed.name }));
      }
      onClose();
    } catch (err) {
      const rest = applyServerErrors(form, err);
      if (rest.length) setFormError(rest.join('；'));
    }
  };

  const title =
    mode?.kind === 'add'
      ? t('addTitle', { name: mode.township.name })
      : mode?.kind === 'rename'
        ? t('renameTitle', { name: mode.community.name })
        : '';

  return (
    <Modal
      open={!!mode}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || rename.isPending}
      okText={t('common:actions.save')}
      destroyOnHidden
      forceRender
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {mode?.kind === 'add' && (
          <Form.Item
            name="code"
            label={t('form.code')}
            extra={t('form.codeHelp', { prefix })}
            rules={[
              { required: true, message: t('form.codeRequired') },
              {
                validator: async (_, v: string) => {
                  if (!v) return;
                  if (!/^\d{12}$/.test(v) || !v.startsWith(prefix)) throw new Error(t('form.codePattern', { prefix }));
                  if (v.endsWith('000')) throw new Error(t('form.codeReserved'));
                },
              },
            ]}
          >
            <Input inputMode="numeric" maxLength={12} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('form.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.nameRequired') },
            { max: 50, message: t('form.nameMax') },
          ]}
        >
          <Input maxLength={50} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
