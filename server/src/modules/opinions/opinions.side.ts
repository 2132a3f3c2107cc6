import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { RequestContext } from '../../platform/context.js';
import { conflict, forbidden } from '../../platform/errors.js';
import type { OpinionRow } from './opinions.repo.js';
import { isClosed, STATE_LABELS } from './opinions.workflow.js';

/** Checks shared by the changes made beside the state (urging, supervision, extensions). */

export function assertRole(ctx: RequestContext, roles: readonly Role[]): SessionUser {
  if (!ctx.user || !roles.includes(ctx.user.role))
    throw forbidden({ zh: '您的角色不能进行此操作', en: 'Your role may not do this' });
  return ctx.user;
}

export function assertOpen(row: Pick<OpinionRow, 'state'>): void {
  if (!isClosed(row.state)) return;
  const s = STATE_LABELS[row.state];
  throw conflict('OPINION_CLOSED', {
    zh: `意见当前状态为“${s.zh}”，已经结束办理`,
    en: `The opinion is ${s.en.toLowerCase()}: its handling has ended`,
  });
}

/** The stages with a unit's deadline, which an extension can push back. */
export const EXTENSIBLE_STATES: readonly OpinionRow['state'][] = ['transferred', 'handling'];

export function assertExtensible(row: Pick<OpinionRow, 'state'>): void {
  if (EXTENSIBLE_STATES.includes(row.state)) return;
  const s = STATE_LABELS[row.state];
  throw conflict('NOT_EXTENSIBLE', {
    zh: `意见当前状态为“${s.zh}”，没有可延期的办理期限`,
    en: `The opinion is ${s.en.toLowerCase()}: there is no unit deadline to extend`,
  });
}
