import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { RegionPicker } from '../../../components/RegionPicker';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { hasRole, POLICIES } from '../../../lib/policies';
import { ReportButton } from '../../suggestionPublication/components/ReportButton';
import {
  DIMENSIONS,
  type Dimension,
  exportUrl,
  type StatsFilter,
  useSuggestionBreakdown,
  useSuggestionOverview,
} from '../api/suggestionStatistics';
import { AwardsCard } from '../components/AwardsCard';
import { BreakdownTabs, useItemName } from '../components/BreakdownTable';
import { ClassChart, RatingChart, UnitChart, YearChart } from '../components/Charts';
import { FigureCards } from '../components/FigureCards';

const ALL = 'all';

/** The year, region and tab of the page, kept in the URL so a view can be shared and returned to. */
function usePageParams() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('year');
  const year = raw === ALL ? undefined : /^\d{4}$/.test(raw ?? '') ? Number(raw) : dayjs().year();
  const regionCode = params.get('regionCode') || undefined;
  const tab = params.get('tab') as Dimension | null;
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  return { year, regionCode, tab, set };
}

export default function SuggestionStatisticsPage() {
  const { t } = useTranslation('suggestionStatistics');
  const me = useMe();
  const unitAccount = me.role === 'unit_staff';
  const p = usePageParams();
  const filter: StatsFilter = useMemo(
    () => ({ year: p.year, regionCode: unitAccount ? undefined : p.regionCode }),
    [p.year, p.regionCode, unitAccount],
  );
  const dimensions: readonly Dimension[] = unitAccount ? DIMENSIONS.filter((d) => d !== 'unit') : DIMENSIONS;
  const tab = p.tab && dimensions.includes(p.tab) ? p.tab : (dimensions[0] ?? 'session');
  const overview = useSuggestionOverview(filter);
  const units = useSuggestionBreakdown('unit', filter, !unitAccount);
  const years = useSuggestionBreakdown('year', { regionCode: filter.regionCode });
  const name = useItemName();
  const failed = overview.error ?? units.error ?? years.error;
  const thisYear = dayjs().year();
  const yearOptions = [
    { value: ALL, label: t('filters.allYears') },
    ...Array.from({ length: 6 }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) })),
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            {/* Leaders have no publications page: the year's report is also here for them. */}
            {hasRole(me, POLICIES.suggestionSupervision.report) && <ReportButton />}
            <Button icon={<DownloadOutlined />} href={exportUrl(filter)}>
              {t('export')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('filters.year')}</Typography.Text>
            <Select
              value={p.year === undefined ? ALL : String(p.year)}
              options={yearOptions}
              onChange={(v) => p.set({ year: v })}
              style={{ width: 120 }}
              aria-label={t('filters.year')}
            />
          </Flex>
          {unitAccount ? (
            <Tag color="blue">{t('filters.unitScope')}</Tag>
          ) : (
            <Flex gap={8} align="center" style={{ minWidth: 320 }}>
              <Typography.Text type="secondary">{t('filters.region')}</Typography.Text>
              <RegionPicker
                value={p.regionCode}
                onChange={(code) => p.set({ regionCode: code })}
                rootCode={me.regionCode}
                placeholder={t('filters.allRegions')}
                style={{ width: 260 }}
              />
            </Flex>
          )}
        </Flex>
      </Card>

      {failed && <Alert type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 12 }} />}

      <FigureCards figures={overview.data?.figures} links={overview.data?.links} loading={overview.isLoading} />

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('charts.classes')}>
            <ClassChart figures={overview.data?.figures} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('charts.ratings')}>
            <RatingChart figures={overview.data?.figures} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('charts.years')}>
            <YearChart items={years.data?.items ?? []} />
          </Card>
        </Col>
        {!unitAccount && (
          <Col span={24}>
            <Card size="small" title={t('charts.units')}>
              <UnitChart items={units.data?.items ?? []} names={name} />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card size="small">
            <BreakdownTabs dimensions={dimensions} filter={filter} active={tab} onTab={(d) => p.set({ tab: d })} />
          </Card>
        </Col>
        {!unitAccount && (
          <Col span={24}>
            <AwardsCard regionCode={me.regionCode} year={p.year ?? thisYear} />
          </Col>
        )}
      </Row>
    </>
  );
}
