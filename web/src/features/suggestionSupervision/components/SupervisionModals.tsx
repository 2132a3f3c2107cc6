import { App, DatePicker, Form, type FormInstance, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/forms';
import { type KeyItem, type Topic, type useSupervisionActions, useTopics } from '../api/supervision';

type Actions = ReturnType<typeof useSupervisionActions>;
type UnitChoice = { id: string; label: string };

/**
 * Sends a form through a mutation: a toast on success; on failure the server's messages go on the
 * fields they concern, the rest into a toast.
 */
function useSend(done: string, onClose: () => void, form: FormInstance, fieldOfCode: Record<string, string> = {}) {
  const { message } = App.useApp();
  return async (run: () => Promise<unknown>) => {
    try {
      await run();
      void message.success(done);
      onClose();
    } catch (err) {
      for (const rest of applyServerErrors(form, err, fieldOfCode)) void message.error(rest);
    }
  };
}

/** "2026 · 城市道路专题 · 督办：王建国、财经委": who supervises shows where the topic is chosen. */
function topicLabel(x: Topic, t: (key: string, o?: Record<string, string>) => string) {
  const by = [x.leader?.name, x.committee?.name].filter(Boolean).join('、');
  return `${x.year} · ${x.name}${by ? ` · ${t('topics.supervisedBy', { name: by })}` : ''}`;
}

export function MarkModal({ current, actions, onClose }: { current: KeyItem | null; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation('suggestionSupervision');
  const [form] = Form.useForm<{ topicId?: string; note?: string }>();
  const topics = useTopics(undefined);
  const send = useSend(t('card.marked'), onClose, form, { TOPIC_OF_OTHER_CONGRESS: 'topicId' });
  return (
    <Modal
      open
      title={current ? t('card.changeTopic') : t('card.mark')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={actions.mark.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ topicId: current?.topic?.id, note: current?.note ?? undefined }}
        onFinish={(v) => send(() => actions.mark.mutateAsync({ topicId: v.topicId ?? null, note: v.note }))}
      >
        <Form.Item name="topicId" label={t('keyItems.topic')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('keyItems.noTopic')}
            loading={topics.isLoading}
            options={(topics.data?.items ?? []).map((x) => ({ value: x.id, label: topicLabel(x, t) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('card.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The supervising side reports without a unit; a unit picks its own assignment. */
export function ReportModal({ units, actions, onClose }: { units: UnitChoice[]; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation('suggestionSupervision');
  const [form] = Form.useForm<{ reportedOn: Dayjs; text: string; assignmentId?: string }>();
  const send = useSend(t('card.reported'), onClose, form, {
    REPORT_DATE_INVALID: 'reportedOn',
    ASSIGNMENT_REQUIRED: 'assignmentId',
  });
  return (
    <Modal
      open
      title={t('card.addReport')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={actions.report.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reportedOn: dayjs(), assignmentId: units[0]?.id }}
        onFinish={(v) =>
          send(() =>
            actions.report.mutateAsync({
              reportedOn: v.reportedOn.format('YYYY-MM-DD'),
              text: v.text,
              assignmentId: v.assignmentId ?? null,
            }),
          )
        }
      >
        {units.length > 0 && (
          <Form.Item name="assignmentId" label={t('card.assignment')} rules={[{ required: true }]}>
            <Select options={units.map((u) => ({ value: u.id, label: u.label }))} />
          </Form.Item>
        )}
        <Form.Item name="reportedOn" label={t('card.reportedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="text" label={t('card.text')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UrgeModal({ units, actions, onClose }: { units: KeyItem['units']; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation('suggestionSupervision');
  const [form] = Form.useForm<{ assignmentId: string; note?: string }>();
  const send = useSend(t('card.urged'), onClose, form);
  const open = units.filter((u) => !u.repliedAt);
  return (
    <Modal open title={t('card.urgeUnit')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={actions.urge.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ assignmentId: (open[0] ?? units[0])?.id }}
        onFinish={(v) => send(() => actions.urge.mutateAsync(v))}
      >
        <Form.Item name="assignmentId" label={t('card.assignment')} rules={[{ required: true }]}>
          <Select
            options={units.map((u) => ({
              value: u.id,
              label: `${u.unit.name} · ${t(`suggestions:role.${u.role}`)} · ${t('keyItems.due', { date: dayjs(u.dueAt).format('YYYY-MM-DD') })}${u.urgeCount ? ` · ${t('keyItems.urged', { count: u.urgeCount })}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('card.urgeNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
