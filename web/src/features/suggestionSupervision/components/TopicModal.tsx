import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { useCongresses } from '../../suggestions/api/congresses';
import { useOrganizations } from '../../suggestions/api/lookups';
import { type Topic, useSaveTopic } from '../api/supervision';

interface Values {
  congressId: string;
  year: number;
  name: string;
  description?: string;
  leaderSelf?: boolean;
  committeeId?: string;
}

/**
 * Creates or edits a supervision topic. The supervising leader is the signed-in leader ("I supervise
 * it"): the console has no directory of leader accounts for the office to pick from; the office names
 * the lead special committee instead.
 */
export function TopicModal({ topic, year, onClose }: { topic: Topic | null; year: number; onClose: () => void }) {
  const { t } = useTranslation('suggestionSupervision');
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const congresses = useCongresses();
  const committees = useOrganizations('special_committee', q);
  const save = useSaveTopic();
  const isLeader = me.role === 'leader';
  const committeeOptions = [
    ...(topic?.committee ? [{ value: topic.committee.id, label: topic.committee.name }] : []),
    ...(committees.data ?? []).filter((c) => c.id !== topic?.committee?.id).map((c) => ({ value: c.id, label: c.name })),
  ];

  const submit = async (v: Values) => {
    // Keeps an existing leader unless a leader takes the topic over or gives it up.
    const leaderId = isLeader ? (v.leaderSelf ? me.id : null) : topic?.leader?.id;
    const supervisor = { leaderId, committeeId: v.committeeId ?? null, name: v.name, description: v.description ?? '' };
    try {
      await save.mutateAsync(
        topic
          ? { id: topic.id, body: { ...supervisor, version: topic.version } }
          : { body: { ...supervisor, congressId: v.congressId, year: v.year } },
      );
      void message.success(t('topics.saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open
      title={topic ? t('topics.edit') : t('topics.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          congressId: topic?.congressId ?? congresses.data?.items[0]?.id,
          year: topic?.year ?? year,
          name: topic?.name,
          description: topic?.description,
          leaderSelf: topic ? topic.leader?.id === me.id : isLeader,
          committeeId: topic?.committee?.id,
        }}
      >
        <Form.Item name="congressId" label={t('topics.congress')} rules={[{ required: true }]}>
          <Select
            disabled={!!topic}
            loading={congresses.isLoading}
            options={(congresses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('topics.year')} rules={[{ required: true }]}>
          <InputNumber disabled={!!topic} min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label={t('topics.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        {isLeader ? (
          <Form.Item name="leaderSelf" valuePropName="checked">
            <Checkbox>{t('topics.leaderSelf')}</Checkbox>
          </Form.Item>
        ) : (
          topic?.leader && <Form.Item label={t('topics.leader')}>{topic.leader.name}</Form.Item>
        )}
        <Form.Item
          name="committeeId"
          label={t('topics.committee')}
          dependencies={['leaderSelf']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value || getFieldValue('leaderSelf') || (!isLeader && topic?.leader)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('topics.needSupervisor'))),
            }),
          ]}
        >
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('topics.committeePlaceholder')}
            loading={committees.isLoading}
            options={committeeOptions}
          />
        </Form.Item>
        <Form.Item name="description" label={t('topics.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
