import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../../components/EChart';
import type { BreakdownItem, Dimension, Figures, Scope } from '../api/types';
import { STAGES } from '../api/types';
import { itemName } from './format';

const BLUE = '#1677ff';
const GREEN = '#52c41a';
const ORANGE = '#fa8c16';
const RED = '#f5222d';
const PALETTE = [BLUE, '#13c2c2', GREEN, '#faad14', '#722ed1', '#eb2f96', ORANGE, '#2f54eb', '#a0d911', '#8c8c8c'];
const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' } };

function useNames(dimension: Dimension, scope?: Scope) {
  const { t, i18n } = useTranslation('statistics');
  const en = i18n.language === 'en';
  return { t, name: (item: BreakdownItem) => itemName(item, dimension, scope, t, en) };
}

/** Received and closed per month, with the satisfaction rate. */
export function TrendChart({ items }: { items: BreakdownItem[] }) {
  const { t } = useTranslation('statistics');
  const option: ChartOption = {
    color: [BLUE, GREEN, ORANGE],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { ...grid, right: 8 },
    xAxis: { type: 'category', data: items.map((i) => i.key) },
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
      { type: 'bar', name: t('metrics.received'), data: items.map((i) => i.figures.received), barMaxWidth: 28 },
      { type: 'bar', name: t('metrics.closed'), data: items.map((i) => i.figures.closed), barMaxWidth: 28 },
      {
        type: 'line',
        name: t('metrics.satisfactionRate'),
        yAxisIndex: 1,
        smooth: true,
        data: items.map((i) => (i.figures.satisfactionRate === null ? null : Math.round(i.figures.satisfactionRate * 1000) / 10)),
      },
    ],
  };
  return <EChart option={option} label={t('charts.trend')} />;
}

/** Horizontal bars of received cases per member, largest on top; a click opens a member (regions drill down). */
export function RankChart({
  items,
  dimension,
  scope,
  onPick,
  label,
}: {
  items: BreakdownItem[];
  dimension: Dimension;
  scope?: Scope;
  onPick?: (item: BreakdownItem) => void;
  label: string;
}) {
  const { t, name } = useNames(dimension, scope);
  const top = items.slice(0, 12).reverse();
  const option: ChartOption = {
    color: [BLUE, GREEN],
    tooltip,
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map(name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: t('metrics.received'),
        data: top.map((i) => ({ value: i.figures.received, itemStyle: i.drillable ? undefined : { opacity: 0.85 } })),
        barMaxWidth: 18,
      },
      { type: 'bar', name: t('metrics.closed'), data: top.map((i) => i.figures.closed), barMaxWidth: 18 },
    ],
  };
  return (
    <EChart
      option={option}
      label={label}
      height={Math.max(220, top.length * 30 + 60)}
      onClick={onPick ? (index) => top[index] && onPick(top[index]) : undefined}
    />
  );
}

/** Shares of received cases, as a ring. */
export function ShareChart({ items, dimension, label }: { items: BreakdownItem[]; dimension: Dimension; label: string }) {
  const { name } = useNames(dimension);
  const option: ChartOption = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['35%', '50%'],
        label: { show: false },
        data: items.map((i) => ({ name: name(i), value: i.figures.received })),
      },
    ],
  };
  return <EChart option={option} label={label} />;
}

/** Average working days per stage of the loop. */
export function StageChart({ figures }: { figures?: Figures }) {
  const { t } = useTranslation('statistics');
  const stages = STAGES.filter((s) => s !== 'total');
  const option: ChartOption = {
    color: [BLUE],
    tooltip: { ...tooltip, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} ${t('unit.days')}` : '—') },
    grid: { ...grid, top: 16 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: [...stages].reverse().map((s) => t(`stage.${s}`)) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: [...stages].reverse().map((s) => figures?.stages[s].averageDays ?? null),
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (p.value == null ? '' : String(p.value)) },
      },
    ],
  };
  return <EChart option={option} label={t('charts.stages')} height={280} />;
}

/** Replies and what the constituents made of them. */
export function HandlingChart({ figures }: { figures?: Figures }) {
  const { t } = useTranslation('statistics');
  const f = figures;
  const rows: [string, number, string][] = [
    ['replied', f?.replied ?? 0, BLUE],
    ['resolved', f?.resolved ?? 0, BLUE],
    ['repliedOnTime', f?.repliedOnTime ?? 0, BLUE],
    ['fedBack', f?.fedBack ?? 0, BLUE],
    ['satisfied', f?.satisfied ?? 0, GREEN],
    ['basicallySatisfied', f?.basicallySatisfied ?? 0, '#95de64'],
    ['unsatisfied', f?.unsatisfied ?? 0, RED],
  ];
  const shown = [...rows].reverse();
  const option: ChartOption = {
    tooltip,
    grid: { ...grid, top: 16 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map(([k]) => t(`metrics.${k}`)), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: shown.map(([, v, color]) => ({ value: v, itemStyle: { color } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
  return <EChart option={option} label={t('charts.handling')} height={280} />;
}
