import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { applyServerErrors } from '../../../lib/forms';
import { useStationMembers } from '../api/lookups';
import { useCreateReception } from '../api/receptions';
import { StationSelect } from './Pickers';

interface Values {
  receivedOn: Dayjs;
  stationId?: string;
  deputyIds: string[];
  staffNames?: string;
  visitorCount: number;
  summary?: string;
}

/** 登记接待记录: the day, the station, who was on duty, how many came and what they raised. */
export function ReceptionFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const create = useCreateReception();
  const stationId: string | undefined = Form.useWatch('stationId', form);
  const members = useStationMembers(stationId);
  const stationFixed = me.role === 'station_staff';

  const submit = (v: Values) => {
    setProblem(undefined);
    create.mutate(
      {
        stationId: v.stationId ?? '',
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        deputyIds: v.deputyIds ?? [],
        staffNames: v.staffNames?.trim() || null,
        visitorCount: v.visitorCount ?? 0,
        summary: v.summary?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('receptions.created'));
          onClose();
        },
        onError: (err) => {
          const rest = applyServerErrors(form, err);
          if (rest.length) setProblem(rest.join('；'));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('receptions.formTitle')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          receivedOn: dayjs(),
          stationId: stationFixed ? (me.stationId ?? undefined) : undefined,
          deputyIds: [],
          visitorCount: 0,
        }}
        onValuesChange={(changed) => {
          if ('stationId' in changed) form.setFieldsValue({ deputyIds: [] });
        }}
        onFinish={submit}
      >
        <Form.Item
          name="receivedOn"
          label={t('receptions.receivedOn')}
          rules={[{ required: true, message: t('receptions.receivedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly />
        </Form.Item>
        <Form.Item
          name="stationId"
          label={t('receptions.station')}
          rules={[{ required: true, message: t('intake.stationRequired') }]}
        >
          <StationSelect placeholder={t('intake.stationPlaceholder')} allowClear={!stationFixed} disabled={stationFixed} />
        </Form.Item>
        <Form.Item name="deputyIds" label={t('receptions.deputies')}>
          <Select
            mode="multiple"
            disabled={!stationId}
            placeholder={t('receptions.deputiesPlaceholder')}
            loading={members.isFetching}
            options={(members.data ?? []).map((m) => ({ value: m.deputyId, label: m.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            maxCount={30}
          />
        </Form.Item>
        <Form.Item name="staffNames" label={t('receptions.staffNames')}>
          <Input maxLength={200} placeholder={t('receptions.staffNamesPlaceholder')} />
        </Form.Item>
        <Form.Item name="visitorCount" label={t('receptions.visitorCount')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="summary" label={t('receptions.summary')}>
          <Input.TextArea
            maxLength={2000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('receptions.summaryPlaceholder')}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
