import type { Executor } from '../../db/client.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import type { Text } from '../../platform/i18n.js';
import { declareTemplateKey } from '../../platform/notify/catalog.js';
import { type OutboxEvent, type Recipient, subscribe } from '../../platform/outbox.js';
import { Audience } from '../opinions/opinions.audience.js';
import { deputyAccounts, officeAccountsFor } from '../opinions/opinions.lookups.js';
import { type Account, unitAccounts } from '../opinions/opinions.notify.repo.js';
import { findCongress } from './congresses.repo.js';
import { assignmentsOf } from './suggestions.assignment.repo.js';
import { deputyNames, organizationNames } from './suggestions.parties.repo.js';
import { findSuggestion, type SuggestionRow } from './suggestions.repo.js';
import { kindLabel } from './suggestions.workflow.js';

/**
 * Turns the suggestion loop's outbox events into messages for whoever must act next (DESIGN §3.2):
 * invited co-signers, the lead deputy on their answers, on the office's review, assignment and the
 * replies in, the units on assignment and on the office's decisions (a withdrawal too), the office on
 * the units' requests. SMS only where a quick action is asked. Templates are seeded by migrations 0015
 * and 0024; values are Chinese, as accounts have no language of their own yet.
 */

const V = {
  noun: { zh: '建议或议案', en: 'suggestion or motion' },
  title: { zh: '标题', en: 'title' },
  number: { zh: '编号', en: 'number' },
  lead: { zh: '领衔代表', en: 'lead deputy' },
  deputy: { zh: '受邀联名的代表', en: 'invited deputy' },
  unit: { zh: '承办单位', en: 'handling unit' },
  units: { zh: '承办单位及方式', en: 'handling units and their roles' },
  role: { zh: '办理方式（主办、协办…）', en: 'role of the unit' },
  dueDate: { zh: '期限（日期）', en: 'due date' },
  days: { zh: '工作日数', en: 'working days' },
  reason: { zh: '理由', en: 'reason' },
  decision: { zh: '审批结果', en: 'decision' },
} satisfies Record<string, Text>;

type VarName = keyof typeof V;

/** Each key: what it tells and to whom, and the variables its subscriber fills (no more, no less). */
export const SUGGESTION_NOTICE_KEYS: [string, Text, VarName[]][] = [
  [
    'suggestion.cosign_invited',
    { zh: '邀请联名（致被邀请代表）', en: 'Invited to co-sign (to the deputy)' },
    ['noun', 'title', 'lead'],
  ],
  [
    'suggestion.cosign_answered',
    { zh: '联名邀请已答复（致领衔代表）', en: 'Co-signing answered (to the lead deputy)' },
    ['noun', 'title', 'deputy', 'decision', 'reason'],
  ],
  ['suggestion.accepted', { zh: '已受理（致领衔代表）', en: 'Accepted (to the lead deputy)' }, ['noun', 'title', 'number']],
  [
    'suggestion.returned_for_revision',
    { zh: '退回修改（致领衔代表）', en: 'Returned for revision (to the lead deputy)' },
    ['noun', 'title', 'reason'],
  ],
  ['suggestion.rejected', { zh: '不予立案（致领衔代表）', en: 'Not accepted (to the lead deputy)' }, ['noun', 'title', 'reason']],
  [
    'suggestion.assigned',
    { zh: '已交办（致领衔代表）', en: 'Assigned (to the lead deputy)' },
    ['noun', 'title', 'units', 'dueDate'],
  ],
  [
    'suggestion.assigned_to_unit',
    { zh: '新交办（致承办单位，含改交办）', en: 'Newly assigned (to the unit, also on reassignment)' },
    ['unit', 'noun', 'title', 'role', 'dueDate'],
  ],
  [
    'suggestion.assignment_withdrawn',
    { zh: '交办已撤销（致承办单位）', en: 'Assignment withdrawn (to the unit)' },
    ['unit', 'noun', 'title', 'reason'],
  ],
  [
    'suggestion.return_requested',
    { zh: '单位申请退回（致代表工作机构）', en: 'A unit asks to return (to the office)' },
    ['unit', 'noun', 'title', 'reason'],
  ],
  [
    'suggestion.return_decided',
    { zh: '退回申请审批结果（致承办单位）', en: 'Return request decided (to the unit)' },
    ['unit', 'noun', 'title', 'decision', 'reason'],
  ],
  [
    'suggestion.extension_requested',
    { zh: '单位申请延期（致代表工作机构）', en: 'A unit asks for an extension (to the office)' },
    ['unit', 'noun', 'title', 'dueDate', 'reason'],
  ],
  [
    'suggestion.extension_decided',
    { zh: '延期申请审批结果（致承办单位）', en: 'Extension decided (to the unit)' },
    ['unit', 'noun', 'title', 'decision', 'dueDate', 'reason'],
  ],
  [
    'suggestion.replied',
    { zh: '答复齐全，请评价（致领衔代表）', en: 'All replies in, please rate (to the lead deputy)' },
    ['noun', 'title', 'days', 'dueDate'],
  ],
  [
    'suggestion.rehandle',
    { zh: '代表不满意，重新办理（致承办单位）', en: 'Deputy unsatisfied, handle again (to the unit)' },
    ['unit', 'noun', 'title', 'dueDate'],
  ],
];

