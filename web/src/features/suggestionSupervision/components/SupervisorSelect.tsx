import { Select } from 'antd';
import { useState } from 'react';
import { type Named, type Supervisor, useSupervisors } from '../api/supervision';

const label = (s: Supervisor) => (s.regionName ? `${s.name}（${s.regionName}）` : s.name);

/**
 * Picks the supervising leader or the lead special committee of a topic among those the congress
 * accepts (GET /suggestion-supervisors), searched by name or pinyin on the server. The current choice
 * stays listed while a search leaves it out, so the field never shows a bare id.
 */
export function SupervisorSelect(props: {
  kind: 'leaders' | 'committees';
  congressId: string | undefined;
  current: Named | null | undefined;
  placeholder: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const found = useSupervisors(props.congressId, q);
  const listed = found.data?.[props.kind] ?? [];
  const options = [
    ...(props.current && !listed.some((s) => s.id === props.current?.id)
      ? [{ value: props.current.id, label: props.current.name }]
      : []),
    ...listed.map((s) => ({ value: s.id, label: label(s) })),
  ];
  return (
    <Select
      id={props.id}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onOpenChange={(open) => !open && setQ('')}
      placeholder={props.placeholder}
      loading={found.isFetching}
      disabled={!props.congressId}
      options={options}
    />
  );
}
