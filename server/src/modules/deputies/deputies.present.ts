import type { SessionUser } from '../../platform/auth/session.js';
import { inScope } from '../../platform/scope.js';
import type { DeputyRow, otherMandates, stationsOfPerson } from './deputies.repo.js';
import type { DeputyDetail, DeputyListItem } from './deputies.schema.js';
import type { deputies, persons } from './deputies.tables.js';

export function presentDeputyRow(row: DeputyRow): DeputyListItem {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export function presentDeputyDetail(
  user: SessionUser,
  row: DeputyRow,
  extra: {
    others: Awaited<ReturnType<typeof otherMandates>>;
    stations: Awaited<ReturnType<typeof stationsOfPerson>>;
    revealed?: { phone: string | null; idNumber: string | null };
  },
): DeputyDetail {
  return {
    ...presentDeputyRow(row),
    phone: extra.revealed?.phone ?? null,
    idNumber: extra.revealed?.idNumber ?? null,
    revealed: !!extra.revealed,
    photoUrl: row.hasPhoto ? `/api/deputies/${row.id}/photo` : null,
    otherMandates: extra.others.map((m) => ({ ...m, inScope: inScope(user, m.regionCode) })),
    stations: extra.stations,
  };
}

type PersonRow = typeof persons.$inferSelect;
type MandateRow = typeof deputies.$inferSelect;

/**
 * What the audit trail keeps of a person: everything except the ciphertext and blind indexes —
 * personal numbers appear only masked, so the trail itself holds no personal data in clear.
 */
export function auditPerson(p: Partial<PersonRow>): Record<string, unknown> {
  const {
    phoneEnc: _pe,
    phoneHash: _ph,
    idNumberEnc: _ie,
    idNumberHash: _ih,
    namePinyin: _np,
    nameInitials: _ni,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = p;
  return rest;
}

export function auditMandate(m: Partial<MandateRow>): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, levelRank: _l, sortKey: _s, personName: _pn, personInitials: _pi, ...rest } = m;
  return rest;
}

/** Only the keys whose values differ, before and after. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}
