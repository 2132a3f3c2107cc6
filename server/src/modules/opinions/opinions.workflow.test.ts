import { describe, expect, it } from 'vitest';
import { availableActions, decide, OPEN_STATES, OPINION_ACTIONS, OPINION_STATES, RULES } from './opinions.workflow.js';

describe('opinion workflow', () => {
  it('walks the whole loop of DESIGN §3.1, with a re-handling round', () => {
    const steps: [Parameters<typeof decide>, string][] = [
      [['submitted', 'accept', 'deputy', { actorIsResponsibleDeputy: true }], 'accepted'],
      [['accepted', 'escalate', 'deputy', { actorIsResponsibleDeputy: true }], 'in_review'],
      [['in_review', 'transfer', 'office_staff', { hasLeadUnit: true }], 'transferred'],
      [['transferred', 'unit_accept', 'unit_staff', { actorIsLeadUnit: true }], 'handling'],
      [['handling', 'reply', 'unit_staff', { actorIsLeadUnit: true, replyText: true }], 'replied'],
      [['replied', 'feedback', 'office_staff', {}], 'awaiting_evaluation'],
      [['awaiting_evaluation', 'evaluate', 'public', { evaluation: 'unsatisfied' }], 'in_review'],
      [['in_review', 'rehandle', 'office_staff', { previouslyTransferred: true, hasLeadUnit: true }], 'handling'],
      [['handling', 'reply', 'unit_staff', { actorIsLeadUnit: true, replyText: true }], 'replied'],
      [['replied', 'feedback', 'station_staff', { actorAtStation: true }], 'awaiting_evaluation'],
      [['awaiting_evaluation', 'evaluate', 'public', { evaluation: 'basically_satisfied' }], 'closed'],
    ];
    for (const [args, next] of steps) expect(decide(...args)).toEqual({ ok: true, next });
  });

  it('closes unevaluated cases only by the deadline job', () => {
    expect(decide('awaiting_evaluation', 'expire_evaluation', 'system')).toEqual({ ok: true, next: 'closed' });
    expect(decide('awaiting_evaluation', 'expire_evaluation', 'office_staff')).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a transition from the wrong state with 409 and a reason in both languages', () => {
    const d = decide('closed', 'reply', 'unit_staff', { actorIsLeadUnit: true, replyText: true });
    expect(d).toMatchObject({ ok: false, status: 409, code: 'INVALID_TRANSITION' });
    if (!d.ok) {
      expect(d.text.zh).toContain('已办结');
      expect(d.text.en).toContain('closed');
    }
  });

  it('checks ownership: another deputy, another station, a co unit', () => {
    expect(decide('submitted', 'accept', 'deputy', { actorIsResponsibleDeputy: false })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(decide('submitted', 'accept', 'station_staff', { actorAtStation: false })).toMatchObject({ ok: false });
    expect(decide('transferred', 'unit_accept', 'unit_staff', { actorIsLeadUnit: false })).toMatchObject({ ok: false });
    expect(decide('submitted', 'accept', 'office_staff')).toEqual({ ok: true, next: 'accepted' });
  });

  it('requires reasons, replies, evaluations and targets', () => {
    expect(decide('submitted', 'reject', 'office_staff', { reason: '  ' })).toMatchObject({
      ok: false,
      code: 'TRANSITION_GUARD',
    });
    expect(decide('submitted', 'reject', 'office_staff', { reason: '属于诉讼程序，请向法院咨询' })).toEqual({
      ok: true,
      next: 'rejected',
    });
    expect(decide('transferred', 'unit_return', 'unit_staff', { actorIsLeadUnit: true })).toMatchObject({ ok: false });
    expect(decide('handling', 'reply', 'unit_staff', { actorIsLeadUnit: true })).toMatchObject({ ok: false });
    expect(decide('awaiting_evaluation', 'evaluate', 'public', {})).toMatchObject({ ok: false });
    expect(decide('in_review', 'transfer', 'office_staff', {})).toMatchObject({ ok: false });
    expect(decide('in_review', 'rehandle', 'office_staff', { hasLeadUnit: true })).toMatchObject({ ok: false });
    expect(decide('handling', 'merge', 'office_staff', {})).toMatchObject({ ok: false });
  });

  it('merges and converts from every open state and from no closed one', () => {
    for (const s of OPINION_STATES) {
      const open = OPEN_STATES.includes(s);
      expect(decide(s, 'merge', 'office_staff', { mergeTarget: true }).ok).toBe(open);
      expect(decide(s, 'convert', 'office_staff').ok).toBe(open);
    }
  });

  it('never lets the public do anything but evaluate, nor administrators anything', () => {
    for (const s of OPINION_STATES) {
      expect(availableActions(s, 'public').every((a) => a === 'evaluate')).toBe(true);
      for (const admin of ['sysadmin', 'secadmin', 'auditor'] as const) expect(availableActions(s, admin)).toEqual([]);
    }
  });

  it('has a rule for every action, and every target is a known state', () => {
    for (const a of OPINION_ACTIONS) {
      const rule = RULES[a];
      expect(rule.from.length).toBeGreaterThan(0);
      if (typeof rule.to === 'string') expect(OPINION_STATES).toContain(rule.to);
    }
  });
});
