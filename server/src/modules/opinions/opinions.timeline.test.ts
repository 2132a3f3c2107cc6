import { describe, expect, it } from 'vitest';
import { replayTimeline } from './opinions.timeline.js';

const e = (fromState: string | null, toState: string | null, stageOverdue: boolean | null = null) => ({
  fromState,
  toState,
  stageOverdue,
});

describe('replaying a timeline', () => {
  it('folds transitions into the current state and the overdue stages, skipping events beside the state', () => {
    expect(
      replayTimeline([
        e(null, 'submitted'),
        e('submitted', 'accepted', true),
        e(null, null),
        e('accepted', 'in_review'),
        e('in_review', 'transferred', false),
      ]),
    ).toEqual({ state: 'transferred', overdueStages: ['submitted'], consistent: true });
  });

  it('notices a transition that did not start where the last one ended', () => {
    expect(replayTimeline([e(null, 'submitted'), e('accepted', 'in_review')]).consistent).toBe(false);
    expect(replayTimeline([])).toEqual({ state: null, overdueStages: [], consistent: true });
  });
});
