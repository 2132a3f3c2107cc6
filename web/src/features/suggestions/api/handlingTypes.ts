import type { SuggestionState, Text } from './types';

// Assignment (suggestions.assignment.schema.ts).
export type AssignmentRole = 'lead' | 'co' | 'separate' | 'joint';
export const ASSIGNMENT_ROLES: AssignmentRole[] = ['lead', 'co', 'separate', 'joint'];
export type AssignmentButton =
  | 'accept'
  | 'request_return'
  | 'request_extension'
  | 'decide_return'
  | 'reassign'
  | 'withdraw'
  | 'decide_extension';

export interface ExtensionView {
  id: string;
  reason: string;
  requestedDueAt: string;
  status: 'pending' | 'approved' | 'rejected';
  statusLabel: Text;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  newDueAt: string | null;
}
export interface ReturnView {
  id: string;
  reason: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
  statusLabel: Text;
  decisionNote: string | null;
}
export interface AssignmentView {
  id: string;
  round: number;
  unit: { id: string; name: string };
  role: AssignmentRole;
  roleLabel: Text;
  status: string;
  statusLabel: Text;
  batchLabel: string | null;
  assignedAt: string;
  returnDueAt: string | null;
  returnWindowOpen: boolean;
  dueAt: string;
  overdue: boolean;
  acceptedAt: string | null;
  repliedAt: string | null;
  extensions: ExtensionView[];
  returns: ReturnView[];
  actions: AssignmentButton[];
}
export interface AssignmentPanel {
  suggestionId: string;
  state: SuggestionState;
  dueAt: string | null;
  canAssign: boolean;
  items: AssignmentView[];
  total: number;
}
export interface UnitRecommendation {
  unitId: string;
  unitName: string;
  role: AssignmentRole;
  score: number;
  reason: Text;
  similar: { id: string; title: string; number: number | null }[];
}
export interface UnitPick {
  unitId: string;
  role: AssignmentRole;
}
export interface BatchResult {
  batchLabel: string;
  succeeded: number;
  failed: number;
  results: { suggestionId: string; ok: boolean; title: string | null; message: string | null }[];
}

// Handling (suggestions.handling.schema.ts).
export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export const RATINGS: Rating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
export type ReplyClass = 'A' | 'B' | 'C' | 'D';
export const CONSULTATION_KINDS = ['face_to_face', 'phone', 'visit', 'meeting'] as const;

export interface Commitment {
  id: string;
  content: string;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
  doneAt: string | null;
  doneNote: string | null;
}
export interface Reply {
  id: string;
  assignmentId: string;
  unit: { id: string; name: string };
  round: number;
  status: 'draft' | 'awaiting_approval' | 'approved' | 'sent';
  statusLabel: Text;
  replyClass: ReplyClass | null;
  replyClassLabel: string | null;
  text: string;
  referenceNumber: string | null;
  signerName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  onTime: boolean | null;
  missingFields: string[];
  letterUrl: string;
  commitments: Commitment[];
}
export interface Handling {
  suggestionId: string;
  state: SuggestionState;
  round: number;
  evaluationRound: number;
  dueAt: string | null;
  replyClass: ReplyClass | null;
  replyClassLabel: string | null;
  assignments: {
    id: string;
    unit: { id: string; name: string };
    role: AssignmentRole;
    round: number;
    status: string;
    statusLabel: Text;
    dueAt: string;
  }[];
  coOpinions: { id: string; unit: { id: string; name: string }; text: string; sentAt: string; onTime: boolean | null }[];
  consultations: {
    id: string;
    unit: { id: string; name: string };
    kind: (typeof CONSULTATION_KINDS)[number];
    kindLabel: Text;
    heldAt: string;
    place: string | null;
    participants: string | null;
    summary: string;
    confirmation: 'pending' | 'confirmed' | 'disputed';
    confirmationNote: string | null;
  }[];
  faceToFace: boolean;
  replies: Reply[];
  evaluations: {
    round: number;
    result: Rating | null;
    attitude: Rating | null;
    silent: boolean;
    comment: string | null;
    evaluatedAt: string;
  }[];
  me: {
    assignmentId: string | null;
    sendOpinion: boolean;
    logConsultation: boolean;
    draftReply: boolean;
    approveReply: boolean;
    sendReply: boolean;
    confirmConsultation: boolean;
    evaluate: boolean;
    fulfil: boolean;
  };
}
export interface ReplyDraft {
  replyClass: ReplyClass | null;
  text: string;
  referenceNumber: string | null;
  signerName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  commitments: { content: string; dueOn: string }[];
}
