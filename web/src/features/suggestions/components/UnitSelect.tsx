import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../api/lookups';

/** A handling unit found by name or pinyin; a unit proposed elsewhere keeps its name while chosen. */
export function UnitSelect({
  value,
  onChange,
  id,
  known,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  id?: string;
  known?: Map<string, string>;
}) {
  const { t } = useTranslation('suggestions');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const units = useUnits(q);
  const options = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: known?.get(value) ?? value });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('assign.unitSearch')}
      loading={units.isFetching}
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
