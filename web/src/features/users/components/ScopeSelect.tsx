import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useScopeOptions } from '../api/users';

interface Props {
  kind: 'organizations' | 'stations';
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Limits the choice to the account's region and, for organizations, to a category. */
  filter: Record<string, string | undefined>;
  /** The name of the current value, before a search loads it. */
  currentName?: string | null;
  placeholder?: string;
  id?: string;
}

/** Searches the organizations or stations an account may be attached to. */
export function ScopeSelect({ kind, value, onChange, filter, currentName, placeholder, id }: Props) {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useScopeOptions(kind, { ...filter, q: q || undefined }, true);
  const options = useMemo(() => {
    const list = (found.data?.items ?? []).map((o) => ({
      value: o.id,
      label: [o.code, o.name, o.regionName ? `（${o.regionName}）` : ''].filter(Boolean).join(' '),
    }));
    if (value && currentName && !list.some((o) => o.value === value)) list.unshift({ value, label: currentName });
    return list;
  }, [found.data, value, currentName]);
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
    />
  );
}
