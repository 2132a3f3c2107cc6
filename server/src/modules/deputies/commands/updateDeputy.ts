import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { resolvePlacement, ruleError } from '../deputies.placement.js';
import { assertDeputyInScope } from '../deputies.policy.js';
import { auditMandate, auditPerson, diff } from '../deputies.present.js';
import {
  findPersonByIdHash,
  mandateExists,
  type NewMandate,
  type NewPerson,
  updateMandate,
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
import type { UpdateDeputyInput } from '../deputies.schema.js';
import { deputies, persons } from '../deputies.tables.js';
import { mandateTaken } from './createDeputy.js';

const PERSON_TEXT = ['ethnicity', 'party', 'education', 'occupationCategory', 'occupation'] as const;
const MANDATE_TEXT = ['delegation', 'constituency', 'deputyGroup'] as const;

/**
 * Edits a mandate and its person. A status change is dated (the given date or today); a new ID
 * number must not belong to another person; the mandate stays inside the editor's subtree.
 */
export async function updateDeputy(
  deps: Pick<AppDeps, 'db' | 'crypto'>,
  ctx: RequestContext,
  id: string,
  input: UpdateDeputyInput,
) {
  const user = ctx.user!;
  const { db, crypto } = deps;
  return db.transaction(async (tx) => {
    // Row locks keep two concurrent edits of the same deputy from interleaving.
    const [mandate] = await tx.select().from(deputies).where(eq(deputies.id, id)).for('update');
    if (!mandate) throw notFound('代表', 'Deputy');
    assertDeputyInScope(user, mandate);
    const [person] = await tx.select().from(persons).where(eq(persons.id, mandate.personId)).for('update');
    if (!person) throw notFound('代表', 'Deputy');

    // The mandate.
    const level = input.level ?? mandate.level;
    const regionCode = input.regionCode ?? mandate.regionCode;
    const placementChanged = input.level !== undefined || input.regionCode !== undefined || input.congressRegionCode != null;
    const congressRegionCode = placementChanged
      ? (await resolvePlacement(tx, user, ctx.locale, { level, regionCode, congressRegionCode: input.congressRegionCode }))
          .congressRegionCode
      : mandate.congressRegionCode;
    const dates = nextStatusDates(mandate, input, todayInChina());
    const dateViolation = checkStatusDates(dates);
    if (dateViolation) throw ruleError(dateViolation, ctx.locale);
    const mandateNext: Partial<NewMandate> = {
      level,
      regionCode,
      congressRegionCode,
      term: input.term ?? mandate.term,
      ...dates,
    };
    for (const k of MANDATE_TEXT) mandateNext[k] = input[k] !== undefined ? input[k] : mandate[k];
    const keyChanged =
      level !== mandate.level || congressRegionCode !== mandate.congressRegionCode || mandateNext.term !== mandate.term;
    if (
      keyChanged &&
      (await mandateExists(tx, { personId: person.id, level, congressRegionCode, term: mandateNext.term! }, mandate.id))
    ) {
      throw mandateTaken();
    }

    // The person.
    const personNext: Partial<NewPerson> = {};
    if (input.name !== undefined && input.name !== person.name)
      Object.assign(personNext, { name: input.name, ...pinyinKeys(input.name) });
    for (const k of PERSON_TEXT) if (input[k] !== undefined) personNext[k] = input[k];
    if (input.phone !== undefined) Object.assign(personNext, sealPhone(crypto, input.phone));
    let idNumber: string | null = null;
    if (input.idNumber !== undefined) {
      idNumber = input.idNumber;
      const hash = idNumberHash(crypto, idNumber);
      if (hash !== person.idNumberHash) {
        const holder = await findPersonByIdHash(tx, hash);
        if (holder && holder.id !== person.id) {
          throw conflict('PERSON_ID_NUMBER_TAKEN', {
            zh: '该身份证号已登记给另一人',
            en: 'This ID number is registered to another person',
          });
        }
        Object.assign(personNext, sealIdNumber(crypto, idNumber));
      }
    } else if (person.idNumberEnc && (input.gender != null || input.birthDate != null)) {
      idNumber = crypto.decrypt(person.idNumberEnc);
    }
    if (idNumber) {
      const facts = reconcileWithIdNumber(idNumber, input);
      if (facts.violations[0]) throw ruleError(facts.violations[0], ctx.locale);
      personNext.gender = facts.gender;
      personNext.birthDate = facts.birthDate;
    } else {
      if (input.gender !== undefined) personNext.gender = input.gender;
      if (input.birthDate !== undefined) personNext.birthDate = input.birthDate;
    }

    const mandateChange = diff(auditMandate(mandate), auditMandate(mandateNext));
    const personChange = diff(auditPerson(person), auditPerson(personNext));
    // Numbers compare by blind index: a new number may share its mask with the old one, and the same
    // number re-sent gets a new ciphertext but is no change.
    for (const [hash, masked] of [
      ['phoneHash', 'phoneMasked'],
      ['idNumberHash', 'idNumberMasked'],
    ] as const) {
      if (personNext[hash] === undefined || personNext[hash] === person[hash]) {
        delete personChange.before[masked];
        delete personChange.after[masked];
      } else {
        personChange.before[masked] = person[masked];
        personChange.after[masked] = personNext[masked] ?? null;
      }
    }
    const mandateChanged = Object.keys(mandateChange.after).length > 0;
    const personChanged = Object.keys(personChange.after).length > 0;
    if (mandateChanged) await updateMandate(tx, mandate.id, mandateNext);
    if (personChanged) await updatePerson(tx, person.id, personNext);
    if (mandateChanged || personChanged) {
      await recordAudit(tx, ctx, {
        action: 'deputy.update',
        entityType: 'deputy',
        entityId: mandate.id,
        regionCode,
        before: { mandate: mandateChange.before, person: personChange.before },
        after: { mandate: mandateChange.after, person: personChange.after },
      });
    }
    return mandate.id;
  });
}
