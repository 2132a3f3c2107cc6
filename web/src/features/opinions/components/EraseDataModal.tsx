import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { type EraseResult, type PersonCases, useErasePerson } from '../api/person';

interface Values {
  reason: string;
  confirmOpen: boolean;
}

/** The confirm dialog of an erasure: the grounds, and — while a case is open — the office's confirmation. */
export function EraseDataModal({
  phone,
  found,
  open,
  onClose,
  onErased,
}: {
  phone: string;
  found: PersonCases;
  open: boolean;
  onClose: () => void;
  onErased: (r: EraseResult) => void;
}) {
  const { t } = useTranslation('opinions');
  const [form] = Form.useForm<Values>();
  const erase = useErasePerson();

  async function submit() {
    const v = await form.validateFields();
    const r = await erase.mutateAsync({ phone, reason: v.reason.trim(), includeOpen: found.openCount > 0 && v.confirmOpen });
    form.resetFields();
    onErased(r);
  }

  return (
    <Modal
      open={open}
      title={t('person.eraseTitle')}
      okText={t('person.erase')}
      okButtonProps={{ danger: true, loading: erase.isPending }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        erase.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('person.eraseIntro', { total: found.total })}</Typography.Paragraph>
      {found.openCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('person.openWarning', { open: found.openCount })}
        />
      )}
      {erase.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(erase.error)} />}
      <Form form={form} layout="vertical" initialValues={{ confirmOpen: false }}>
        <Form.Item
          name="reason"
          label={t('person.reason')}
          rules={[{ required: true, whitespace: true, message: t('person.reasonRequired') }, { max: 200 }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('person.reasonPlaceholder')} />
        </Form.Item>
        {found.openCount > 0 && (
          <Form.Item
            name="confirmOpen"
            valuePropName="checked"
            rules={[
              { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('person.confirmOpenRequired')))) },
            ]}
          >
            <Checkbox>{t('person.confirmOpen')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
