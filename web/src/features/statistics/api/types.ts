/** The statistics API's answers (server/src/modules/statistics/statistics.schema.ts). */

export const DIMENSIONS = ['region', 'station', 'deputy', 'unit', 'category', 'channel', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** What a unit account's figures are kept by (server: statistics.policy.ts UNIT_DIMENSIONS). */
export const UNIT_DIMENSIONS: readonly Dimension[] = ['month', 'category', 'channel'];

export const STAGES = [
  'total',
  'submitted',
  'accepted',
  'in_review',
  'transferred',
  'handling',
  'replied',
  'awaiting_evaluation',
] as const;
export type Stage = (typeof STAGES)[number];

export interface StageFigure {
  cases: number;
  averageDays: number | null;
}

export interface Figures {
  received: number;
  accepted: number;
  pending: number;
  rejected: number;
  inProgress: number;
  converted: number;
  closed: number;
  overdue: number;
  supervised: number;
  replied: number;
  resolved: number;
  repliedOnTime: number;
  fedBack: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  resolvedRate: number | null;
  stages: Record<Stage, StageFigure>;
}

export interface Scope {
  regionCode: string;
  regionName: string | null;
  path: { code: string; name: string }[];
  unitId: string | null;
  unitName: string | null;
}

export interface Period {
  from: string;
  to: string;
}

export interface Overview {
  period: Period;
  scope: Scope;
  figures: Figures;
}

export interface BreakdownItem {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  drillable: boolean;
  figures: Figures;
}

export interface Breakdown {
  dimension: Dimension;
  period: Period;
  scope: Scope;
  items: BreakdownItem[];
  total: number;
}

/** The filters of the page, kept in the URL. */
export interface StatsFilter {
  from?: string;
  to?: string;
  regionCode?: string;
}
