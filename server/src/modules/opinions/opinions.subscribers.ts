import type { Config } from '../../config.js';
import type { Executor } from '../../db/client.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { TemplateVars } from '../../platform/notify/notify.tables.js';
import { declareTopics, type OutboxEvent, type Recipient, subscribe } from '../../platform/outbox.js';
import {
  Audience,
  caseVars,
  dueDateOf,
  EVALUATION_LABELS,
  frontLineOf,
  holdersOf,
  leaderOf,
  officeOf,
  REPLY_RESULT_LABELS,
  unitName,
} from './opinions.audience.js';
import { STAGE_DUTY } from './opinions.jobs.js';
import { deputyAccounts, lookupOpinion } from './opinions.lookups.js';
import { displayNameOf, unitAccounts } from './opinions.notify.repo.js';
import type { OpinionRow } from './opinions.repo.js';
import type { EvaluationValue, ReplyResult } from './opinions.tables.js';
import './opinions.templates.js';
import { OPINION_STATES, type OpinionState } from './opinions.workflow.js';

/**
 * Turns the opinion loop's outbox events into notifications (DESIGN §3.1: 百姓呼、代表应、政府做):
 * the front line hears of a new case, the office of what it must review or decide, the units of
 * what they must handle, the constituent — by SMS, with the tracking code — of acceptance, refusal
 * and the answer, and a supervising leader of what happens to the case.
 */

export interface SubscriberDeps {
  crypto: FieldCrypto;
  config: Pick<Config, 'publicUrl'>;
}

/** The topics that tell someone. */
export const NOTIFIED_TOPICS = [
  'opinion.submitted',
  'opinion.accepted',
  'opinion.rejected',
  'opinion.escalated',
  'opinion.transferred',
  'opinion.returned',
  'opinion.replied',
  'opinion.feedback',
  'opinion.urged',
  'opinion.supervised',
  'opinion.due_soon',
  'opinion.overdue',
  'opinion.extension_requested',
  'opinion.extension_decided',
  'opinion.evaluated',
  'opinion.rehandled',
] as const;
type NotifiedTopic = (typeof NOTIFIED_TOPICS)[number];

/** Emitted for the record; nobody needs telling. The dispatcher marks them done. */
export const RECORD_ONLY_TOPICS = ['opinion.unit_accepted', 'opinion.closed', 'opinion.merged', 'opinion.converted'];

/** Every topic this module answers or records. */
export const OPINION_TOPICS: readonly string[] = [...NOTIFIED_TOPICS, ...RECORD_ONLY_TOPICS];

interface EventCase {
  event: OutboxEvent;
  db: Executor;
  /** The case as it is now; the payload says how it was when the event happened. */
  row: OpinionRow;
  actorId: string | null;
  link: string;
}

type Handler = (c: EventCase) => Promise<Recipient[]>;

const str = (c: EventCase, key: string): string | null => {
  const v = c.event.payload[key];
  return typeof v === 'string' ? v : null;
};
const num = (c: EventCase, key: string): number | null => {
  const v = c.event.payload[key];
  return typeof v === 'number' ? v : null;
};
const stateAtEvent = (c: EventCase): OpinionState => {
  const s = str(c, 'state');
  return s && (OPINION_STATES as readonly string[]).includes(s) ? (s as OpinionState) : c.row.state;
};
const resultLabel = (c: EventCase) => {
  const r = (str(c, 'result') ?? c.row.replyResult) as ReplyResult | null;
  return r ? REPLY_RESULT_LABELS[r] : '—';
};

/** The constituents to answer by SMS: the phone is decrypted here, on its way into the delivery row, and never logged. */
function constituents(
  deps: SubscriberDeps,
  targets: readonly OpinionRow[],
  key: string,
  varsFor: (target: OpinionRow) => TemplateVars,
): Recipient[] {
  return targets
    .filter((t) => t.submitterPhoneEnc)
    .map((t) => ({
      phone: deps.crypto.decrypt(t.submitterPhoneEnc as string),
      channels: ['sms' as const],
      templateKey: key,
      vars: varsFor(t),
    }));
}

