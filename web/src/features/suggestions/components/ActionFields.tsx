import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMergeTargets, useOrganizations } from '../api/lookups';
import { useCategories } from '../api/suggestions';
import { REJECT_REASONS, type Suggestion } from '../api/types';
import { useText } from './format';

export interface ActionValues {
  note?: string;
  reason?: string;
  rejectReason?: string;
  categoryId?: string;
  primaryId?: string;
  committeeId?: string;
}

/** Actions whose reason is required (the workflow's guards refuse them without one). */
const REASON_REQUIRED = new Set(['return_for_revision', 'convert', 'not_list']);

function useDebounced(value: string, ms = 250) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value.trim()), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

function MergeTarget({
  s,
  value,
  onChange,
  id,
}: {
  s: Suggestion;
  value?: string;
  onChange?: (v?: string) => void;
  id?: string;
}) {
  const { t } = useTranslation('suggestions');
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const targets = useMergeTargets(s.congressId, s.id, q);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('actionFields.mergeSearch')}
      loading={targets.isFetching}
      value={value}
      onChange={onChange}
      options={(targets.data ?? []).map((x) => ({
        value: x.id,
        label: `${x.number ? `${x.number} ` : ''}${x.title}（${x.leadDeputy.name}）`,
      }))}
    />
  );
}

function CommitteeSelect({ value, onChange, id }: { value?: string; onChange?: (v?: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const committees = useOrganizations('special_committee', q);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={committees.isFetching}
      value={value}
      onChange={onChange}
      options={(committees.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

/** The fields an action's form needs; the server checks them again and words any refusal. */
export function ActionFields({ action, s }: { action: string; s: Suggestion }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const categories = useCategories();
  const form = Form.useFormInstance();
  const rejectReason: string | undefined = Form.useWatch('rejectReason', form);
  const note = (required = false, message = t('actionFields.reasonRequired')) => (
    <Form.Item name="note" label={t('actionFields.note')} rules={required ? [{ required: true, whitespace: true, message }] : []}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
    </Form.Item>
  );

  switch (action) {
    case 'submit':
      return null;
    case 'accept':
      return (
        <>
          <Form.Item name="categoryId" label={t('actionFields.category')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: text({ zh: c.name, en: c.nameEn ?? c.name }) }))}
            />
          </Form.Item>
          {note()}
        </>
      );
    case 'reject':
      return (
        <>
          <Form.Item
            name="rejectReason"
            label={t('actionFields.rejectReason')}
            rules={[{ required: true, message: t('actionFields.rejectReasonRequired') }]}
          >
            <Select options={REJECT_REASONS.map((r) => ({ value: r, label: t(`rejectReason.${r}`) }))} />
          </Form.Item>
          {note(rejectReason === 'other', t('actionFields.otherNeedsNote'))}
        </>
      );
    case 'merge':
      return (
        <>
          <Form.Item
            name="primaryId"
            label={t('actionFields.mergeTarget')}
            rules={[{ required: true, message: t('actionFields.mergeTargetRequired') }]}
          >
            <MergeTarget s={s} />
          </Form.Item>
          {note()}
        </>
      );
    case 'refer':
      return (
        <>
          <Form.Item
            name="committeeId"
            label={t('actionFields.committee')}
            rules={[{ required: true, message: t('actionFields.committeeRequired') }]}
          >
            <CommitteeSelect />
          </Form.Item>
          {note()}
        </>
      );
    default:
      if (REASON_REQUIRED.has(action)) {
        return (
          <Form.Item
            name="reason"
            label={t('actionFields.reason')}
            rules={[{ required: true, whitespace: true, message: t('actionFields.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        );
      }
      return note();
  }
}

/** The request body of POST /transitions/:action from the form's values. */
export function bodyOf(action: string, v: ActionValues): Record<string, unknown> {
  const trimmed = (s?: string) => (s?.trim() ? s.trim() : null);
  switch (action) {
    case 'submit':
      return {};
    case 'accept':
      return { categoryId: v.categoryId ?? null, note: trimmed(v.note) };
    case 'reject':
      return { reason: v.rejectReason ?? null, note: trimmed(v.note) };
    case 'merge':
      return { primaryId: v.primaryId ?? null, note: trimmed(v.note) };
    case 'refer':
      return { committeeId: v.committeeId ?? null, note: trimmed(v.note) };
    default:
      return REASON_REQUIRED.has(action) ? { reason: trimmed(v.reason) } : { note: trimmed(v.note) };
  }
}
