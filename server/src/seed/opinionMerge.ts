import { CLOSED_STATES } from '../modules/opinions/opinions.workflow.js';
import type { CaseSim, SimActor } from './opinionCase.js';
import type { DemoClock } from './opinionClock.js';
import type { PlannedCase } from './opinionPlan.js';
import type { Random } from './random.js';

/** 并案 in the demo: a duplicate raised after the case it repeats, merged into it while it is open. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A case of the same category raised in the county within the last three weeks, still open when this one is merged into it. */
export function findPrimary(rng: Random, earlier: PlannedCase[], categoryId: string | null, at: Date): PlannedCase | undefined {
  if (!categoryId) return undefined;
  const from = at.getTime() - 21 * DAY_MS;
  const candidates = earlier.filter(
    (c) =>
      c.categoryId === categoryId &&
      c.sim.receivedAt.getTime() >= from &&
      c.sim.state !== 'merged' &&
      c.sim.c.mergedIntoId === null,
  );
  return candidates.length ? rng.pick(candidates) : undefined;
}

/**
 * 并案: the office merges the duplicate into the primary, which must still be open then; the
 * constituent hears the primary's answer. False when the primary had closed by then (or the merge
 * would lie after now, which stops the case where it is).
 */
export function merge(sim: CaseSim, primary: PlannedCase, office: SimActor, clock: DemoClock, rng: Random): boolean {
  const at = clock.after(sim.receivedAt, rng.int(0, 2));
  const stateThen = [...primary.sim.events].reverse().find((e) => e.toState && e.at.getTime() <= at.getTime())?.toState;
  if (!stateThen || CLOSED_STATES.includes(stateThen)) return false;
  const ref = { primaryId: primary.sim.id, primaryTrackingCode: primary.sim.trackingCode };
  if (
    !sim.transition('merge', at, office, {
      set: { mergedIntoId: primary.sim.id, closedAt: at },
      note: '与已受理意见内容相同，并案办理',
      data: ref,
    })
  )
    return false;
  const merged = sim.events[sim.events.length - 1] as CaseSim['events'][number];
  const events = primary.sim.events;
  const index = events.findIndex((e) => e.at.getTime() > merged.at.getTime());
  events.splice(index < 0 ? events.length : index, 0, {
    at: merged.at,
    actor: office,
    action: 'merged_in',
    fromState: null,
    toState: null,
    note: merged.note,
    data: { opinionId: sim.id, trackingCode: sim.trackingCode },
    stageOverdue: null,
  });
  // Every answer the primary's constituent is given later goes to this one too.
  for (const fed of events.filter((e) => e.action === 'feedback' && e.at.getTime() > merged.at.getTime())) {
    const ids = ((fed.data?.mergedOpinionIds as string[] | undefined) ?? []).concat(sim.id);
    fed.data = { ...(fed.data ?? {}), mergedOpinionIds: ids };
    sim.c.fedBackAt = fed.at;
    sim.c.updatedAt = fed.at;
    sim.events.push({
      at: fed.at,
      actor: fed.actor,
      action: 'primary_feedback',
      fromState: null,
      toState: null,
      note: fed.note,
      data: { ...ref, result: resultBefore(events, fed.at) },
      stageOverdue: null,
    });
  }
  return true;
}

/** The reply result the latest answer before `at` gave. */
function resultBefore(events: CaseSim['events'], at: Date): unknown {
  const answered = events.filter((e) => e.toState === 'replied' && e.at.getTime() < at.getTime()).pop();
  return answered?.data?.result ?? null;
}
