import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../../components/EChart';
import type { BreakdownItem, Figures } from '../api/suggestionStatistics';

const BLUE = '#1677ff';
const GREEN = '#52c41a';
const ORANGE = '#fa8c16';
const RED = '#f5222d';
const GREY = '#8c8c8c';
const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const dots = { symbolSize: 9, lineStyle: { opacity: 0 } };
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

function Pie({ label, data, colors }: { label: string; data: { name: string; value: number }[]; colors: string[] }) {
  const { t } = useTranslation('suggestionStatistics');
  // With nothing counted ECharts would draw equal slices of zero: say so instead.
  const empty = data.every((d) => d.value === 0);
  const option: ChartOption = {
    title: empty
      ? { text: t('empty'), left: 'center', top: 'middle', textStyle: { color: GREY, fontSize: 13, fontWeight: 'normal' } }
      : undefined,
    color: colors,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: empty
      ? []
      : [
          {
            type: 'pie',
            radius: ['38%', '70%'],
            center: ['50%', '45%'],
            data,
            label: { position: 'inside', formatter: '{c}', color: '#fff' },
            labelLayout: { hideOverlap: true },
          },
        ],
  };
  return <EChart option={option} height={260} label={label} />;
}

/** The replied suggestions by reply class A–D. */
export function ClassChart({ figures }: { figures?: Figures }) {
  const { t } = useTranslation('suggestionStatistics');
  const f = figures;
  const data = (['A', 'B', 'C', 'D'] as const).map((c) => ({ name: t(`metrics.class${c}`), value: f?.[`class${c}`] ?? 0 }));
  return <Pie label={t('charts.classes')} data={data} colors={[GREEN, BLUE, ORANGE, GREY]} />;
}

/** The deputies' ratings of the result. */
export function RatingChart({ figures }: { figures?: Figures }) {
  const { t } = useTranslation('suggestionStatistics');
  const f = figures;
  const data = [
    { name: t('metrics.satisfied'), value: f?.satisfied ?? 0 },
    { name: t('metrics.basicallySatisfied'), value: f?.basicallySatisfied ?? 0 },
    { name: t('metrics.unsatisfied'), value: f?.unsatisfied ?? 0 },
  ];
  return <Pie label={t('charts.ratings')} data={data} colors={[GREEN, BLUE, RED]} />;
}

/** Assigned and replied per unit (the busiest on top), with their solved and on-time rates. */
export function UnitChart({ items, names }: { items: BreakdownItem[]; names: (i: BreakdownItem) => string }) {
  const { t } = useTranslation('suggestionStatistics');
  const top = items.slice(0, 12).reverse();
  const option: ChartOption = {
    color: [BLUE, GREEN, ORANGE, '#722ed1'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid,
    yAxis: { type: 'category', data: top.map(names), axisLabel: { width: 140, overflow: 'truncate' } },
    xAxis: [
      { type: 'value', name: t('charts.cases'), minInterval: 1, position: 'bottom' },
      {
        type: 'value',
        name: t('charts.rate'),
        min: 0,
        max: 100,
        position: 'top',
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      { type: 'bar', name: t('metrics.assigned'), data: top.map((i) => i.figures.assigned), barMaxWidth: 14 },
      { type: 'bar', name: t('metrics.replied'), data: top.map((i) => i.figures.replied), barMaxWidth: 14 },
      // Markers only: a line would join rates of unrelated units.
      { type: 'line', name: t('metrics.solvedRate'), xAxisIndex: 1, data: top.map((i) => pct(i.figures.solvedRate)), ...dots },
      { type: 'line', name: t('metrics.onTimeRate'), xAxisIndex: 1, data: top.map((i) => pct(i.figures.onTimeRate)), ...dots },
    ],
  };
  return <EChart option={option} height={Math.max(260, top.length * 34 + 60)} label={t('charts.units')} />;
}

/** Submitted and replied per year, with the solved and satisfaction rates. */
export function YearChart({ items }: { items: BreakdownItem[] }) {
  const { t } = useTranslation('suggestionStatistics');
  const years = [...items].filter((i) => i.key !== null).reverse();
  const option: ChartOption = {
    color: [BLUE, GREEN, ORANGE, '#13c2c2'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, top: 72 },
    xAxis: { type: 'category', data: years.map((i) => i.key) },
    yAxis: [
      { type: 'value', name: t('charts.cases'), minInterval: 1 },
      {
        type: 'value',
        name: t('charts.rate'),
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      { type: 'bar', name: t('metrics.submitted'), data: years.map((i) => i.figures.submitted), barMaxWidth: 28 },
      { type: 'bar', name: t('metrics.replied'), data: years.map((i) => i.figures.replied), barMaxWidth: 28 },
      { type: 'line', name: t('metrics.solvedRate'), yAxisIndex: 1, data: years.map((i) => pct(i.figures.solvedRate)) },
      {
        type: 'line',
        name: t('metrics.satisfactionRate'),
        yAxisIndex: 1,
        data: years.map((i) => pct(i.figures.satisfactionRate)),
      },
    ],
  };
  return <EChart option={option} height={260} categoryAxis="x" label={t('charts.years')} />;
}
