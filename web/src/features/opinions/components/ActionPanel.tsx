import { Alert, App, Button, Card, Flex, Form, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useCaseActions, useSideAction, useTransition } from '../api/opinions';
import { CLOSED_STATES, type Opinion, type PanelAction, type TransitionAction } from '../api/types';
import { ActionFields, type ActionValues, bodyOf, initialValuesOf } from './ActionFields';

/** The step that moves a case forward in each state is the primary button; refusals are marked as such. */
const PRIMARY = new Set<PanelAction>(['accept', 'transfer', 'unit_accept', 'reply', 'feedback', 'rehandle']);
const DANGER = new Set<PanelAction>(['reject', 'unit_return']);
const SIDE_PATH = { urge: 'urge', supervise: 'supervise', requestExtension: 'extensions' } as const;

function ActionModal({ action, opinion, onClose }: { action: PanelAction | null; opinion: Opinion; onClose: () => void }) {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [problem, setProblem] = useState<string>();
  const transition = useTransition(opinion.id);
  const side = useSideAction(opinion.id);
  const pending = transition.isPending || side.isPending;

  const close = () => {
    setProblem(undefined);
    onClose();
  };

  const submit = async (values: ActionValues) => {
    if (!action) return;
    setProblem(undefined);
    const body = bodyOf(action, values);
    try {
      if (action in SIDE_PATH) await side.mutateAsync({ path: SIDE_PATH[action as keyof typeof SIDE_PATH], body });
      else await transition.mutateAsync({ action: action as TransitionAction, body });
      void message.success(t('panel.done', { action: t(`action.${action}`) }));
      close();
    } catch (err) {
      // A 409 (the case moved on meanwhile) or a guard's refusal: say why, in the user's language.
      const rest = applyServerErrors(form, err);
      if (rest.length) setProblem(err instanceof ApiError && err.status === 409 ? errorMessage(err) : rest.join('；'));
    }
  };

  return (
    <Modal
      open={!!action}
      title={action ? t(`action.${action}`) : undefined}
      okText={t('form.submit')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ danger: !!action && DANGER.has(action) }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={action === 'transfer' ? 640 : 520}
    >
      {action && (
        <>
          <Typography.Paragraph type="secondary">{t(`actionHint.${action}`)}</Typography.Paragraph>
          <Form<ActionValues>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={initialValuesOf(action, opinion)}
            onFinish={(v) => void submit(v)}
          >
            <ActionFields action={action} opinion={opinion} open={!!action} />
          </Form>
          {problem && <Alert type="error" showIcon title={t('panel.conflict', { message: problem })} />}
        </>
      )}
    </Modal>
  );
}

/** 办理操作: only what GET /api/opinions/:id/actions says this account may do now, each with its form. */
export function ActionPanel({ opinion }: { opinion: Opinion }) {
  const { t } = useTranslation('opinions');
  const actions = useCaseActions(opinion.id);
  const [open, setOpen] = useState<PanelAction | null>(null);

  const available: PanelAction[] = [
    ...(actions.data?.actions ?? []).flatMap((a) => (a.action === 'expire_evaluation' ? [] : [a.action])),
    ...(actions.data?.requestExtension ? (['requestExtension'] as const) : []),
    ...(actions.data?.urge ? (['urge'] as const) : []),
    ...(actions.data?.supervise ? (['supervise'] as const) : []),
  ];

  return (
    <Card title={t('panel.title')}>
      {actions.isLoading && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {actions.error && <Alert type="error" showIcon title={errorMessage(actions.error)} />}
      {actions.data && available.length === 0 && (
        <Typography.Text type="secondary">
          {CLOSED_STATES.includes(actions.data.state) ? t('panel.closed') : t('panel.none')}
        </Typography.Text>
      )}
      {available.length > 0 && (
        <Flex gap={8} wrap>
          {available.map((a) => (
            <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setOpen(a)}>
              {t(`action.${a}`)}
            </Button>
          ))}
        </Flex>
      )}
      <ActionModal action={open} opinion={opinion} onClose={() => setOpen(null)} />
    </Card>
  );
}
