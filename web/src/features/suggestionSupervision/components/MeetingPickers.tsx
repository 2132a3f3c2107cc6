import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../suggestions/api/lookups';
import { useSuggestions } from '../../suggestions/api/suggestions';

/** A chosen entry with its label kept, so it still reads right after a search replaced the options. */
export interface Picked {
  value: string;
  label: string;
}

interface PickerProps {
  value?: Picked[];
  onChange?: (value: Picked[]) => void;
  id?: string;
  placeholder: string;
}

function MultiSearch(props: PickerProps & { options: Picked[]; loading: boolean; onSearch: (q: string) => void }) {
  return (
    <Select<Picked[]>
      id={props.id}
      mode="multiple"
      labelInValue
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v.map((x) => ({ value: String(x.value), label: String(x.label) })))}
      showSearch={{ filterOption: false, onSearch: props.onSearch }}
      onOpenChange={(open) => !open && props.onSearch('')}
      placeholder={props.placeholder}
      loading={props.loading}
      options={props.options}
    />
  );
}

/** The suggestions of the meeting's congress, searched by title (the list's own search). */
export function SuggestionPicker({ congressId, ...props }: PickerProps & { congressId: string | undefined }) {
  const { t } = useTranslation('suggestionSupervision');
  const [q, setQ] = useState('');
  const found = useSuggestions({ congressId, q, pageSize: 20 }, !!congressId);
  const options = (found.data?.items ?? []).map((s) => ({
    value: s.id,
    label: s.number === null ? s.title : `${t('meetings.numbered', { number: s.number })} ${s.title}`,
  }));
  return <MultiSearch {...props} options={options} loading={found.isFetching} onSearch={setQ} />;
}

/** Active handling units of the account's region, by name or pinyin. */
export function UnitPicker(props: PickerProps) {
  const [q, setQ] = useState('');
  const found = useUnits(q);
  const options = (found.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return <MultiSearch {...props} options={options} loading={found.isFetching} onSearch={setQ} />;
}
