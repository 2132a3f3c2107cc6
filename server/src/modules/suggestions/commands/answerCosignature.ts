import type { RequestContext } from '../../../platform/context.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { mandatesByIds } from '../suggestions.parties.repo.js';
import { answerCosigner, type SuggestionRow, touch } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';

/**
 * An invited deputy confirms or declines co-signing, while the suggestion is out for co-signing. A
 * deputy may change their mind until the lead deputy submits; a mandate that has ended cannot sign.
 */
export async function answerCosignature(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  input: { decision: 'confirm' | 'decline'; reason: string | null },
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    const invitation = facts.cosigner;
    if (!invitation) throw forbidden({ zh: '您没有收到该建议的联名邀请', en: 'You were not invited to co-sign this' });
    assertStateIn(row, ['cosigning'], { zh: '答复联名邀请', en: 'answer the invitation' });
    const status = input.decision === 'confirm' ? 'confirmed' : 'declined';
    if (status === 'confirmed') {
      const [mandate] = await mandatesByIds(tx, [invitation.deputyId]);
      if (mandate?.status !== 'serving') {
        throw conflict('MANDATE_ENDED', {
          zh: '您的代表资格已终止，不能联名',
          en: 'Your mandate has ended: you cannot co-sign',
        });
      }
    }
    const answered = await answerCosigner(tx, row.id, invitation.deputyId, {
      status,
      respondedBy: ctx.user?.id ?? null,
      respondedAt: now,
      declineReason: status === 'declined' ? input.reason : null,
    });
    if (!answered) throw forbidden({ zh: '联名邀请已被撤回', en: 'The invitation was withdrawn' });
    const saved = await touch(tx, row.id, now);
    await announce(tx, ctx, saved, row, {
      action: status === 'confirmed' ? 'cosign_confirm' : 'cosign_decline',
      note: status === 'declined' ? input.reason : null,
      data: { deputyId: invitation.deputyId, previous: invitation.status },
      topics: ['suggestion.cosign_answered'],
      payload: { deputyId: invitation.deputyId, decision: status, reason: status === 'declined' ? input.reason : null },
      at: now,
    });
    return saved;
  });
}
