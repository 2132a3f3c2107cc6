import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { resolvePlacement, ruleError } from '../deputies.placement.js';
import { auditMandate, auditPerson } from '../deputies.present.js';
import {
  findPersonByIdHash,
  insertMandate,
  insertPerson,
  mandateExists,
  type NewPerson,
  updatePerson,
} from '../deputies.repo.js';
import {
  checkStatusDates,
  idNumberHash,
  nextStatusDates,
  reconcileWithIdNumber,
  sealIdNumber,
  sealPhone,
  todayInChina,
} from '../deputies.rules.js';
import type { CreateDeputyInput } from '../deputies.schema.js';
import type { persons } from '../deputies.tables.js';

type PersonRow = typeof persons.$inferSelect;

export const mandateTaken = () =>
  conflict('DEPUTY_MANDATE_EXISTS', {
    zh: '此人在该级人大的本届代表资格已登记',
    en: 'This person already holds a mandate of this level, congress and term',
  });

export const nameMismatch = (registered: string) =>
  new AppError(409, 'PERSON_NAME_MISMATCH', {
    zh: `该身份证号已登记为「${registered}」，与填写的姓名不一致`,
    en: `This ID number is registered under another name (${registered})`,
  });

/**
 * Person fields the form left blank are filled from a person already registered, and fields the
 * registry left blank are filled from the form; nothing already registered is overwritten, since the
 * person may be managed by another office through another mandate.
 */
export function blanksToFill(existing: PersonRow, incoming: Partial<NewPerson>): Partial<NewPerson> {
  const out: Partial<NewPerson> = {};
  const keys = ['gender', 'ethnicity', 'birthDate', 'party', 'education', 'occupationCategory', 'occupation'] as const;
  for (const k of keys) {
    if ((existing[k] === null || existing[k] === undefined) && incoming[k] != null)
      (out as Record<string, unknown>)[k] = incoming[k];
  }
  if (!existing.phoneEnc && incoming.phoneEnc) {
    out.phoneEnc = incoming.phoneEnc;
    out.phoneHash = incoming.phoneHash;
    out.phoneMasked = incoming.phoneMasked;
  }
  return out;
}

/**
 * Registers a mandate. The ID number identifies the person: when it is already registered, the new
 * mandate is added to that person (a deputy of several levels is one person with several mandates).
 */
export async function createDeputy(deps: Pick<AppDeps, 'db' | 'crypto'>, ctx: RequestContext, input: CreateDeputyInput) {
  const user = ctx.user!;
  const { db, crypto } = deps;
  const { congressRegionCode } = await resolvePlacement(db, user, ctx.locale, input);
  const facts = reconcileWithIdNumber(input.idNumber, input);
  if (facts.violations[0]) throw ruleError(facts.violations[0], ctx.locale);
  const dates = nextStatusDates(null, input, todayInChina());
  const dateViolation = checkStatusDates(dates);
  if (dateViolation) throw ruleError(dateViolation, ctx.locale);

  const personValues: NewPerson = {
    regionCode: input.regionCode,
    name: input.name,
    ...pinyinKeys(input.name),
    gender: facts.gender,
    birthDate: facts.birthDate,
    ethnicity: input.ethnicity,
    party: input.party,
    education: input.education,
    occupationCategory: input.occupationCategory,
    occupation: input.occupation,
    ...sealPhone(crypto, input.phone),
    ...sealIdNumber(crypto, input.idNumber),
  };

  return db.transaction(async (tx) => {
    const existing = await findPersonByIdHash(tx, idNumberHash(crypto, input.idNumber));
    let person: PersonRow;
    if (existing) {
      if (existing.name !== input.name) throw nameMismatch(existing.name);
      const key = { personId: existing.id, level: input.level, congressRegionCode, term: input.term };
      if (await mandateExists(tx, key)) throw mandateTaken();
      const fill = blanksToFill(existing, personValues);
      person = Object.keys(fill).length ? await updatePerson(tx, existing.id, fill) : existing;
    } else {
      person = await insertPerson(tx, personValues);
    }
    const mandate = await insertMandate(tx, {
      personId: person.id,
      level: input.level,
      congressRegionCode,
      regionCode: input.regionCode,
      term: input.term,
      delegation: input.delegation,
      constituency: input.constituency,
      deputyGroup: input.deputyGroup,
      ...dates,
    });
    await recordAudit(tx, ctx, {
      action: 'deputy.create',
      entityType: 'deputy',
      entityId: mandate.id,
      regionCode: mandate.regionCode,
      after: { mandate: auditMandate(mandate), person: auditPerson(person), matchedExistingPerson: !!existing },
    });
    return { mandate, matchedExistingPerson: !!existing };
  });
}
