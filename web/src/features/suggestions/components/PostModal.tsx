import { Alert, App, Button, type ButtonProps, Form, type FormInstance, Modal, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
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
  const form = useRef<FormInstance<Values>>(null);
  const ready = useCallback((f: FormInstance<Values>) => {
    form.current = f;
  }, []);
  const write = useHandlingWrite();

  const send = async (v: Values) => {
    setProblem(undefined);
    try {
      await write.mutateAsync({ method, path, body: body(v) });
      void message.success(t('panel.done', { action: typeof label === 'string' ? label : (title ?? '') }));
      setOpen(false);
    } catch (err) {
      const rest = form.current ? applyServerErrors(form.current, err) : [errorMessage(err)];
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
        onOk={() => form.current?.submit()}
        onCancel={() => {
          setProblem(undefined);
          setOpen(false);
        }}
        width={width}
        destroyOnHidden
      >
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        <FreshForm initialValues={initialValues} onReady={ready} onFinish={(v) => void send(v)} fields={fields} />
        {problem && <Alert type="error" showIcon title={t('panel.conflict', { message: problem })} />}
      </Modal>
    </>
  );
}

/**
 * The modal's form, with a store of its own made each time the modal opens (the modal destroys its
 * content when hidden): every opening starts from the current initial values, list rows included.
 * A shared store with preserve={false} instead resets list items to undefined, not to their initial
 * values, when the content remounts (rc-field-form), and sent assignment rows without a role.
 */
function FreshForm({
  initialValues,
  onReady,
  onFinish,
  fields,
}: {
  initialValues?: Values;
  onReady: (form: FormInstance<Values>) => void;
  onFinish: (v: Values) => void;
  fields: (form: FormInstance) => ReactNode;
}) {
  const [form] = Form.useForm<Values>();
  useEffect(() => onReady(form), [form, onReady]);
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      {fields(form)}
    </Form>
  );
}
