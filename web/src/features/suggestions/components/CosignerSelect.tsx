import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCongressDeputies } from '../api/congresses';
import type { CongressItem } from '../api/types';

/**
 * Serving deputies of the congress, found by name or pinyin. The lead deputy is left out; names
 * already chosen stay readable while the search shows other deputies.
 */
export function CosignerSelect({
  congress,
  excludeIds = [],
  value,
  onChange,
  id,
}: {
  congress: CongressItem | undefined;
  excludeIds?: string[];
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation('suggestions');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const deputies = useCongressDeputies(congress, q);
  const found = (deputies.data ?? []).filter((d) => !excludeIds.includes(d.id));
  const options = [
    ...found.map((d) => ({ value: d.id, label: d.delegation ? `${d.name}（${d.delegation}）` : d.name })),
    ...(value ?? []).filter((v) => !found.some((d) => d.id === v)).map((v) => ({ value: v, label: names.get(v) ?? v })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      disabled={!congress}
      placeholder={t('form.cosignerSearch')}
      loading={deputies.isFetching}
      value={value}
      options={options}
      onChange={(ids: string[]) => {
        const next = new Map(names);
        for (const o of options) next.set(o.value, o.label);
        setNames(next);
        onChange?.(ids);
      }}
      style={{ width: '100%' }}
    />
  );
}
