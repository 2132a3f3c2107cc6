/**
 * Constituent opinions as the server answers them (server/src/modules/opinions/opinions.schema.ts,
 * opinions.transitions.schema.ts, receptions.schema.ts, routing.schema.ts, and the list contract of
 * /work/notes/contracts.md §A). Kept by hand: the web build does not import server code.
 */
export const OPINION_STATES = [
  'submitted',
  'accepted',
  'in_review',
  'transferred',
  'handling',
  'replied',
  'awaiting_evaluation',
  'closed',
  'rejected',
  'merged',
  'converted',
] as const;
export type OpinionState = (typeof OPINION_STATES)[number];
export const CLOSED_STATES: readonly OpinionState[] = ['closed', 'rejected', 'merged', 'converted'];

export const OPINION_CHANNELS = [
  'station_visit',
  'online',
  'qr',
  'hotline',
  'card',
  'home_visit',
  'mobile_station',
  'letter',
  'hotline_12345',
] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];

export const REPLY_RESULTS = ['resolved', 'basically_resolved', 'being_resolved', 'cannot_resolve_now'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export const EVALUATIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

/** The workflow's actions an account applies through POST /opinions/:id/transitions/:action. */
export const TRANSITION_ACTIONS = [
  'accept',
  'reject',
  'answer_on_spot',
  'resolve',
  'escalate',
  'transfer',
  'unit_accept',
  'unit_return',
  'reply',
  'feedback',
  'evaluate',
  'rehandle',
  'merge',
  'convert',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
/** Beside the workflow: the routes of their own (urge, supervise, extensions). */
export type SideAction = 'urge' | 'supervise' | 'requestExtension';
export type PanelAction = TransitionAction | SideAction;

export const MAX_CONTENT_CHARS = 2000;

export type Text = { zh: string; en: string };
type Named = { id: string; name: string } | null;

export interface OpinionListItem {
  id: string;
  trackingCode: string;
  title: string;
  summary: string;
  state: OpinionState;
  channel: OpinionChannel;
  categoryId: string | null;
  categoryName: string | null;
  regionCode: string;
  regionName: string | null;
  stationId: string | null;
  stationName: string | null;
  responsibleDeputyId: string | null;
  responsibleDeputyName: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  dueAt: string | null;
  overdue: boolean;
  supervised: boolean;
  urgeCount: number;
  evaluation: Evaluation | null;
  receivedAt: string;
  submitterNameMasked: string | null;
}

export const OPINION_FILTERS = [
  'queue',
  'state',
  'channel',
  'categoryId',
  'regionCode',
  'stationId',
  'from',
  'to',
  'overdue',
  'supervised',
  'sort',
] as const;
export type OpinionFilter = (typeof OPINION_FILTERS)[number];

export interface OpinionPage {
  items: OpinionListItem[];
  total: number;
  /** False when a search matched more cases than are counted one by one: total is then a lower bound. */
  totalExact?: boolean;
}

export interface Workbench {
  role: string;
  queues: { key: string; count: number }[];
}

export interface Extension {
  id: string;
  opinionId: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string;
  requestedDays: number;
  requestedBy: string;
  requestedByName: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  newDueAt: string | null;
  createdAt: string;
}

export interface CaseUnit {
  unitId: string;
  name: string;
  role: 'lead' | 'co';
  round: number;
  status: 'transferred' | 'handling' | 'returned' | 'replied';
  dueAt: string | null;
}

export interface CaseFile {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  kind: 'photo' | 'reply';
}

export interface Opinion {
  id: string;
  trackingCode: string;
  regionCode: string;
  regionName: string | null;
  station: { id: string; code: string; name: string } | null;
  receptionId: string | null;
  channel: OpinionChannel;
  category: { id: string; code: string; name: string; nameEn: string | null } | null;
  title: string;
  content: string;
  placeText: string | null;
  latitude: number | null;
  longitude: number | null;
  submitter: { name: string | null; phone: string | null; address: string | null; nameHidden: boolean; revealed: boolean };
  consentShare: boolean;
  consentPublish: boolean;
  state: OpinionState;
  stateLabel: Text;
  responsibleDeputy: Named;
  leadUnit: Named;
  units: CaseUnit[];
  complex: boolean;
  dueAt: string | null;
  overdue: boolean;
  overdueStages: string[];
  urgeCount: number;
  supervised: boolean;
  supervisedBy: Named;
  supervisionInstruction: string | null;
  rejectReason: string | null;
  rejectGuidance: string | null;
  reply: {
    result: ReplyResult | null;
    text: string | null;
    repliedAt: string | null;
    dueAt: string | null;
    onTime: boolean | null;
  };
  files: CaseFile[];
  fedBackAt: string | null;
  evaluation: Evaluation | null;
  evaluationComment: string | null;
  evaluatedAt: string | null;
  rehandleCount: number;
  closedAt: string | null;
  mergedIntoId: string | null;
  mergedCount: number;
  convertedSuggestionId: string | null;
  extensions: Extension[];
  version: number;
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  label: Text;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  stageOverdue: boolean | null;
}

export interface CaseActions {
  state: OpinionState;
  actions: { action: TransitionAction | 'expire_evaluation'; label: Text }[];
  urge: boolean;
  supervise: boolean;
  requestExtension: boolean;
  decideExtension: boolean;
}

export interface SimilarCase {
  id: string;
  trackingCode: string;
  title: string;
  state: OpinionState;
  score: number;
  leadUnitId: string | null;
  leadUnitName: string | null;
  receivedAt: string;
}

export interface Category {
  id: string;
  code: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  active: boolean;
  children?: Category[];
}

export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  unitRegionCode: string;
  source: 'rule' | 'similar';
  reason: string;
  similar: { count: number; lastReceivedAt: string; score: number } | null;
}

export interface UnitOption {
  id: string;
  name: string;
  shortName: string | null;
  regionName: string | null;
  status: 'active' | 'inactive';
}

export interface StationOption {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  status: 'active' | 'inactive';
}

export interface StationMemberOption {
  deputyId: string;
  name: string;
  role: 'head' | 'deputy_head' | 'member';
}

export interface UploadedFile {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
}

export interface CreateOpinionInput {
  channel: OpinionChannel;
  stationId?: string | null;
  regionCode?: string | null;
  receptionId?: string | null;
  categoryId?: string | null;
  title?: string | null;
  content: string;
  placeText?: string | null;
  responsibleDeputyId?: string | null;
  submitter: { name: string | null; phone: string | null; address: string | null; nameHidden: boolean };
  consentShare: boolean;
  consentPublish: boolean;
  complex: boolean;
  receivedAt?: string | null;
  idempotencyKey: string;
}

export interface Reception {
  id: string;
  station: { id: string; code: string; name: string };
  regionCode: string;
  receivedOn: string;
  deputies: { id: string; name: string }[];
  staffNames: string | null;
  visitorCount: number;
  summary: string | null;
  opinionCount: number;
  createdAt: string;
}

export interface ReceptionInput {
  stationId: string;
  receivedOn: string;
  deputyIds: string[];
  staffNames: string | null;
  visitorCount: number;
  summary: string | null;
}

export const RECEPTION_FILTERS = ['stationId', 'from', 'to'] as const;
export type ReceptionFilter = (typeof RECEPTION_FILTERS)[number];
