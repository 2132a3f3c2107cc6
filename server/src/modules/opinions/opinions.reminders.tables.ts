import { bigint, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const REMINDER_KINDS = ['due_soon', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The deadline notices the sweep sent (migration 0006): the key makes each go out once. */
export const opinionReminders = pgTable(
  'opinion_reminders',
  {
    opinionId: uuid('opinion_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind').notNull().$type<ReminderKind>(),
    stage: text('stage').notNull(),
    dueAt: ts('due_at').notNull(),
    sentAt: ts('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.kind, t.stage, t.dueAt] })],
);
