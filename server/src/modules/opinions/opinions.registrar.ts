import { setTimeout as sleep } from 'node:timers/promises';
import { INBOX_BATCH, registerInboxBatch } from './commands/registerInbox.js';
import type { OpinionDeps } from './opinions.deps.js';

/** The share of a batch's time the event loop was busy above which requests are taken to be waiting. */
const BUSY_LOOP = 0.8;
/** How long a pause after a batch is, in batch durations: while submissions keep coming, and otherwise. */
const PAUSE_BUSY = 3;
const PAUSE_IDLE = 1;

/**
 * Turns the public intake's inbox into cases in the background of the process that took them. A
 * submission kicks it; while a batch runs, later kicks fold into one more pass, so under a flood
 * each transaction registers up to INBOX_BATCH cases instead of one, and a backlog is worked off at
 * no more than about half of the process's time (a quarter while requests keep it busy). What a crash or another
 * process leaves behind is taken by the every-minute sweep (opinions.workers.ts), and a reader who
 * asks for a case not yet registered registers it on the spot (registerInboxRow).
 */
export class IntakeRegistrar {
  private running: Promise<void> | null = null;
  /** A submission arrived since the batch in progress began: its rows may not be in that batch. */
  private again = false;
  private stopping = false;

  constructor(private readonly deps: OpinionDeps) {}

  kick(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once nothing is being registered (tests). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Closing the app: the batch in progress commits, the rest waits in the inbox for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopping) {
        const started = performance.now();
        const loop = performance.eventLoopUtilization();
        this.again = false;
        if ((await registerInboxBatch(this.deps)) < INBOX_BATCH) {
          // The inbox ran dry, unless submissions came meanwhile: then one more pass at once.
          if (this.again) continue;
          break;
        }
        // A backlog: leave the process to the requests for as long as the batch took, so
        // registering takes at most about half of it; while submissions keep coming or requests
        // keep the process busy, three times as long, so new submissions keep their pace and the
        // backlog is worked off when the flood ebbs (the constituents have their tracking codes
        // already). The event loop alone does not tell: a batch mostly waits on the database,
        // whose work it is (the bench measured registering at half the machine in a flood).
        const busy = this.again || performance.eventLoopUtilization(loop).utilization > BUSY_LOOP;
        await sleep((performance.now() - started) * (busy ? PAUSE_BUSY : PAUSE_IDLE));
      }
    } catch (err) {
      // The rows stay in the inbox: the next submission or the sweep tries again.
      console.error('[opinion-inbox] registration run failed:', err instanceof Error ? err.message : err);
    }
  }
}

const registrars = new WeakMap<object, IntakeRegistrar>();

/** The one registrar of an app's database. */
export function intakeRegistrar(deps: OpinionDeps): IntakeRegistrar {
  let registrar = registrars.get(deps.db);
  if (!registrar) {
    registrar = new IntakeRegistrar(deps);
    registrars.set(deps.db, registrar);
  }
  return registrar;
}
