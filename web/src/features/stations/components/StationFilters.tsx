import { Button, Col, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import type { ListParams } from '../../../lib/useListParams';
import { STATION_STATUSES, STATION_TIERS, STATION_TYPES, type StationFilter } from '../api/types';

const col = { xs: 24, sm: 12, lg: 8, xl: 4 } as const;

/** The station list's search box and filters, all kept in the URL. */
export function StationFilters({ params }: { params: ListParams<StationFilter> }) {
  const { t } = useTranslation('stations');
  const { filters, set } = params;
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={8} xl={6}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            if (!e.target.value) set({ q: undefined });
          }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('filters.searchPlaceholder')}
          aria-label={t('filters.search')}
          maxLength={100}
        />
      </Col>
      <Col xs={24} sm={12} lg={8} xl={6}>
        <RegionPicker
          value={filters.regionCode}
          onChange={(code) => set({ regionCode: code })}
          maxLevel="township"
          placeholder={t('filters.region')}
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.type')}
          aria-label={t('filters.type')}
          value={filters.type}
          onChange={(v?: string) => set({ type: v })}
          options={STATION_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))}
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.tier')}
          aria-label={t('filters.tier')}
          value={filters.tier}
          onChange={(v?: string) => set({ tier: v })}
          options={STATION_TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))}
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.starLevel')}
          aria-label={t('filters.starLevel')}
          value={filters.starLevel}
          onChange={(v?: string) => set({ starLevel: v })}
          options={[5, 4, 3, 2, 1, 0].map((n) => ({ value: String(n), label: n ? t('starOption', { count: n }) : t('noStars') }))}
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.status')}
          aria-label={t('filters.status')}
          value={filters.status}
          onChange={(v?: string) => set({ status: v })}
          options={STATION_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
        />
      </Col>
      <Col {...col}>
        <Button type="link" onClick={params.reset} style={{ paddingInline: 0 }}>
          {t('common:actions.reset')}
        </Button>
      </Col>
    </Row>
  );
}
