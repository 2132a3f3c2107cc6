import type { AppDeps } from '../../app.js';
import { OUTBOX_QUEUE, wakeQueue } from '../outbox.js';
import { runOutboxOnce } from './dispatch.js';
import { runNotificationsOnce } from './send.js';

export const NOTIFY_QUEUE = 'notify-send';

/**
 * The dispatcher runs when a command wakes it after its commit (afterCommitDispatch); the sender
 * runs when the dispatcher has queued deliveries. Both also run every minute: that catches an event
 * whose wake-up was lost and the failed deliveries whose backoff has run out.
 */
export async function registerNotificationWorkers(deps: AppDeps): Promise<void> {
  await deps.jobs.work(OUTBOX_QUEUE, async () => {
    const { queued } = await runOutboxOnce(deps);
    if (queued > 0) await deps.jobs.send(NOTIFY_QUEUE, {}, { singletonKey: 'notify' });
  });
  await deps.jobs.work(NOTIFY_QUEUE, async () => {
    await runNotificationsOnce(deps);
  });
  await deps.jobs.schedule?.(OUTBOX_QUEUE, '* * * * *');
  await deps.jobs.schedule?.(NOTIFY_QUEUE, '* * * * *');
}

/** Wakes the sender after a change that queued deliveries outside the dispatcher (a retry by hand). */
export const afterCommitSend = (deps: Pick<AppDeps, 'jobs'>): Promise<void> => wakeQueue(deps.jobs, NOTIFY_QUEUE, 'notify');
