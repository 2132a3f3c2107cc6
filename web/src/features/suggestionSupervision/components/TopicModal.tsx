import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { applyServerErrors } from '../../../lib/forms';
import { useCongresses } from '../../suggestions/api/congresses';
import { type Topic, useSaveTopic } from '../api/supervision';
import { SupervisorSelect } from './SupervisorSelect';

interface Values {
  congressId: string;
  year: number;
  name: string;
  description?: string;
  leaderId?: string | null;
  committeeId?: string | null;
}

// The server's business-rule errors that belong to one field.
const FIELD_OF_CODE = {
  NOT_A_LEADER: 'leaderId',
  NOT_A_COMMITTEE: 'committeeId',
  SUPERVISOR_REQUIRED: 'leaderId',
  TOPIC_NAME_TAKEN: 'name',
};

/**
 * Creates or edits a supervision topic, naming its supervising leader, its lead special committee,
 * or both. A leader creating a topic is proposed as its supervisor.
 */
export function TopicModal({ topic, year, onClose }: { topic: Topic | null; year: number; onClose: () => void }) {
  const { t } = useTranslation('suggestionSupervision');
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<string[]>([]);
  const congresses = useCongresses();
  const save = useSaveTopic();
  const { message } = App.useApp();
  const congressId: string | undefined = Form.useWatch('congressId', form) ?? topic?.congressId;
  const self = !topic && me.role === 'leader' ? { id: me.id, name: me.displayName } : null;
  const firstCongress = congresses.data?.items[0]?.id;
  // The congresses may arrive after the dialog opened: a new topic then starts in the first of them.
  useEffect(() => {
    if (!topic && firstCongress && !form.getFieldValue('congressId')) form.setFieldsValue({ congressId: firstCongress });
  }, [firstCongress, topic, form]);

  const submit = async (v: Values) => {
    setProblems([]);
    const supervisor = { leaderId: v.leaderId ?? null, committeeId: v.committeeId ?? null };
    const text = { name: v.name, description: v.description ?? '' };
    try {
      await save.mutateAsync(
        topic
          ? { id: topic.id, body: { ...text, ...supervisor, version: topic.version } }
          : { body: { ...text, ...supervisor, congressId: v.congressId, year: v.year } },
      );
      void message.success(t('topics.saved'));
      onClose();
    } catch (err) {
      setProblems(applyServerErrors(form, err, FIELD_OF_CODE));
    }
  };

  const needSupervisor = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () =>
      getFieldValue('leaderId') || getFieldValue('committeeId')
        ? Promise.resolve()
        : Promise.reject(new Error(t('topics.needSupervisor'))),
  });

  return (
    <Modal
      open
      title={topic ? t('topics.edit') : t('topics.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          congressId: topic?.congressId ?? firstCongress,
          year: topic?.year ?? year,
          name: topic?.name,
          description: topic?.description,
          leaderId: topic ? topic.leader?.id : self?.id,
          committeeId: topic?.committee?.id,
        }}
      >
        <Form.Item name="congressId" label={t('topics.congress')} rules={[{ required: true }]}>
          <Select
            disabled={!!topic}
            loading={congresses.isLoading}
            options={(congresses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            // The leaders and committees a congress accepts are its own: a choice made for another goes.
            onChange={() => form.setFieldsValue({ leaderId: null, committeeId: null })}
          />
        </Form.Item>
        <Form.Item name="year" label={t('topics.year')} rules={[{ required: true }]}>
          <InputNumber disabled={!!topic} min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label={t('topics.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="leaderId" label={t('topics.leader')} dependencies={['committeeId']} rules={[needSupervisor]}>
          <SupervisorSelect
            kind="leaders"
            congressId={congressId}
            current={topic?.leader ?? self}
            placeholder={t('topics.leaderPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="committeeId" label={t('topics.committee')} dependencies={['leaderId']} rules={[needSupervisor]}>
          <SupervisorSelect
            kind="committees"
            congressId={congressId}
            current={topic?.committee}
            placeholder={t('topics.committeePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="description" label={t('topics.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
