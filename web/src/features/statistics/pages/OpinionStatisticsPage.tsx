import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Flex, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { RegionPicker } from '../../../components/RegionPicker';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { exportUrl, useBreakdown, useOverview } from '../api/statistics';
import { DIMENSIONS, type Dimension, type StatsFilter, UNIT_DIMENSIONS } from '../api/types';
import { BreakdownTabs } from '../components/BreakdownTable';
import { HandlingChart, RankChart, ShareChart, StageChart, TrendChart } from '../components/Charts';
import { listLink } from '../components/format';
import { MetricCards } from '../components/MetricCards';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The period, region and tab of the page, kept in the URL so a view can be shared and returned to. */
function useStatsParams() {
  const [params, setParams] = useSearchParams();
  const thisMonth = dayjs().format('YYYY-MM');
  const to = MONTH_RE.test(params.get('to') ?? '') ? (params.get('to') as string) : thisMonth;
  const from = MONTH_RE.test(params.get('from') ?? '') ? (params.get('from') as string) : `${to.slice(0, 4)}-01`;
  const regionCode = params.get('regionCode') || undefined;
  const tab = params.get('tab') as Dimension | null;
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: false },
    );
  return { from, to, regionCode, tab, set };
}

export default function OpinionStatisticsPage() {
  const { t } = useTranslation('statistics');
  const me = useMe();
  const unitAccount = me.role === 'unit_staff';
  const p = useStatsParams();
  const filter: StatsFilter = useMemo(
    () => ({ from: p.from, to: p.to, regionCode: unitAccount ? undefined : p.regionCode }),
    [p.from, p.to, p.regionCode, unitAccount],
  );
  const dimensions = unitAccount ? UNIT_DIMENSIONS : DIMENSIONS;
  const tab = p.tab && dimensions.includes(p.tab) ? p.tab : (dimensions[0] ?? 'month');

  const overview = useOverview(filter);
  const months = useBreakdown('month', filter);
  const channels = useBreakdown('channel', filter);
  const categories = useBreakdown('category', filter);
  const regions = useBreakdown('region', filter, 1, 100, !unitAccount);
  const scope = overview.data?.scope;
  const period = overview.data?.period;
  const drill = (regionCode: string) => p.set({ regionCode, tab: tab === 'region' ? 'region' : undefined });
  const failed = overview.error ?? months.error;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportUrl(filter)}>
            {t('export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('filters.period')}</Typography.Text>
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              value={[dayjs(`${p.from}-01`), dayjs(`${p.to}-01`)]}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(v) => {
                if (v?.[0] && v[1]) p.set({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') });
              }}
              aria-label={t('filters.period')}
            />
          </Flex>
          {unitAccount ? (
            <Tag color="blue">{t('filters.unitScope', { unit: scope?.unitName ?? '' })}</Tag>
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
          {!unitAccount && scope && scope.path.length > 0 && (
            <Breadcrumb
              items={scope.path.map((step, i) => ({
                key: step.code,
                title:
                  i === scope.path.length - 1 ? (
                    <Typography.Text strong>{step.name}</Typography.Text>
                  ) : (
                    <Typography.Link onClick={() => p.set({ regionCode: step.code })}>{step.name}</Typography.Link>
                  ),
              }))}
            />
          )}
        </Flex>
      </Card>

      {failed && <Alert type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 12 }} />}

      <MetricCards figures={overview.data?.figures} loading={overview.isLoading} link={period ? listLink(period, scope) : null} />

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('charts.trend')}>
            <TrendChart items={months.data?.items ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('charts.channel')}>
            <ShareChart items={channels.data?.items ?? []} dimension="channel" label={t('charts.channel')} />
          </Card>
        </Col>
        {!unitAccount && (
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('charts.region')}
              extra={<Typography.Text type="secondary">{t('drillHint')}</Typography.Text>}
            >
              <RankChart
                items={regions.data?.items ?? []}
                dimension="region"
                scope={regions.data?.scope}
                label={t('charts.region')}
                onPick={(item) => item.drillable && item.key && drill(item.key)}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={unitAccount ? 24 : 12}>
          <Card size="small" title={t('charts.category')}>
            <RankChart items={categories.data?.items ?? []} dimension="category" label={t('charts.category')} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('charts.stages')}>
            <StageChart figures={overview.data?.figures} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('charts.handling')}>
            <HandlingChart figures={overview.data?.figures} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small">
            <BreakdownTabs
              dimensions={dimensions}
              filter={filter}
              active={tab}
              onTab={(d) => p.set({ tab: d })}
              onDrill={drill}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
