import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { RequestContext } from '../../platform/context.js';
import { type FieldCrypto, maskPhone } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { scopeFilter } from '../../platform/scope.js';
import type { OpinionDeps } from './opinions.deps.js';
import { casesOfPhone, MAX_CASES_OF_PERSON } from './opinions.person.repo.js';
import type { PersonCases } from './opinions.person.schema.js';
import { isOpen } from './opinions.present.js';
import type { OpinionRow } from './opinions.repo.js';
import { caseRowsByIds } from './opinions.rows.repo.js';
import { opinions } from './opinions.tables.js';

/**
 * One constituent's data across their cases (DESIGN §7; PIPL arts. 45 and 47): the office of the
 * region finds them by the phone they left — through its blind index, never by decrypting every case
 * — and can hand their data over (commands/exportConstituentData.ts) or erase it
 * (commands/eraseConstituentData.ts). Only cases within the office's region subtree are found: a
 * case elsewhere with the same phone belongs to another office.
 */

export function accountOf(ctx: RequestContext): SessionUser {
  if (!ctx.user) throw new Error('A constituent’s data needs a signed-in account');
  return ctx.user;
}

export const notFoundForPhone = () =>
  new AppError(404, 'CONSTITUENT_NOT_FOUND', {
    zh: '本辖区内没有留此电话的群众意见（或其个人信息已删除）',
    en: 'No opinion in your region was left with this phone (or its personal data has been erased)',
  });

const tooMany = () =>
  new AppError(
    409,
    'CONSTITUENT_TOO_MANY_CASES',
    {
      zh: `留此电话的意见超过 ${MAX_CASES_OF_PERSON} 条，可能是单位总机，请逐件处理`,
      en: `More than ${MAX_CASES_OF_PERSON} opinions carry this phone: probably a switchboard, handle them one by one`,
    },
    { limit: MAX_CASES_OF_PERSON },
  );

/** The cases of this phone in the account's region, refused when there are none or too many. */
export async function personCases(
  db: Executor,
  crypto: FieldCrypto,
  user: SessionUser,
  phone: string,
  opts: { lock?: boolean } = {},
): Promise<OpinionRow[]> {
  const rows = await casesOfPhone(db, crypto.blindIndex(phone), scopeFilter(user, opinions.regionCode), opts);
  if (rows.length === 0) throw notFoundForPhone();
  if (rows.length > MAX_CASES_OF_PERSON) throw tooMany();
  return rows;
}

export const openField = (crypto: FieldCrypto, v: string | null) => (v ? crypto.decrypt(v) : null);

/** The search: the cases and the names and addresses given with them, for the office to confirm the person. */
export async function lookupPerson(
  deps: Pick<OpinionDeps, 'db' | 'crypto'>,
  ctx: RequestContext,
  phone: string,
): Promise<z.infer<typeof PersonCases>> {
  const user = accountOf(ctx);
  const rows = await personCases(deps.db, deps.crypto, user, phone);
  const names = new Map(
    (
      await caseRowsByIds(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  // Looking a person up is itself a use of their data: the trail keeps that it happened, not the number.
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'opinion.constituent_lookup',
      entityType: 'opinion',
      regionCode: user.regionCode || null,
      after: { count: rows.length },
    }),
  );
  return {
    phoneMasked: maskPhone(phone),
    total: rows.length,
    openCount: rows.filter(isOpen).length,
    cases: rows.map((r) => ({
      id: r.id,
      trackingCode: r.trackingCode,
      title: r.title,
      state: r.state,
      open: isOpen(r),
      channel: r.channel,
      stationName: names.get(r.id)?.stationName ?? null,
      regionName: names.get(r.id)?.regionName ?? null,
      receivedAt: r.receivedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      name: openField(deps.crypto, r.submitterNameEnc),
      address: openField(deps.crypto, r.submitterAddressEnc),
    })),
  };
}
