import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/forms';
import { useCongresses } from '../../suggestions/api/congresses';
import { type Meeting, useCorrectMeeting, useRecordMeeting } from '../api/meetings';
import { type Picked, SuggestionPicker, UnitPicker } from './MeetingPickers';
import { MeetingProblems } from './MeetingProblems';

interface Values {
  congressId: string;
  heldOn: Dayjs;
  place: string;
  attendees: string;
  summary?: string;
  unitIds?: Picked[];
  suggestionIds: Picked[];
  problems?: { problem: string; result: string; suggestionId?: string | null }[];
}

// The server's business-rule errors that belong to one field.
const FIELD_OF_CODE = { SUGGESTION_NOT_OF_CONGRESS: 'suggestionIds', UNIT_UNKNOWN: 'unitIds', MEETING_DATE_INVALID: 'heldOn' };

/** The form's values of a recorded meeting, for correcting it. */
const valuesOf = (m: Meeting): Values => ({
  congressId: m.congressId,
  heldOn: dayjs(m.heldOn),
  place: m.place,
  attendees: m.attendees,
  summary: m.summary || undefined,
  unitIds: m.units.map((u) => ({ value: u.id, label: u.name })),
  suggestionIds: m.suggestions.map((s) => ({ value: s.id, label: s.title })),
  problems: m.problems.map((p) => ({ problem: p.problem, result: p.result, suggestionId: p.suggestionId })),
});

// A meeting is recorded after it was held: no day after today (the server refuses it too).
const afterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/**
 * Records a coordination meeting of "为代表办实事", or corrects one (`meeting`); the server writes it
 * whole or not at all.
 */
export function MeetingFormDrawer({
  meeting,
  onClose,
  onSaved,
}: {
  meeting?: Meeting;
  onClose: () => void;
  onSaved: (m: Meeting) => void;
}) {
  const { t } = useTranslation('suggestionSupervision');
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<string[]>([]);
  const congresses = useCongresses();
  const recording = useRecordMeeting();
  const correcting = useCorrectMeeting(meeting?.id);
  const save = meeting ? correcting : recording;
  const congressId: string | undefined = Form.useWatch('congressId', form);
  const discussed: Picked[] = Form.useWatch('suggestionIds', form) ?? [];
  const firstCongress = congresses.data?.items[0]?.id;
  // The congresses may arrive after the drawer opened: the meeting then starts in the first of them.
  useEffect(() => {
    if (!meeting && firstCongress && !form.getFieldValue('congressId')) form.setFieldsValue({ congressId: firstCongress });
  }, [meeting, firstCongress, form]);

  // A problem may belong only to a suggestion still among those discussed.
  const keepProblemsDiscussed = (changed: Partial<Values>, all: Values) => {
    if (!changed.suggestionIds) return;
    const ids = new Set(changed.suggestionIds.map((s) => s.value));
    const problems = (all.problems ?? []).map((p) =>
      p?.suggestionId && !ids.has(p.suggestionId) ? { ...p, suggestionId: null } : p,
    );
    form.setFieldsValue({ problems });
  };

  const submit = async (v: Values) => {
    setProblems([]);
    try {
      const saved = await save.mutateAsync({
        congressId: v.congressId,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        place: v.place,
        attendees: v.attendees,
        summary: v.summary ?? null,
        unitIds: (v.unitIds ?? []).map((u) => u.value),
        suggestionIds: v.suggestionIds.map((s) => s.value),
        problems: (v.problems ?? []).map((p) => ({ ...p, suggestionId: p.suggestionId ?? null })),
      });
      void message.success(meeting ? t('meetings.corrected') : t('meetings.saved'));
      onSaved(saved);
    } catch (err) {
      setProblems(applyServerErrors(form, err, FIELD_OF_CODE));
      // The form is longer than the drawer: bring the first field the server refused into view.
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={meeting ? t('meetings.correctTitle') : t('meetings.record')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common:actions.save')}
          </Button>
        </Flex>
      }
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" title={problems.join('；')} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={keepProblemsDiscussed}
        initialValues={meeting ? valuesOf(meeting) : { congressId: firstCongress, heldOn: dayjs(), problems: [] }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="congressId" label={t('meetings.congress')} rules={[{ required: true }]} style={{ flex: '1 1 240px' }}>
            <Select
              // A meeting's congress stays: one recorded under the wrong congress is deleted and recorded again.
              disabled={!!meeting}
              loading={congresses.isLoading}
              options={(congresses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              // Suggestions belong to one congress: those picked for another would be refused.
              onChange={() => form.setFieldsValue({ suggestionIds: [], problems: [] })}
            />
          </Form.Item>
          <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true }]} style={{ flex: '0 1 180px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('meetings.place')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="attendees"
          label={t('meetings.attendees')}
          extra={t('meetings.attendeesHint')}
          rules={[{ required: true, whitespace: true }, { max: 2000 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="unitIds" label={t('meetings.units')} rules={[{ type: 'array', max: 50 }]}>
          <UnitPicker placeholder={t('meetings.unitsPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="suggestionIds"
          label={t('meetings.suggestions')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('meetings.suggestionsRequired') },
            { type: 'array', max: 100 },
          ]}
        >
          <SuggestionPicker congressId={congressId} placeholder={t('meetings.suggestionsPlaceholder')} />
        </Form.Item>
        <Form.Item name="summary" label={t('meetings.summary')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('meetings.problems')} style={{ marginBottom: 0 }}>
          <MeetingProblems discussed={discussed} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
