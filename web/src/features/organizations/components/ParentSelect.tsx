import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../api/organizations';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The name to show for the current value before any search has loaded it. */
  currentName?: string | null;
  /** The organization being edited: it cannot be its own parent. */
  excludeId?: string;
  id?: string;
}

/** Finds a parent organization by name or pinyin; only active ones can take new children. */
export function ParentSelect({ value, onChange, currentName, excludeId, id }: Props) {
  const { t } = useTranslation('organizations');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useOrganizations({ q: q || undefined, status: 'active', page: 1, pageSize: 20 });

  const options = useMemo(() => {
    const list = (found.data?.items ?? [])
      .filter((o) => o.id !== excludeId)
      .map((o) => ({ value: o.id, label: o.regionName ? `${o.name}（${o.regionName}）` : o.name }));
    if (value && currentName && !list.some((o) => o.value === value)) list.unshift({ value, label: currentName });
    return list;
  }, [found.data, excludeId, value, currentName]);

  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={t('parentPlaceholder')}
    />
  );
}
