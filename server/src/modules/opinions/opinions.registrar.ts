import { INBOX_BATCH, registerInboxBatch } from './commands/registerInbox.js';
import type { OpinionDeps } from './opinions.deps.js';

/**
 * Turns the public intake's inbox into cases in the background of the process that took them. A
 * submission kicks it; while a batch runs, later kicks fold into one more pass, so under a flood
 * each transaction registers up to INBOX_BATCH cases instead of one. What a crash or another
 * process leaves behind is taken by the every-minute sweep (opinions.workers.ts), and a reader who
 * asks for a case not yet registered registers it on the spot (registerInboxRow).
 */
export class IntakeRegistrar {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: OpinionDeps) {}

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once nothing is being registered (tests; closing the app). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await registerInboxBatch(this.deps)) >= INBOX_BATCH) {
          // a full batch: more may wait
        }
      } catch (err) {
        // The rows stay in the inbox: the next submission or the sweep tries again.
        console.error('[opinion-inbox] registration run failed:', err instanceof Error ? err.message : err);
        return;
      }
    } while (this.again);
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
