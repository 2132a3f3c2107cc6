import type { Executor } from '../../db/client.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import type { Channel, TemplateVars } from '../../platform/notify/notify.tables.js';
import type { Recipient } from '../../platform/outbox.js';
import {
  deputyAccounts,
  lookupCategory,
  lookupDeputyName,
  lookupStation,
  officeAccountsFor,
  stationStaffAccounts,
} from './opinions.lookups.js';
import { type Account, accountsByIds, unitAccounts } from './opinions.notify.repo.js';
import { organizationNames, regionName } from './opinions.parties.repo.js';
import type { OpinionRow } from './opinions.repo.js';
import type { EvaluationValue, ReplyResult } from './opinions.tables.js';
import type { OpinionState } from './opinions.workflow.js';

/**
 * Who is told about a case, and the values its templates are filled with. The values are Chinese:
 * accounts have no language of their own yet, and constituents are written to in Chinese.
 */

/** The accounts to tell, each once, on in-app messages and — where asked and possible — SMS. */
export class Audience {
  private readonly channels = new Map<string, Set<Channel>>();

  /** The person acting is not told about their own action. */
  constructor(private readonly actorId: string | null) {}

  add(accounts: readonly Account[], opts: { sms?: boolean } = {}): this {
    for (const a of accounts) {
      if (a.id === this.actorId) continue;
      const set = this.channels.get(a.id) ?? new Set<Channel>(['in_app']);
      // Accounts without a number would only collect 'skipped' deliveries on every event.
      if (opts.sms && a.hasPhone) set.add('sms');
      this.channels.set(a.id, set);
    }
    return this;
  }

  get size(): number {
    return this.channels.size;
  }

  recipients(templateKey: string, vars: TemplateVars, link: string): Recipient[] {
    return [...this.channels].map(([userId, channels]) => ({ userId, channels: [...channels], templateKey, vars, link }));
  }
}

/** Who holds the case in a state: whoever must act next. */
export async function holdersOf(
  db: Executor,
  row: Pick<OpinionRow, 'regionCode' | 'stationId' | 'responsibleDeputyId'>,
  state: OpinionState,
  leadUnitId: string | null,
): Promise<Account[]> {
  if ((state === 'transferred' || state === 'handling') && leadUnitId) return unitAccounts(db, [leadUnitId]);
  if (state === 'in_review') return officeAccountsFor(db, row.regionCode);
  const front = [...(await deputyAccounts(db, row.responsibleDeputyId)), ...(await stationStaffAccounts(db, row.stationId))];
  // A case recorded by the office without a station or deputy is the office's to move.
  return front.length > 0 ? front : officeAccountsFor(db, row.regionCode);
}

export const officeOf = (db: Executor, row: Pick<OpinionRow, 'regionCode'>) => officeAccountsFor(db, row.regionCode);
export const frontLineOf = async (db: Executor, row: Pick<OpinionRow, 'stationId' | 'responsibleDeputyId'>) => [
  ...(await deputyAccounts(db, row.responsibleDeputyId)),
  ...(await stationStaffAccounts(db, row.stationId)),
];
export const leaderOf = (db: Executor, row: Pick<OpinionRow, 'supervised' | 'supervisedBy'>) =>
  row.supervised ? accountsByIds(db, [row.supervisedBy]) : Promise.resolve([]);

export const REPLY_RESULT_LABELS: Record<ReplyResult, string> = {
  resolved: '已解决',
  basically_resolved: '基本解决',
  being_resolved: '正在解决',
  cannot_resolve_now: '因条件限制暂不能解决',
};

export const EVALUATION_LABELS: Record<EvaluationValue, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** The case's title, short, without its closing punctuation: the templates put their own after it. */
const clip = (text: string, max: number) => {
  const chars = [
    ...text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[。．.！!？?；;，,、]+$/u, ''),
  ];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** A due date as the templates show it: the China calendar day. */
export const dueDateOf = (at: Date | string | null | undefined): string => (at ? chinaDate(new Date(at)) : '—');

/** The names a case's templates use, read once per event. */
export async function caseVars(db: Executor, row: OpinionRow) {
  const [station, category, deputy] = await Promise.all([
    row.stationId ? lookupStation(db, row.stationId) : undefined,
    row.categoryId ? lookupCategory(db, row.categoryId) : undefined,
    row.responsibleDeputyId ? lookupDeputyName(db, row.responsibleDeputyId) : undefined,
  ]);
  return {
    code: row.trackingCode,
    summary: clip(row.title, 40),
    station: station?.name ?? (await regionName(db, row.regionCode)) ?? '—',
    category: category?.name ?? '未分类',
    deputy: deputy || '—',
  };
}

export async function unitName(db: Executor, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  return (await organizationNames(db, [unitId])).get(unitId) ?? null;
}
