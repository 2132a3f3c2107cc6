import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import type { ListParams } from '../../../lib/useListParams';
import { DEPUTY_LEVELS, DEPUTY_STATUSES, type DeputyFilter, GENDERS } from '../api/types';
import { PARTIES, toOptions } from './options';

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const ADVANCED: DeputyFilter[] = ['term', 'gender', 'party', 'deputyGroup'];
const col = { xs: 24, sm: 12, lg: 8, xl: 6 } as const;

/** The deputy list's search box and filters; every value lives in the URL (useListParams). */
export function DeputyFilters({ params }: { params: ListParams<DeputyFilter> }) {
  const { t } = useTranslation('deputies');
  const { filters, set } = params;
  const [q, setQ] = useState(params.q ?? '');
  const [group, setGroup] = useState(filters.deputyGroup ?? '');
  const [more, setMore] = useState(() => ADVANCED.some((f) => filters[f]));

  // The URL may change under us (back button, reset): follow it.
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  useEffect(() => setGroup(filters.deputyGroup ?? ''), [filters.deputyGroup]);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...col}>
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
      <Col {...col}>
        <RegionPicker
          value={filters.regionCode}
          onChange={(code) => set({ regionCode: code })}
          maxLevel="township"
          placeholder={t('filters.region')}
        />
      </Col>
      <Col {...col}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: '100%' }}
          placeholder={t('filters.level')}
          aria-label={t('filters.level')}
          value={csv(filters.level)}
          onChange={(v: string[]) => set({ level: v.join(',') })}
          options={DEPUTY_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
        />
      </Col>
      <Col {...col}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: '100%' }}
          placeholder={t('filters.status')}
          aria-label={t('filters.status')}
          value={csv(filters.status)}
          onChange={(v: string[]) => set({ status: v.join(',') })}
          options={DEPUTY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Col>
      {more && (
        <>
          <Col {...col}>
            <InputNumber
              min={1}
              max={99}
              precision={0}
              style={{ width: '100%' }}
              placeholder={t('filters.term')}
              aria-label={t('filters.term')}
              value={filters.term ? Number(filters.term) : null}
              onChange={(v) => set({ term: v ? String(v) : undefined })}
              prefix={t('filters.termPrefix')}
              suffix={t('filters.termSuffix')}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('filters.gender')}
              aria-label={t('filters.gender')}
              value={filters.gender}
              onChange={(v?: string) => set({ gender: v })}
              options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              showSearch
              style={{ width: '100%' }}
              placeholder={t('filters.party')}
              aria-label={t('filters.party')}
              value={filters.party}
              onChange={(v?: string) => set({ party: v })}
              options={toOptions(PARTIES)}
            />
          </Col>
          <Col {...col}>
            <Input.Search
              allowClear
              value={group}
              onChange={(e) => {
                setGroup(e.target.value);
                if (!e.target.value) set({ deputyGroup: undefined });
              }}
              onSearch={(v) => set({ deputyGroup: v.trim() || undefined })}
              placeholder={t('filters.deputyGroup')}
              aria-label={t('filters.deputyGroup')}
              maxLength={100}
            />
          </Col>
        </>
      )}
      <Col xs={24} sm={12} lg={8} xl={6}>
        <Button
          type="link"
          onClick={() => setMore((m) => !m)}
          icon={more ? <UpOutlined /> : <DownOutlined />}
          style={{ paddingInline: 0 }}
        >
          {more ? t('filters.less') : t('filters.more')}
        </Button>
        <Button type="link" onClick={params.reset}>
          {t('common:actions.reset')}
        </Button>
      </Col>
    </Row>
  );
}
