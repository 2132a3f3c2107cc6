/**
 * The public API as the server answers it (server/src/modules/stations/stations.schema.ts PublicStation,
 * server/src/modules/routing/routing.schema.ts PublicCategoryList, server/src/modules/portal).
 * Kept by hand: the web build does not import server code.
 */
export type StationType = 'station' | 'home' | 'point' | 'online' | 'mobile' | 'court' | 'procuratorate' | 'enterprise';
export type StationTier = 'main' | 'central' | 'basic';
export type DeputyLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'township';
export type MemberRole = 'head' | 'deputy_head' | 'member';

export interface PublicDeputy {
  name: string;
  level: DeputyLevel;
  role: MemberRole;
  deputyGroup: string | null;
  /** Not sent by the server yet; shown when it is. */
  photoUrl?: string | null;
}

export interface PublicStation {
  code: string;
  name: string;
  type: StationType;
  tier: StationTier;
  regionName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  receptionSchedule: string | null;
  hotline: string | null;
  starLevel: number;
  description: string | null;
  deputies: PublicDeputy[];
}

export interface PublicCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
}
export interface PublicCategoryNode extends PublicCategory {
  children: PublicCategory[];
}

export interface SubmitReceipt {
  trackingCode: string;
  receivedAt: string;
  stationName: string;
}

export type Stage = 'submitted' | 'accepted' | 'handling' | 'replied' | 'closed' | 'rejected' | 'merged';
export type ReplyResult = 'resolved' | 'basically_resolved' | 'being_resolved' | 'cannot_resolve_now';
export const EVALUATIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

export interface PublicCase {
  trackingCode: string;
  state: string;
  stage: Stage;
  stationName: string | null;
  categoryName: string | null;
  content: string;
  placeText: string | null;
  receivedAt: string;
  steps: { at: string; action: string; label: string }[];
  reply: { result: ReplyResult | null; text: string | null; repliedAt: string | null; unitName: string | null } | null;
  rejectReason: string | null;
  rejectGuidance: string | null;
  evaluation: Evaluation | null;
  canEvaluate: boolean;
  photos: { id: string; url: string }[];
}

export interface EvaluationInput {
  last4: string;
  evaluation: Evaluation;
  comment?: string;
  solved?: boolean;
}
