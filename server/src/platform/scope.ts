import { like, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SessionUser } from './auth/session.js';
import { forbidden } from './errors.js';

/**
 * Region codes are hierarchical by prefix (2 province, 4 city, 6 county, 9 township, 12 community),
 * so an account's region subtree is every code that starts with its scope code.
 */
export function inScope(user: Pick<SessionUser, 'regionCode'>, regionCode: string | null | undefined): boolean {
  if (user.regionCode === '') return true;
  return !!regionCode && regionCode.startsWith(user.regionCode);
}

export function assertInScope(user: Pick<SessionUser, 'regionCode'>, regionCode: string | null | undefined): void {
  if (!inScope(user, regionCode)) {
    throw forbidden({ zh: '该记录不在您的管辖区域内', en: 'This record is outside your region' });
  }
}

/** A WHERE condition limiting rows to the user's subtree; undefined for nation-wide accounts. */
export function scopeFilter(user: Pick<SessionUser, 'regionCode'>, column: PgColumn): SQL | undefined {
  return user.regionCode === '' ? undefined : like(column, `${user.regionCode}%`);
}
