import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories, useStationName, useStationOptions, useUnitOptions } from '../api/lookups';
import type { Category } from '../api/types';

function useDebounced(value: string, ms = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value.trim()), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface TreeNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeNode[];
}

/** The category tree; choosing a top-level category in a filter includes its subcategories. */
export function CategorySelect({
  value,
  onChange,
  placeholder,
  activeOnly,
  id,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  placeholder?: string;
  /** For intake: inactive categories cannot be chosen. */
  activeOnly?: boolean;
  id?: string;
}) {
  const { i18n } = useTranslation();
  const categories = useCategories();
  const en = i18n.language === 'en';
  const tree = useMemo(() => {
    const node = (c: Category): TreeNode => ({
      value: c.id,
      title: en && c.nameEn ? c.nameEn : c.name,
      disabled: activeOnly && !c.active,
      children: c.children?.map(node),
    });
    return (categories.data ?? []).filter((c) => !activeOnly || c.active).map(node);
  }, [categories.data, en, activeOnly]);
  return (
    <TreeSelect
      id={id}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width: '100%' }}
      placeholder={placeholder}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      treeData={tree}
      loading={categories.isLoading}
      treeDefaultExpandAll={false}
      popupMatchSelectWidth={false}
    />
  );
}

/** An active station of the account's scope, found by name, pinyin or code. */
export function StationSelect({
  value,
  onChange,
  placeholder,
  id,
  allowClear = true,
  disabled,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const found = useStationOptions(q);
  const chosen = useStationName(value);
  const options = useMemo(() => {
    const list = (found.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
    if (value && chosen.data && !list.some((o) => o.value === value)) list.unshift({ value, label: chosen.data.name });
    return list;
  }, [found.data, chosen.data, value]);
  return (
    <Select
      id={id}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: '100%' }}
      placeholder={placeholder}
      value={value}
      onChange={(v?: string) => {
        setSearch('');
        onChange?.(v);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={found.isFetching}
      options={options}
      popupMatchSelectWidth={false}
    />
  );
}

/** Handling units for a transfer; `extra` keeps suggested units selectable before they are searched. */
export function UnitSelect({
  value,
  onChange,
  multiple,
  known,
  exclude,
  id,
}: {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  /** Units already named elsewhere (suggestions, similar cases), so their names show without a search. */
  known: Map<string, string>;
  exclude?: string[];
  id?: string;
}) {
  const { t } = useTranslation('opinions');
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const [open, setOpen] = useState(false);
  const found = useUnitOptions(q, open || q.length > 0);
  // Names of the units met in searches, so a chosen unit keeps its name after the search is cleared.
  const [seen, setSeen] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    const items = found.data?.items ?? [];
    if (items.some((u) => !seen.has(u.id))) {
      setSeen((prev) => {
        const next = new Map(prev);
        for (const u of items) next.set(u.id, u.regionName ? `${u.name}（${u.regionName}）` : u.name);
        return next;
      });
    }
  }, [found.data, seen]);
  const options = useMemo(() => {
    const listed = new Set<string>();
    const list: { value: string; label: string }[] = [];
    const push = (id: string, name: string) => {
      if (listed.has(id) || exclude?.includes(id)) return;
      listed.add(id);
      list.push({ value: id, label: name });
    };
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    for (const id of selected) push(id, seen.get(id) ?? known.get(id) ?? id);
    for (const u of found.data?.items ?? []) push(u.id, seen.get(u.id) ?? u.name);
    if (!q) for (const [id, name] of known) push(id, name);
    return list;
  }, [found.data, known, seen, value, exclude, q]);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      style={{ width: '100%' }}
      placeholder={t('form.unitSearch')}
      value={value}
      onChange={(v) => {
        setSearch('');
        onChange?.(v);
      }}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={found.isFetching}
      options={options}
    />
  );
}
