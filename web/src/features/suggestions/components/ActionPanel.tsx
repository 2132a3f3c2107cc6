import { Alert, App, Button, Card, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useTransition } from '../api/suggestions';
import type { CheckView, Suggestion } from '../api/types';
import { ActionFields, type ActionValues, bodyOf } from './ActionFields';
import { CheckNotices } from './CheckNotices';
import { useText } from './format';

/** The step that moves a suggestion forward in each state is the primary button; refusals are marked as such. */
const PRIMARY = new Set(['submit', 'accept', 'list', 'convert']);
const DANGER = new Set(['reject', 'withdraw', 'not_list']);
const FINAL = new Set(['rejected', 'merged', 'withdrawn', 'listed', 'not_listed', 'fulfilled', 'closed']);

function ActionModal({
  action,
  s,
  onClose,
  onNotices,
}: {
  action: { action: string; label: string } | null;
  s: Suggestion;
  onClose: () => void;
  onNotices: (n: CheckView) => void;
}) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [problem, setProblem] = useState<string>();
  const transition = useTransition(s.id);
  const close = () => {
    setProblem(undefined);
    onClose();
  };
  const submit = async (values: ActionValues) => {
    if (!action) return;
    setProblem(undefined);
    try {
      const saved = await transition.mutateAsync({ action: action.action, body: bodyOf(action.action, values) });
      void message.success(t('panel.done', { action: action.label }));
      if (saved.notices) onNotices(saved.notices);
      close();
    } catch (err) {
      const rest = applyServerErrors(form, err, { MERGE_SELF: 'primaryId' });
      if (rest.length) setProblem(err instanceof ApiError && err.status === 409 ? errorMessage(err) : rest.join('；'));
    }
  };
  return (
    <Modal
      open={!!action}
      title={action?.label}
      okText={t('panel.submit')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ danger: !!action && DANGER.has(action.action) }}
      confirmLoading={transition.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {action && (
        <>
          <Typography.Paragraph type="secondary">{t(`actionHint.${action.action}`, { defaultValue: '' })}</Typography.Paragraph>
          <Form<ActionValues> form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
            <ActionFields action={action.action} s={s} />
          </Form>
          {problem && <Alert type="error" showIcon title={t('panel.conflict', { message: problem })} />}
        </>
      )}
    </Modal>
  );
}

/** 办理操作: only the steps the server lists in `me.actions` for this account now, each with its form. */
export function ActionPanel({ s, extra }: { s: Suggestion; extra?: React.ReactNode }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const [open, setOpen] = useState<{ action: string; label: string } | null>(null);
  const [notices, setNotices] = useState<CheckView>();
  const actions = s.me.actions.map((a) => ({ action: a.action, label: text(a.label) }));
  const hasAny = actions.length > 0 || s.me.edit || !!extra;

  return (
    <Card title={t('panel.title')}>
      <Flex vertical gap={12}>
        {!hasAny && (
          <Typography.Text type="secondary">{FINAL.has(s.state) ? t('panel.closed') : t('panel.none')}</Typography.Text>
        )}
        {(actions.length > 0 || s.me.edit) && (
          <Flex gap={8} wrap>
            {actions.map((a) => (
              <Button
                key={a.action}
                type={PRIMARY.has(a.action) ? 'primary' : 'default'}
                danger={DANGER.has(a.action)}
                onClick={() => setOpen(a)}
              >
                {a.label}
              </Button>
            ))}
          </Flex>
        )}
        {extra}
        {notices && <CheckNotices notices={notices} />}
      </Flex>
      <ActionModal action={open} s={s} onClose={() => setOpen(null)} onNotices={setNotices} />
    </Card>
  );
}
