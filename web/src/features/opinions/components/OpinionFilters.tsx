import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Grid, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import type { ListParams } from '../../../lib/useListParams';
import { OPINION_CHANNELS, OPINION_STATES, type OpinionFilter } from '../api/types';
import { CategorySelect, StationSelect } from './Pickers';

const col = { xs: 24, sm: 12, lg: 8, xl: 6 } as const;
const DAY = 'YYYY-MM-DD';
const FILTER_KEYS: OpinionFilter[] = [
  'state',
  'channel',
  'categoryId',
  'regionCode',
  'stationId',
  'from',
  'to',
  'overdue',
  'supervised',
];

/**
 * The case list's search box and filters, all kept in the URL. On a phone only the search box shows
 * until the user asks for more, so the list stays on the first screen.
 */
export function OpinionFilters({ params, showStation }: { params: ListParams<OpinionFilter>; showStation: boolean }) {
  const { t } = useTranslation('opinions');
  const { filters, set } = params;
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const active = FILTER_KEYS.filter((k) => filters[k]).length;
  const [expanded, setExpanded] = useState(active > 0);
  const states = filters.state ? filters.state.split(',') : [];
  const yesNo = [
    { value: 'true', label: t('filters.yes') },
    { value: 'false', label: t('filters.no') },
  ];

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={24} lg={8} xl={6}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            if (!e.target.value) set({ q: undefined });
          }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('filters.searchPlaceholder')}
          aria-label={t('filters.searchPlaceholder')}
          maxLength={100}
        />
      </Col>
      {(!phone || expanded) && (
        <>
          <Col {...col}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              style={{ width: '100%' }}
              placeholder={t('filters.state')}
              aria-label={t('filters.state')}
              value={states}
              onChange={(v: string[]) => set({ state: v.join(',') || undefined })}
              options={OPINION_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('filters.channel')}
              aria-label={t('filters.channel')}
              value={filters.channel}
              onChange={(v?: string) => set({ channel: v })}
              options={OPINION_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            />
          </Col>
          <Col {...col}>
            <CategorySelect
              value={filters.categoryId}
              onChange={(v) => set({ categoryId: v })}
              placeholder={t('filters.category')}
            />
          </Col>
          <Col {...col}>
            <RegionPicker
              value={filters.regionCode}
              onChange={(code) => set({ regionCode: code })}
              maxLevel="community"
              placeholder={t('filters.region')}
            />
          </Col>
          {showStation && (
            <Col {...col}>
              <StationSelect
                value={filters.stationId}
                onChange={(v) => set({ stationId: v })}
                placeholder={t('filters.station')}
              />
            </Col>
          )}
          <Col {...col}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              placeholder={[t('filters.dateFrom'), t('filters.dateTo')]}
              onChange={(v) => set({ from: v?.[0]?.format(DAY), to: v?.[1]?.format(DAY) })}
              inputReadOnly={phone}
            />
          </Col>
          <Col xs={12} sm={6} lg={4} xl={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('filters.overdue')}
              aria-label={t('filters.overdue')}
              value={filters.overdue}
              onChange={(v?: string) => set({ overdue: v })}
              options={yesNo}
            />
          </Col>
          <Col xs={12} sm={6} lg={4} xl={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('filters.supervised')}
              aria-label={t('filters.supervised')}
              value={filters.supervised}
              onChange={(v?: string) => set({ supervised: v })}
              options={yesNo}
            />
          </Col>
        </>
      )}
      <Col flex="none">
        {phone && (
          <Button
            type="link"
            icon={expanded ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setExpanded((e) => !e)}
            style={{ paddingInline: 0, marginInlineEnd: 16 }}
          >
            {expanded ? t('filters.less') : `${t('filters.more')}${active ? ` (${active})` : ''}`}
          </Button>
        )}
        <Button
          type="link"
          // Reset keeps the queue the user is looking at.
          onClick={() => set(Object.fromEntries([...FILTER_KEYS, 'q', 'sort'].map((k) => [k, undefined])))}
          style={{ paddingInline: 0 }}
        >
          {t('common:actions.reset')}
        </Button>
      </Col>
    </Row>
  );
}