function handlers(deps: SubscriberDeps): Record<NotifiedTopic, Handler> {
  const trackingUrl = (code: string) => `${deps.config.publicUrl ?? ''}/track/${code}`;

  return {
    'opinion.submitted': async (c) => {
      const vars = { ...(await caseVars(c.db, c.row)), dueDate: dueDateOf(str(c, 'dueAt')) };
      const audience = new Audience(c.actorId)
        .add(await deputyAccounts(c.db, str(c, 'responsibleDeputyId')), { sms: true })
        .add(await holdersOf(c.db, c.row, 'submitted', null));
      return audience.recipients('opinion.submitted', vars, c.link);
    },

    'opinion.accepted': async (c) => {
      const vars = await caseVars(c.db, c.row);
      return constituents(deps, [c.row], 'opinion.accepted', () => vars);
    },

    'opinion.rejected': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const guidance = str(c, 'guidance');
      const reason = [str(c, 'reason') ?? c.row.rejectReason ?? '', guidance ?? ''].filter(Boolean).join('；');
      return constituents(deps, [c.row], 'opinion.rejected', () => ({ code, summary, reason }));
    },

    'opinion.escalated': async (c) => {
      const { code, summary, station, deputy } = await caseVars(c.db, c.row);
      const audience = new Audience(c.actorId).add(await officeOf(c.db, c.row));
      return audience.recipients('opinion.escalated', { code, summary, station, deputy }, c.link);
    },

    'opinion.transferred': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const lead = str(c, 'leadUnitId');
      const unitIds = (c.event.payload.unitIds as string[] | undefined) ?? (lead ? [lead] : []);
      // The reply date the office fixed, else the date by which the unit must accept.
      const due = c.row.replyDueAt ?? str(c, 'dueAt');
      const vars = { code, summary, unit: (await unitName(c.db, lead)) ?? '—', dueDate: dueDateOf(due) };
      const audience = new Audience(c.actorId).add(await unitAccounts(c.db, unitIds), { sms: true });
      return audience.recipients('opinion.transferred', vars, c.link);
    },

    'opinion.returned': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const vars = { code, summary, unit: (await unitName(c.db, str(c, 'unitId'))) ?? '—', reason: str(c, 'reason') ?? '—' };
      return new Audience(c.actorId).add(await officeOf(c.db, c.row)).recipients('opinion.returned', vars, c.link);
    },

    'opinion.replied': async (c) => {
      const { code, summary, station } = await caseVars(c.db, c.row);
      // Answered on the spot or resolved without a unit: the one who answered stands in for the unit.
      const unit = (await unitName(c.db, str(c, 'unitId'))) ?? (await displayNameOf(c.db, c.actorId)) ?? station;
      const audience = new Audience(c.actorId)
        .add(await frontLineOf(c.db, c.row))
        .add(await officeOf(c.db, c.row))
        .add(await leaderOf(c.db, c.row));
      return audience.recipients('opinion.replied', { code, summary, unit, result: resultLabel(c) }, c.link);
    },

    'opinion.feedback': async (c) => {
      const listed = (c.event.payload.recipients as { opinionId?: unknown }[] | undefined) ?? [];
      const ids = listed.map((r) => r.opinionId).filter((id): id is string => typeof id === 'string');
      const targets = [c.row];
      for (const id of ids) {
        if (id === c.row.id) continue;
        const follower = await lookupOpinion(c.db, id);
        if (follower) targets.push(follower);
      }
      const result = resultLabel(c);
      return constituents(deps, targets, 'opinion.feedback', (t) => ({
        code: t.trackingCode,
        result,
        url: trackingUrl(t.trackingCode),
      }));
    },

    'opinion.urged': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const vars = {
        code,
        summary,
        dueDate: dueDateOf(str(c, 'dueAt')),
        count: num(c, 'count') ?? c.row.urgeCount,
        note: str(c, 'note') ?? '',
      };
      const holders = await holdersOf(c.db, c.row, stateAtEvent(c), str(c, 'leadUnitId'));
      return new Audience(c.actorId).add(holders, { sms: true }).recipients('opinion.urged', vars, c.link);
    },

    'opinion.supervised': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const vars = { code, summary, leader: str(c, 'leaderName') ?? '—', instruction: str(c, 'instruction') ?? '' };
      const audience = new Audience(c.actorId)
        .add(await holdersOf(c.db, c.row, stateAtEvent(c), str(c, 'leadUnitId')), { sms: true })
        .add(await officeOf(c.db, c.row))
        .add(await deputyAccounts(c.db, c.row.responsibleDeputyId));
      return audience.recipients('opinion.supervised', vars, c.link);
    },

    'opinion.due_soon': (c) => deadlineNotice(c, 'opinion.due_soon'),
    'opinion.overdue': (c) => deadlineNotice(c, 'opinion.overdue'),

    'opinion.extension_requested': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const vars = {
        code,
        summary,
        unit: (await unitName(c.db, str(c, 'leadUnitId'))) ?? '—',
        days: num(c, 'days') ?? 0,
        reason: str(c, 'reason') ?? '—',
      };
      return new Audience(c.actorId).add(await officeOf(c.db, c.row)).recipients('opinion.extension_requested', vars, c.link);
    },

    'opinion.extension_decided': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const approved = c.event.payload.approved === true;
      const vars = {
        code,
        summary,
        decision: approved ? '已批准' : '未获批准',
        dueDate: dueDateOf(str(c, 'newDueAt') ?? str(c, 'dueAt')),
      };
      const lead = str(c, 'leadUnitId');
      return new Audience(c.actorId)
        .add(await unitAccounts(c.db, lead ? [lead] : []))
        .recipients('opinion.extension_decided', vars, c.link);
    },

    'opinion.evaluated': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const evaluation = str(c, 'evaluation') as EvaluationValue | null;
      const unsatisfied = evaluation === 'unsatisfied';
      const vars = {
        code,
        summary,
        evaluation: evaluation ? EVALUATION_LABELS[evaluation] : '—',
        nextStep: unsatisfied ? '该意见已退回代表工委，请安排重新办理。' : '该意见已办结。',
      };
      const audience = new Audience(c.actorId).add(await deputyAccounts(c.db, c.row.responsibleDeputyId));
      if (unsatisfied) audience.add(await officeOf(c.db, c.row));
      return audience.recipients('opinion.evaluated', vars, c.link);
    },

    'opinion.rehandled': async (c) => {
      const { code, summary } = await caseVars(c.db, c.row);
      const lead = str(c, 'leadUnitId');
      const unitIds = (c.event.payload.unitIds as string[] | undefined) ?? (lead ? [lead] : []);
      const vars = { code, summary, unit: (await unitName(c.db, lead)) ?? '—', dueDate: dueDateOf(str(c, 'dueAt')) };
      return new Audience(c.actorId)
        .add(await unitAccounts(c.db, unitIds), { sms: true })
        .recipients('opinion.rehandled', vars, c.link);
    },
  };
}

