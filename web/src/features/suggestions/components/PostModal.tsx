import { Alert, App, Button, type ButtonProps, Form, type FormInstance, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useHandlingWrite } from '../api/handling';

type Values = Record<string, unknown>;

/**
 * A button that opens a small form and sends it to one route of the assignment or handling API;
 * the server's refusals land on their fields or above the buttons, in the user's language.
 */
export function PostButton({
  label,
  title,
  hint,
  path,
  method = 'POST',
  body = (v) => v,
  fields,
  initialValues,
  button,
  width,
  okText,
}: {
  label: ReactNode;
  title?: string;
  hint?: string;
  path: string;
  method?: 'POST' | 'PUT';
  body?: (v: Values) => unknown;
  /** Left out, the button sends at once without a form. */
  fields?: (form: FormInstance) => ReactNode;
  initialValues?: Values;
  button?: ButtonProps;
  width?: number;
  okText?: string;
}) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<Values>();
  const write = useHandlingWrite();

  const send = async (v: Values) => {
    setProblem(undefined);
    try {
      await write.mutateAsync({ method, path, body: body(v) });
      void message.success(t('panel.done', { action: typeof label === 'string' ? label : (title ?? '') }));
      setOpen(false);
    } catch (err) {
      const rest = applyServerErrors(form, err);
      if (rest.length) setProblem(err instanceof ApiError && err.status === 409 ? errorMessage(err) : rest.join('；'));
    }
  };

  if (!fields) {
    return (
      <>
        <Button {...button} loading={write.isPending} onClick={() => void send({})}>
          {label}
        </Button>
        {problem && <Alert type="error" showIcon title={problem} />}
      </>
    );
  }
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={okText ?? t('panel.submit')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={write.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setProblem(undefined);
          setOpen(false);
        }}
        width={width}
        destroyOnHidden
      >
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValues} onFinish={(v) => void send(v)}>
          {fields(form)}
        </Form>
        {problem && <Alert type="error" showIcon title={t('panel.conflict', { message: problem })} />}
      </Modal>
    </>
  );
}
