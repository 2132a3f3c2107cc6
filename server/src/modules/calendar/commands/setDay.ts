import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { findDay, invalidateCalendar } from '../calendar.repo.js';
import { calendarDays } from '../calendar.tables.js';

/** Marks a day as a holiday or a make-up working day (creating or replacing the entry). */
export async function setDay(db: Db, ctx: RequestContext, input: { day: string; kind: 'holiday' | 'workday'; name: string }) {
  const row = await db.transaction(async (tx) => {
    const before = await findDay(tx, input.day);
    const [saved] = await tx
      .insert(calendarDays)
      .values({ ...input, createdBy: ctx.user?.id })
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: input.kind, name: input.name } })
      .returning({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name });
    await recordAudit(tx, ctx, {
      action: 'calendar.set_day',
      entityType: 'calendar_day',
      entityId: input.day,
      before: before ? { kind: before.kind, name: before.name } : null,
      after: { kind: input.kind, name: input.name },
    });
    return saved;
  });
  invalidateCalendar(db);
  return row;
}

/** Returns a listed day to its ordinary weekday/weekend meaning. */
export async function clearDay(db: Db, ctx: RequestContext, day: string) {
  await db.transaction(async (tx) => {
    const before = await findDay(tx, day);
    if (!before) throw notFound(`日历条目 ${day} `, `Calendar entry ${day}`);
    await tx.delete(calendarDays).where(eq(calendarDays.day, day));
    await recordAudit(tx, ctx, {
      action: 'calendar.clear_day',
      entityType: 'calendar_day',
      entityId: day,
      before: { kind: before.kind, name: before.name },
    });
  });
  invalidateCalendar(db);
}