/**
 * Before a deadline, whoever must act; after it, the office too, and the leader supervising the case
 * (DESIGN §4: reminders before a deadline, urging after it).
 */
async function deadlineNotice(c: EventCase, key: 'opinion.due_soon' | 'opinion.overdue'): Promise<Recipient[]> {
  const { code, summary } = await caseVars(c.db, c.row);
  const stage = stateAtEvent(c);
  const vars = {
    code,
    summary,
    stage: STAGE_DUTY[stage] ?? '办理',
    dueDate: dueDateOf(str(c, 'dueAt')),
    days: num(c, 'days') ?? 0,
  };
  const audience = new Audience(null).add(await holdersOf(c.db, c.row, stage, str(c, 'leadUnitId')), { sms: true });
  if (key === 'opinion.overdue') audience.add(await officeOf(c.db, c.row)).add(await leaderOf(c.db, c.row));
  return audience.recipients(key, vars, c.link);
}

let registered: (() => void)[] = [];

/**
 * Subscribes the opinion topics for this process (the server, or a test app). Registering again
 * replaces the earlier subscriptions, so an event is never answered twice by one process.
 */
export function registerOpinionSubscribers(deps: SubscriberDeps): void {
  for (const off of registered) off();
  registered = Object.entries(handlers(deps)).map(([topic, handle]) =>
    subscribe(topic, async (event, db) => {
      const row = await lookupOpinion(db, event.aggregateId);
      // A case deleted since (only a test's clean-up does that) has nobody left to tell.
      if (!row) return [];
      const actorId = typeof event.payload.actorId === 'string' ? event.payload.actorId : null;
      return handle({ event, db, row, actorId, link: `/opinions/${row.id}` });
    }),
  );
  declareTopics(...RECORD_ONLY_TOPICS);
}
