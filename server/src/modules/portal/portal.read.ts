import { timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { registerInboxRow } from '../opinions/commands/registerInbox.js';
import type { OpinionDeps } from '../opinions/opinions.deps.js';
import { findCategory, findStation, organizationNames } from '../opinions/opinions.parties.repo.js';
import { findOpinion, findOpinionByTrackingCode, listEvents, listFiles, type OpinionRow } from '../opinions/opinions.repo.js';
import { TRACKING_CODE_RE } from '../opinions/opinions.rules.js';
import { type GuessCounter, tooMany } from './portal.limits.js';
import { presentPublicCase } from './portal.present.js';

/** One answer for an unknown code and a wrong last four digits: a guesser learns nothing. */
export const caseNotFound = () =>
  new AppError(404, 'OPINION_NOT_FOUND', {
    zh: '未找到该意见，请核对查询码和手机号后四位',
    en: 'No opinion found; check the tracking code and the last four digits of the phone number',
  });

/** The last four digits of the number itself (an extension after it does not count). */
function last4Of(crypto: FieldCrypto, row: OpinionRow): string | null {
  if (!row.submitterPhoneEnc) return null;
  const phone = crypto.decrypt(row.submitterPhoneEnc);
  const main = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})/.exec(phone)?.[1] ?? phone;
  const digits = main.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/**
 * The case a constituent asks for with its tracking code and the last four digits of the phone
 * they left. Wrong guesses count against the code: past the limit the code is locked for the hour,
 * whoever asks, so changing addresses does not help a guesser.
 */
export async function findCaseForConstituent(
  deps: OpinionDeps,
  guesses: GuessCounter,
  rawCode: string,
  last4: string,
): Promise<OpinionRow> {
  const code = rawCode.trim().toUpperCase();
  if (!TRACKING_CODE_RE.test(code)) throw caseNotFound();
  const locked = guesses.lockedFor(code);
  if (locked > 0) {
    throw tooMany(locked, {
      zh: '该查询码的错误尝试次数过多，请一小时后再试',
      en: 'Too many wrong attempts for this tracking code; please try again in an hour',
    });
  }
  let row = await findOpinionByTrackingCode(deps.db, code);
  // Submitted a moment ago and still in the inbox: registered now, so the constituent sees the case.
  if (!row) {
    await registerInboxRow(deps, { trackingCode: code });
    row = await findOpinionByTrackingCode(deps.db, code);
  }
  const expected = row ? last4Of(deps.crypto, row) : null;
  if (!row || !expected || !timingSafeEqual(Buffer.from(expected), Buffer.from(last4))) {
    guesses.miss(code);
    throw caseNotFound();
  }
  return row;
}

/** The public view of a case: its station, category, public steps, photos, and the answer it hears. */
export async function loadPublicView(db: Executor, row: OpinionRow, locale: Locale, last4: string) {
  const primary = row.state === 'merged' && row.mergedIntoId ? await findOpinion(db, row.mergedIntoId) : undefined;
  const answered = primary ?? row;
  const [station, category, events, files, units] = await Promise.all([
    row.stationId ? findStation(db, row.stationId) : undefined,
    row.categoryId ? findCategory(db, row.categoryId) : undefined,
    listEvents(db, row.id),
    listFiles(db, row.id),
    organizationNames(db, answered.leadUnitId ? [answered.leadUnitId] : []),
  ]);
  return presentPublicCase(
    {
      row,
      events,
      stationName: station?.name ?? null,
      category: category ?? null,
      photoIds: files.filter((f) => f.kind === 'photo').map((f) => f.id),
      answered,
      unitName: answered.leadUnitId ? (units.get(answered.leadUnitId) ?? null) : null,
    },
    locale,
    last4,
  );
}
