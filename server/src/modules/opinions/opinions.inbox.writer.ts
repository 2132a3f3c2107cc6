import type { Executor } from '../../db/client.js';
import { type InboxSubmission, insertSubmissions, type Received } from './opinions.inbox.repo.js';

/** Submissions written by one statement at most. */
export const MAX_WRITE_BATCH = 16;
/** Statements in flight at once; what arrives meanwhile waits and goes in the next one. */
const MAX_IN_FLIGHT = 2;

interface Pending {
  submission: InboxSubmission;
  /** Its phone and idempotency key (marksOf), worked out once. */
  marks: string[];
  resolve: (received: Received | undefined) => void;
  reject: (err: unknown) => void;
}

/**
 * Writes public submissions to the inbox together (docs/decisions.md, "Submissions without photos as
 * JSON, and written together"). A submission waits for the current turn of the event loop to end,
 * and while two statements are in flight, for one of them to finish; then those waiting go in one
 * statement. In a flood that makes statements of several rows, each far cheaper per row for
 * PostgreSQL and for node than a statement of its own; when a submission comes alone it goes alone,
 * at once. Each caller hears about its own row only once its statement has committed.
 */
export class InboxWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  /** The phones and idempotency keys of the submissions being written. */
  private readonly writing = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly db: Executor,
    private readonly maxPerPhone: number,
  ) {}

  /** The row written, or undefined when one of its conditions kept it out (insertSubmissions). */
  write(submission: InboxSubmission): Promise<Received | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, marks: marksOf(submission), resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length > 0 && this.inFlight < MAX_IN_FLIGHT) void this.send(this.take());
    });
  }

  /**
   * The next batch, oldest first. Two submissions of one phone or one idempotency key are never in
   * statements at the same time, where neither would see the other: the later one waits for the
   * earlier to be written. So the phone's hourly limit holds however many arrive at once (in one
   * process; several processes are as the per-address limits, portal.limits.ts).
   */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const p of this.queue) {
      if (batch.length >= MAX_WRITE_BATCH || p.marks.some((m) => this.writing.has(m))) {
        rest.push(p);
        continue;
      }
      for (const m of p.marks) this.writing.add(m);
      batch.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private async send(batch: Pending[]): Promise<void> {
    this.inFlight++;
    try {
      await this.settle(batch);
    } finally {
      this.inFlight--;
      for (const p of batch) for (const m of p.marks) this.writing.delete(m);
      this.schedule();
    }
  }

  private async settle(batch: Pending[]): Promise<void> {
    try {
      const submissions = batch.map((p) => p.submission);
      const rows = await insertSubmissions(this.db, submissions, this.maxPerPhone);
      const written = new Map(rows.map((r) => [r.id, r]));
      for (const p of batch) p.resolve(written.get(p.submission.id));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // Nothing of the statement was written: each submission is tried alone, so that one that
      // fails does not fail the others.
      await Promise.all(batch.map((p) => this.settle([p])));
    }
  }
}

const marksOf = (s: InboxSubmission): string[] => [
  ...(s.submitterPhoneHash ? [`phone:${s.submitterPhoneHash}`] : []),
  ...(s.idempotencyKey ? [`key:${s.idempotencyKey}`] : []),
];
