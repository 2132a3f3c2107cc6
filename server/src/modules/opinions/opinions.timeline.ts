import type { OpinionState } from './opinions.workflow.js';

/**
 * The timeline is append-only, and the case's state can be recomputed from it (DESIGN §3): each
 * transition event names the state it left and the state it reached; other events (urging,
 * supervision, extensions, merged duplicates) carry no state and change nothing.
 */
export interface TimelineStep {
  fromState: string | null;
  toState: string | null;
  stageOverdue: boolean | null;
}

export interface Replay {
  state: OpinionState | null;
  /** The stages that ended overdue, in order, as opinions.overdue_stages keeps them. */
  overdueStages: string[];
  /** Every transition started from the state the previous one reached. */
  consistent: boolean;
}

export function replayTimeline(events: readonly TimelineStep[]): Replay {
  let state: string | null = null;
  let consistent = true;
  const overdueStages: string[] = [];
  for (const e of events) {
    if (!e.toState) continue;
    if (e.fromState !== state) consistent = false;
    if (e.stageOverdue && e.fromState) overdueStages.push(e.fromState);
    state = e.toState;
  }
  return { state: state as OpinionState | null, overdueStages, consistent };
}
