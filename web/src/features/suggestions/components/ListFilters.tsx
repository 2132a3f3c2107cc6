import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListParams } from '../../../lib/useListParams';
import { type SUGGESTION_FILTERS, SUGGESTION_STATES } from '../api/types';

type Filter = (typeof SUGGESTION_FILTERS)[number];

/** Search text, state, kind and phase; the box is chosen by the tabs above. */
export function ListFilters({ params, showState }: { params: ListParams<Filter>; showState: boolean }) {
  const { t } = useTranslation('suggestions');
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        defaultValue={params.q}
        placeholder={t('list.search')}
        onSearch={(q) => params.set({ q })}
        style={{ flex: '1 1 220px', maxWidth: 360 }}
      />
      {showState && (
        <Select
          allowClear
          placeholder={t('list.allStates')}
          value={params.filters.state}
          onChange={(state?: string) => params.set({ state })}
          style={{ width: 160 }}
          options={SUGGESTION_STATES.map((s) => ({ value: s, label: t(`state.${s}`, { defaultValue: s }) }))}
        />
      )}
      <Select
        allowClear
        placeholder={t('list.allKinds')}
        value={params.filters.kind}
        onChange={(kind?: string) => params.set({ kind })}
        style={{ width: 150 }}
        options={(['suggestion', 'motion'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <Select
        allowClear
        placeholder={t('list.allPhases')}
        value={params.filters.phase}
        onChange={(phase?: string) => params.set({ phase })}
        style={{ width: 140 }}
        options={(['session', 'recess'] as const).map((p) => ({ value: p, label: t(`phase.${p}`) }))}
      />
    </Flex>
  );
}
