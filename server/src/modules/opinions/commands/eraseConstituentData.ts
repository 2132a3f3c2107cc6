import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { accountOf, personCases } from '../opinions.person.js';
import type { PersonEraseBody, PersonEraseResult } from '../opinions.person.schema.js';
import { isOpen } from '../opinions.present.js';
import { anonymizeCases } from '../opinions.retention.js';

/**
 * 删除个人信息 on the constituent's request (PIPL art. 47), as the office records it. The rule:
 * - every case of the phone in the office's region is anonymised at once, exactly as the retention
 *   job does it (name, phone with its blind index, address, and the number in SMS deliveries);
 *   the case, its content, timeline and figures stay, since they are the congress's record;
 * - a case still being handled is not closed by this and goes on — but without a callback number:
 *   no SMS, no answer by phone, and the portal can no longer be asked by code and phone digits.
 *   So while any case is open the erasure is refused (409, with the open codes) unless the office
 *   confirms with `includeOpen` that it told the constituent so;
 * - each case gets an "anonymize" step in its timeline and an audit row, and the erasure itself one
 *   more audit row with the reason. Nothing of the person is kept to say whose data it was.
 */
export async function eraseConstituentData(
  deps: Pick<OpinionDeps, 'db' | 'crypto' | 'clock'>,
  ctx: RequestContext,
  body: z.infer<typeof PersonEraseBody>,
): Promise<z.infer<typeof PersonEraseResult>> {
  const user = accountOf(ctx);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const rows = await personCases(tx, deps.crypto, user, body.phone, { lock: true });
    const open = rows.filter(isOpen);
    if (open.length > 0 && !body.includeOpen) {
      const codes = open.map((r) => r.trackingCode);
      throw new AppError(
        409,
        'CONSTITUENT_HAS_OPEN_CASES',
        {
          zh: `该群众还有 ${open.length} 件意见正在办理（${codes.join('、')}）。删除后这些意见将继续办理，但无法再短信告知或电话回访，群众也不能再凭电话后四位查询。请向群众说明并确认后再删除`,
          en: `${open.length} of this constituent's opinions are still being handled (${codes.join(', ')}). After erasure they go on without any way to text or call back, and the portal cannot be asked by phone digits. Tell the constituent, then confirm the erasure`,
        },
        { openCases: codes },
      );
    }
    const ids = await anonymizeCases(tx, ctx, rows, {
      note: `应群众本人申请删除个人信息：${body.reason}`,
      data: { erasure: true, reason: body.reason },
      audit: { erasure: true },
      at: now,
    });
    const erased = new Set(ids);
    const done = rows.filter((r) => erased.has(r.id));
    await recordAudit(tx, ctx, {
      action: 'opinion.constituent_erase',
      entityType: 'opinion',
      regionCode: user.regionCode || null,
      after: {
        reason: body.reason,
        count: done.length,
        openCount: done.filter(isOpen).length,
        trackingCodes: done.map((r) => r.trackingCode),
      },
    });
    return { erased: done.length, openErased: done.filter(isOpen).length, trackingCodes: done.map((r) => r.trackingCode) };
  });
}