for (const [key, description, names] of SUGGESTION_NOTICE_KEYS) {
  declareTemplateKey({ key, description, variables: Object.fromEntries(names.map((n) => [n, V[n]])) });
}

const str = (e: OutboxEvent, key: string): string | null => {
  const v = e.payload[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

/** A title short enough for an SMS, without its closing punctuation (the templates add their own). */
const clip = (text: string, max = 30) => {
  const chars = [...text.trim().replace(/[。．.！!？?；;，,、]+$/u, '')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

const dateOf = (iso: string | null) => (iso ? chinaDate(new Date(iso)) : '—');
const base = (row: SuggestionRow) => ({ noun: kindLabel(row.kind).zh, title: clip(row.title) });
const link = (row: SuggestionRow) => `/suggestions/${row.id}`;
const unitName = async (db: Executor, id: string) => (await organizationNames(db, [id])).get(id) ?? '承办单位';

type Build = (event: OutboxEvent, row: SuggestionRow, db: Executor) => Promise<Recipient[]>;

const to = (
  event: OutboxEvent,
  accounts: Account[],
  sms: boolean,
  key: string,
  row: SuggestionRow,
  vars: Record<string, string>,
) => new Audience(str(event, 'actorId')).add(accounts, { sms }).recipients(key, vars, link(row));

/** The lead deputy, told on the office's review: in the app only, nothing to do at once but read. */
const toLead =
  (key: string, vars: (e: OutboxEvent, row: SuggestionRow) => Record<string, string>): Build =>
  async (e, row, db) =>
    to(e, await deputyAccounts(db, row.leadDeputyId), false, key, row, { ...base(row), ...vars(e, row) });

/** The unit of an assignment event, with its role and due date (the payload carries assignmentFacts). */
const toUnit =
  (key: string, sms: boolean, vars: (e: OutboxEvent) => Record<string, string> = () => ({})): Build =>
  async (e, row, db) => {
    const unitId = str(e, 'unitId');
    if (!unitId) return [];
    return to(e, await unitAccounts(db, [unitId]), sms, key, row, {
      ...base(row),
      unit: str(e, 'unitName') ?? (await unitName(db, unitId)),
      role: str(e, 'roleLabel') ?? '',
      dueDate: dateOf(str(e, 'dueAt')),
      ...vars(e),
    });
  };

/** The office answering for the suggestion's region, on a unit's request. */
const toOffice =
  (key: string, vars: (e: OutboxEvent) => Record<string, string>): Build =>
  async (e, row, db) =>
    to(e, await officeAccountsFor(db, row.regionCode), false, key, row, {
      ...base(row),
      unit: str(e, 'unitName') ?? '承办单位',
      ...vars(e),
    });

const decisionOf = (e: OutboxEvent, yes: string, no: string) => (str(e, 'decision') === 'approve' ? yes : no);

const HANDLERS: Record<string, Build> = {
  'suggestion.cosign_invited': async (e, row, db) => {
    const ids = Array.isArray(e.payload.deputyIds) ? e.payload.deputyIds.filter((x): x is string => typeof x === 'string') : [];
    const lead = (await deputyNames(db, [row.leadDeputyId])).get(row.leadDeputyId) ?? '领衔代表';
    const accounts = (await Promise.all(ids.map((id) => deputyAccounts(db, id)))).flat();
    return to(e, accounts, true, 'suggestion.cosign_invited', row, { ...base(row), lead });
  },
  'suggestion.cosign_answered': async (e, row, db) => {
    const id = str(e, 'deputyId');
    const deputy = (id ? (await deputyNames(db, [id])).get(id) : null) ?? '受邀代表';
    const declined = str(e, 'decision') === 'declined';
    return to(e, await deputyAccounts(db, row.leadDeputyId), false, 'suggestion.cosign_answered', row, {
      ...base(row),
      deputy,
      decision: declined ? '不同意联名' : '同意联名',
      reason: declined && str(e, 'reason') ? `理由：${str(e, 'reason')}` : '',
    });
  },
  'suggestion.accepted': toLead('suggestion.accepted', (_e, row) => ({ number: row.number ? String(row.number) : '—' })),
  'suggestion.returned_for_revision': toLead('suggestion.returned_for_revision', (e) => ({ reason: str(e, 'reason') ?? '' })),
  'suggestion.rejected': toLead('suggestion.rejected', (e) => {
    const label = e.payload.reasonLabel as Partial<Text> | undefined;
    return { reason: [label?.zh, str(e, 'note')].filter(Boolean).join('：') };
  }),
  'suggestion.assigned': async (e, row, db) => {
    const units = Array.isArray(e.payload.units)
      ? (e.payload.units as { unitId: string; unitName: string; roleLabel: string }[])
      : [];
    const dueDate = dateOf(row.dueAt?.toISOString() ?? null);
    const forLead = to(e, await deputyAccounts(db, row.leadDeputyId), false, 'suggestion.assigned', row, {
      ...base(row),
      units: units.map((u) => `${u.unitName}（${u.roleLabel}）`).join('、'),
      dueDate,
    });
    // Each unit is told its own role and due date (a co unit's may be shorter than the lead's).
    const assignments = (await assignmentsOf(db, row.id)).map((r) => r.a).filter((a) => a.round === 1);
    const forUnits = await Promise.all(
      units.map(async (u) => {
        const a = assignments.filter((x) => x.unitId === u.unitId).at(-1);
        return to(e, await unitAccounts(db, [u.unitId]), true, 'suggestion.assigned_to_unit', row, {
          ...base(row),
          unit: u.unitName,
          role: u.roleLabel,
          dueDate: a ? chinaDate(a.dueAt) : dueDate,
        });
      }),
    );
    return [...forLead, ...forUnits.flat()];
  },
  'suggestion.reassigned': toUnit('suggestion.assigned_to_unit', true),
  // The unit stops work on it: by SMS too.
  'suggestion.assignment_withdrawn': toUnit('suggestion.assignment_withdrawn', true, (e) => ({ reason: str(e, 'reason') ?? '' })),
  'suggestion.return_requested': toOffice('suggestion.return_requested', (e) => ({ reason: str(e, 'reason') ?? '' })),
  'suggestion.return_decided': toUnit('suggestion.return_decided', true, (e) => ({
    decision: decisionOf(e, '同意退回', '不同意退回，请继续办理'),
    reason: str(e, 'reason') ?? '',
  })),
  'suggestion.extension_requested': toOffice('suggestion.extension_requested', (e) => ({
    dueDate: dateOf(str(e, 'requestedDueAt')),
    reason: str(e, 'reason') ?? '',
  })),
  'suggestion.extension_decided': toUnit('suggestion.extension_decided', true, (e) => ({
    decision: decisionOf(e, '同意延期', '不同意延期'),
    reason: str(e, 'note') ?? '',
  })),
  'suggestion.replied': async (e, row, db) => {
    const congress = await findCongress(db, row.congressId);
    return to(e, await deputyAccounts(db, row.leadDeputyId), true, 'suggestion.replied', row, {
      ...base(row),
      days: String(congress?.evaluationWorkingDays ?? 20),
      dueDate: dateOf(row.dueAt?.toISOString() ?? null),
    });
  },
  'suggestion.evaluated': async (e, row, db) => {
    // Only an unsatisfied first evaluation sends it back to the units; the others close it.
    if (str(e, 'state') !== 'rehandling' || row.state !== 'rehandling') return [];
    const all = (await assignmentsOf(db, row.id)).map((r) => r.a);
    const round = Math.max(0, ...all.map((a) => a.round));
    const again = all.filter((a) => a.round === round && a.status === 'handling');
    const names = await organizationNames(
      db,
      again.map((a) => a.unitId),
    );
    const lists = await Promise.all(
      again.map(async (a) =>
        to(e, await unitAccounts(db, [a.unitId]), false, 'suggestion.rehandle', row, {
          ...base(row),
          unit: names.get(a.unitId) ?? '承办单位',
          dueDate: chinaDate(a.dueAt),
        }),
      ),
    );
    return lists.flat();
  },
};

let offs: (() => void)[] | null = null;

/** Subscribes once per process; called when the module's routes load, so every process knows it. */
export function registerSuggestionSubscribers(): void {
  if (offs) return;
  offs = Object.entries(HANDLERS).map(([topic, build]) =>
    subscribe(topic, async (event, db): Promise<Recipient[]> => {
      const row = await findSuggestion(db, event.aggregateId);
      // A suggestion deleted since (only a test's clean-up does that) has nobody left to tell.
      return row ? build(event, row, db) : [];
    }),
  );
}
