import { chinaDate } from '../../platform/calendar/calendar.js';
import { declareTemplateKey } from '../../platform/notify/catalog.js';
import { type OutboxEvent, type Recipient, subscribe } from '../../platform/outbox.js';
import { Audience } from '../opinions/opinions.audience.js';
import { unitAccounts } from '../opinions/opinions.notify.repo.js';
import { URGED_TOPIC } from './commands/urgeAssignment.js';
import { organizationNames } from './suggestions.parties.repo.js';
import { findSuggestion } from './suggestions.repo.js';

/**
 * Tells a unit it was urged on a suggestion (催办): every active account of the unit, in the app and
 * by SMS where the account has a number. The template (migration 0012) names the unit, the
 * suggestion, its due date and how many times it has been urged.
 */

declareTemplateKey({
  key: URGED_TOPIC,
  description: { zh: '代表建议催办（致承办单位）', en: 'A unit urged on a suggestion (to the unit)' },
  variables: {
    unit: { zh: '承办单位', en: 'handling unit' },
    title: { zh: '建议标题', en: 'title of the suggestion' },
    dueDate: { zh: '办理期限（日期）', en: 'due date' },
    count: { zh: '催办次数', en: 'how many times it was urged' },
    note: { zh: '催办说明', en: 'note from the person urging' },
  },
});

const str = (e: OutboxEvent, key: string): string | null => {
  const v = e.payload[key];
  return typeof v === 'string' ? v : null;
};

/** A title short enough for an SMS, without its closing punctuation (the template adds its own). */
const clip = (text: string, max = 30) => {
  const chars = [...text.trim().replace(/[。．.！!？?；;，,、]+$/u, '')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

let off: (() => void) | null = null;

/** Subscribes once per process; called when the module's routes load, so every process knows it. */
export function registerSupervisionSubscribers(): void {
  if (off) return;
  off = subscribe(URGED_TOPIC, async (event, db): Promise<Recipient[]> => {
    const row = await findSuggestion(db, event.aggregateId);
    const unitId = str(event, 'unitId');
    // A suggestion deleted since (only a test's clean-up does that) has nobody left to tell.
    if (!row || !unitId) return [];
    const unit = (await organizationNames(db, [unitId])).get(unitId) ?? '承办单位';
    const dueAt = str(event, 'dueAt');
    const count = event.payload.count;
    const vars = {
      unit,
      title: clip(row.title),
      dueDate: dueAt ? chinaDate(new Date(dueAt)) : '—',
      count: typeof count === 'number' ? count : 1,
      note: str(event, 'note') ?? '',
    };
    const actorId = str(event, 'actorId');
    return new Audience(actorId)
      .add(await unitAccounts(db, [unitId]), { sms: true })
      .recipients(URGED_TOPIC, vars, `/suggestions/${row.id}`);
  });
}
