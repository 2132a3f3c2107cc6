import { Flex, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonOption, usePersonLookup } from '../api/users';

interface Option {
  value: string;
  label: string;
  disabled: boolean;
  person?: PersonOption;
}

/** Where the person serves: 县级·道里区，市级·哈尔滨市. */
const mandatesOf = (p: PersonOption, t: TFunction<'users'>) =>
  p.mandates.map((m) => `${t(`levelShort.${m.level}`)}·${m.regionName ?? m.regionCode}`).join('，');

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The account's region: only the persons an account there may be linked to are offered. */
  regionCode?: string;
  /** The name of the current value, before a search loads it. */
  currentName?: string | null;
  placeholder?: string;
  id?: string;
}

/**
 * Finds the deputy in person a deputy account belongs to, by name, pinyin or initials. The lookup
 * answers names and where each person serves only: the administrators see no personal data.
 * A person who already has an account is shown but cannot be chosen (one account per person).
 */
export function PersonSelect({ value, onChange, regionCode, currentName, placeholder, id }: Props) {
  const { t } = useTranslation('users');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const found = usePersonLookup({ q: q || undefined, regionCode: regionCode || undefined }, true);

  const options = useMemo(() => {
    const list: Option[] = (found.data?.items ?? []).map((p) => ({
      value: p.id,
      // What the closed select shows: the name and where the person serves.
      label: `${p.name}（${mandatesOf(p, t)}）`,
      disabled: p.hasAccount && p.id !== value,
      person: p,
    }));
    if (value && currentName && !list.some((o) => o.value === value))
      list.unshift({ value, label: currentName, disabled: false });
    return list;
  }, [found.data, value, currentName, t]);

  return (
    <Select<string, Option>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
      notFoundContent={found.isFetching ? undefined : t('personNotFound')}
      optionRender={(o) => {
        const p = o.data.person;
        if (!p) return o.label;
        return (
          <Flex justify="space-between" align="center" gap={8}>
            <span style={{ minWidth: 0 }}>
              <Typography.Text strong>{p.name}</Typography.Text>{' '}
              <Typography.Text type="secondary" ellipsis>
                {mandatesOf(p, t)}
              </Typography.Text>
            </span>
            {p.hasAccount && <Tag>{t('personHasAccount')}</Tag>}
          </Flex>
        );
      }}
    />
  );
}
