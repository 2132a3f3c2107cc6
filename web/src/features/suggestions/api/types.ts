import type { Page } from '../../../lib/api';

/** A text the server words in both languages (state labels, action labels, notices). */
export interface Text {
  zh: string;
  en: string;
}

export const SUGGESTION_STATES = [
  'draft',
  'cosigning',
  'submitted',
  'accepted',
  'rejected',
  'merged',
  'withdrawn',
  'committee_review',
  'listed',
  'not_listed',
  'assigned',
  'awaiting_evaluation',
  'rehandling',
  'closed',
  'fulfilled',
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];
export type Kind = 'suggestion' | 'motion';
export type Phase = 'session' | 'recess';
export type CosignerStatus = 'invited' | 'confirmed' | 'declined';

export const REJECT_REASONS = [
  'personal_matter',
  'no_content',
  'out_of_jurisdiction',
  'forwarded_letter',
  'promotion',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The actions of POST /api/suggestions/:id/transitions/:action (suggestions.transitions.schema.ts). */
export const ROUTE_ACTIONS = [
  'submit',
  'recall',
  'withdraw',
  'accept',
  'return_for_revision',
  'reject',
  'merge',
  'refer',
  'list',
  'convert',
  'not_list',
] as const;
export type RouteAction = (typeof ROUTE_ACTIONS)[number];

export interface Named {
  id: string;
  name: string;
}

/** One row of GET /api/suggestions (SuggestionItem). */
export interface SuggestionItem {
  id: string;
  kind: Kind;
  originalKind: Kind;
  number: number | null;
  title: string;
  state: SuggestionState;
  stateLabel: Text;
  phase: Phase;
  congress: Named;
  place: Text;
  leadDeputy: Named;
  cosignerCount: number;
  confirmedCount: number;
  category: { id: string; name: string; nameEn: string | null } | null;
  regionCode: string;
  dueAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Cosigner {
  deputyId: string;
  name: string;
  status: CosignerStatus;
  serving: boolean;
  invitedAt: string;
  respondedAt: string | null;
  declineReason: string | null;
}

export interface SuggestionFile {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  kind: string;
}

export interface MattersView {
  several: boolean;
  signals: { kind: 'numbered_items' | 'connective' | 'title_conjunction'; excerpt: string }[];
  message: Text | null;
}

export interface SimilarItem {
  id: string;
  title: string;
  kind: Kind;
  state: SuggestionState;
  stateLabel: Text;
  number: number | null;
  place: Text;
  leadDeputyName: string;
  score: number;
}

export interface CheckView {
  matters: MattersView;
  similar: SimilarItem[];
}

/** GET /api/suggestions/:id (SuggestionView). */
export interface Suggestion extends SuggestionItem {
  grounds: string;
  proposal: string;
  congressId: string;
  termId: string;
  termNumber: number;
  sessionId: string | null;
  sessionNumber: number | null;
  byDelegation: boolean;
  delegation: string | null;
  motionMinSigners: number;
  cosigners: Cosigner[];
  files: SuggestionFile[];
  returnReason: string | null;
  rejectReason: RejectReason | null;
  rejectReasonLabel: Text | null;
  rejectNote: string | null;
  mergedInto: { id: string; title: string } | null;
  merged: { id: string; title: string }[];
  committee: Named | null;
  committeeDecision: 'listed' | 'converted' | 'not_listed' | null;
  committeeReason: string | null;
  acceptedAt: string | null;
  me: {
    lead: boolean;
    cosignerStatus: CosignerStatus | null;
    /** The workflow steps this account may take now, as the server decides. */
    actions: { action: string; label: Text }[];
    edit: boolean;
    invite: boolean;
    attach: boolean;
    answerInvitation: boolean;
  };
  notices?: CheckView;
  version: number;
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: unknown;
}
export type Timeline = Page<TimelineEvent>;

export interface Category {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface DraftInput {
  kind: Kind;
  sessionId?: string | null;
  termId?: string | null;
  title: string;
  grounds: string;
  proposal: string;
  categoryId?: string | null;
  byDelegation: boolean;
  cosignerIds: string[];
}

// Congresses, terms and sessions (congresses.schema.ts).
export interface SessionView {
  id: string;
  congressId: string;
  congressName: string;
  regionCode: string;
  termId: string;
  termNumber: number;
  number: number;
  opensOn: string;
  closesOn: string;
  label: Text;
}
export interface TermView {
  id: string;
  congressId: string;
  number: number;
  startsOn: string;
  endsOn: string | null;
  sessions: SessionView[];
}
export interface CongressItem {
  id: string;
  regionCode: string;
  regionName: string;
  level: 'national' | 'provincial' | 'municipal' | 'county' | 'township';
  name: string;
  motionMinSigners: number;
  replyClassLabels: Record<'A' | 'B' | 'C' | 'D', string>;
}
export interface CongressView extends CongressItem {
  terms: TermView[];
}

/** A deputy of the congress, as GET /api/deputies lists them (the fields the picker needs). */
export interface DeputyOption {
  id: string;
  name: string;
  level: string;
  congressRegionCode: string;
  status: string;
  delegation: string | null;
}

/**
 * The list filters kept in the URL. After 'phase' come the filters the suggestion statistics link to
 * (/statistics/suggestions: server suggestions.list.filters.ts), so a figure opens the list it counts.
 */
export const SUGGESTION_FILTERS = [
  'view',
  'state',
  'kind',
  'phase',
  'reached',
  'unitId',
  'replyClass',
  'rating',
  'onTime',
  'year',
  'categoryId',
  'delegation',
  'regionCode',
  'congressId',
  'sessionId',
] as const;
