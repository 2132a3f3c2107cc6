import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { AppError, badRequest, forbidden } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import type { DeputyStatus } from '../deputies/deputies.tables.js';
import { type CongressRow, findCongress, findSession, findTerm, type SessionRow, type TermRow } from './congresses.repo.js';
import { phaseClosed } from './congresses.rules.js';
import { type MandateRow, mandatesByIds, mandatesOfPerson } from './suggestions.parties.repo.js';
import type { Phase } from './suggestions.tables.js';

/**
 * Where a suggestion belongs — a congress, a term, and a session or the recess — and who may sign it:
 * the lead deputy and the co-signers must hold serving mandates of that congress and term.
 */

export interface Place {
  congress: CongressRow;
  term: TermRow;
  session: SessionRow | null;
  phase: Phase;
}

export async function placeOf(db: Executor, ref: { sessionId?: string | null; termId?: string | null }): Promise<Place> {
  if (ref.sessionId) {
    const session = await findSession(db, ref.sessionId);
    if (!session) throw badRequest('SESSION_NOT_FOUND', { zh: '所选会议不存在', en: 'The session does not exist' });
    const [term, congress] = await Promise.all([findTerm(db, session.termId), findCongress(db, session.congressId)]);
    if (!term || !congress) throw badRequest('SESSION_NOT_FOUND', { zh: '所选会议不存在', en: 'The session does not exist' });
    return { congress, term, session, phase: 'session' };
  }
  const term = ref.termId ? await findTerm(db, ref.termId) : undefined;
  if (!term) throw badRequest('TERM_NOT_FOUND', { zh: '所选届次不存在', en: 'The term does not exist' });
  const congress = await findCongress(db, term.congressId);
  if (!congress) throw badRequest('TERM_NOT_FOUND', { zh: '所选届次不存在', en: 'The term does not exist' });
  return { congress, term, session: null, phase: 'recess' };
}

/** Refuses raising a suggestion in a session that has closed, or in the recess of a term that is not running. */
export function assertPhaseOpen(place: Place, today: string): void {
  const refusal = phaseClosed(today, place.term, place.session);
  if (refusal) throw badRequest('PHASE_CLOSED', refusal);
}

export const mandateOf = (
  m: Pick<MandateRow, 'level' | 'congressRegionCode' | 'term'>,
  place: Pick<Place, 'congress' | 'term'>,
) => m.level === place.congress.level && m.congressRegionCode === place.congress.regionCode && m.term === place.term.number;

const STATUS_WORDS: Record<DeputyStatus, Text> = {
  serving: { zh: '在任', en: 'serving' },
  ended: { zh: '任期已满', en: 'the term ended' },
  resigned: { zh: '已辞职', en: 'resigned' },
  recalled: { zh: '已被罢免', en: 'recalled' },
  deceased: { zh: '已去世', en: 'deceased' },
};

const congressWords = (place: Pick<Place, 'congress' | 'term'>): Text => ({
  zh: `${place.congress.name}第${place.term.number}届`,
  en: `${place.congress.name} (term ${place.term.number})`,
});

/** The account's serving mandate in the congress and term: who leads a suggestion raised there. */
export async function leadMandateFor(db: Executor, user: SessionUser, place: Place): Promise<MandateRow> {
  if (!user.personId) {
    throw forbidden({ zh: '您的账号未关联代表信息', en: 'Your account is not linked to a deputy' });
  }
  const mine = (await mandatesOfPerson(db, user.personId)).filter((m) => mandateOf(m, place));
  const serving = mine.find((m) => m.status === 'serving');
  if (serving) return serving;
  const c = congressWords(place);
  const ended = mine[0];
  if (ended) {
    const s = STATUS_WORDS[ended.status];
    throw badRequest('MANDATE_ENDED', {
      zh: `您在${c.zh}的代表资格已终止（${s.zh}），不能提出建议`,
      en: `Your mandate in ${c.en} has ended (${s.en}): you cannot raise suggestions there`,
    });
  }
  throw badRequest('NOT_A_DEPUTY_OF_CONGRESS', {
    zh: `您不是${c.zh}代表，不能在该会议或届次提出建议`,
    en: `You are not a deputy of ${c.en}`,
  });
}

/** The lead mandate must still serve when the suggestion goes out. */
export function assertLeadServing(lead: MandateRow | undefined): void {
  if (lead?.status === 'serving') return;
  const s = lead ? STATUS_WORDS[lead.status] : STATUS_WORDS.ended;
  throw new AppError(400, 'MANDATE_ENDED', {
    zh: `领衔代表的代表资格已终止（${s.zh}），不能提交`,
    en: `The lead deputy's mandate has ended (${s.en}): it cannot be submitted`,
  });
}

/**
 * Checks the deputies invited to co-sign: each must exist, hold a serving mandate of the same congress
 * and term, and not be the lead deputy. The first problem found is named in the refusal.
 */
export async function checkCosigners(db: Executor, ids: string[], place: Place, lead: MandateRow): Promise<MandateRow[]> {
  const found = await mandatesByIds(db, ids);
  if (found.length !== ids.length) {
    const missing = ids.find((id) => !found.some((m) => m.id === id));
    throw badRequest(
      'COSIGNER_NOT_FOUND',
      { zh: '所邀请的联名代表不存在', en: 'An invited co-signer does not exist' },
      { deputyId: missing },
    );
  }
  const c = congressWords(place);
  for (const m of found) {
    if (m.id === lead.id || m.personId === lead.personId) {
      throw badRequest(
        'COSIGNER_IS_LEAD',
        { zh: '领衔代表不能同时作为联名代表', en: 'The lead deputy cannot also co-sign' },
        { deputyId: m.id },
      );
    }
    if (!mandateOf(m, place)) {
      throw badRequest(
        'COSIGNER_OTHER_CONGRESS',
        { zh: `${m.name}不是${c.zh}代表，不能联名`, en: `${m.name} is not a deputy of ${c.en} and cannot co-sign` },
        { deputyId: m.id },
      );
    }
    if (m.status !== 'serving') {
      const s = STATUS_WORDS[m.status];
      throw badRequest(
        'COSIGNER_NOT_SERVING',
        {
          zh: `${m.name}的代表资格已终止（${s.zh}），不能联名`,
          en: `${m.name}'s mandate has ended (${s.en}): they cannot co-sign`,
        },
        { deputyId: m.id },
      );
    }
  }
  return found;
}
