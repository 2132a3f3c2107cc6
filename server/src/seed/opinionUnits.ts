import type { ReplyResult } from '../modules/opinions/opinions.tables.js';
import type { CaseColumns, CaseSim, SimActor } from './opinionCase.js';
import type { DemoClock } from './opinionClock.js';
import type { Parties, Story } from './opinionStory.js';
import { RETURN_REASONS, SUPERVISION_INSTRUCTIONS, URGE_NOTES } from './opinionTexts.js';
import type { Random } from './random.js';

/** The handling units' part of a demo case: transfer, return, acceptance, reply, re-handling, urging, supervision. */

/** The columns a reply writes (opinions.rules.ts replyChanges): on time when made by the reply deadline. */
export function replyChanges(sim: CaseSim, result: ReplyResult, text: string, at: Date): Partial<CaseColumns> {
  const due = sim.c.replyDueAt;
  return { replyResult: result, replyText: text, repliedAt: at, repliedOnTime: !due || at.getTime() <= due.getTime() };
}

/** 转办 → (退回 → 再转办) → 签收 → 答复, with urging and supervision while a stage is overdue. */
export function handleByUnits(
  sim: CaseSim,
  s: Story,
  p: Parties,
  rng: Random,
  clock: DemoClock,
  result: ReplyResult,
  replyText: (r: ReplyResult) => string,
): boolean {
  const round = sim.c.rehandleCount + 1;
  const transfer = (unit: { id: string }, co: { id: string }[]) => {
    const at = clock.after(sim.last, s.slow ? rng.int(2, 4) : rng.int(0, 2));
    const dueAt = sim.due(at, sim.deadlines.unitAccept);
    const note = rng.chance(0.5) ? '请按期签收办理并答复群众' : null;
    const coUnitIds = co.map((u) => u.id);
    const ok = sim.transition('transfer', at, p.office, {
      set: { leadUnitId: unit.id, complex: sim.c.complex, dueAt, replyDueAt: null },
      note,
      data: { leadUnitId: unit.id, coUnitIds, round, complex: sim.c.complex, replyDueAt: null },
    });
    if (!ok) return false;
    for (const [i, u] of [unit, ...co].entries()) {
      sim.units.push({
        unitId: u.id,
        role: i === 0 ? 'lead' : 'co',
        round,
        status: 'transferred',
        dueAt,
        note: i === 0 ? note : null,
        createdAt: at,
        updatedAt: at,
      });
    }
    return true;
  };
  if (!transfer(p.lead, p.co)) return false;
  let lead = p.lead;
  if (s.returned) {
    const reason = rng.pick(RETURN_REASONS);
    const at = clock.after(sim.last, rng.int(1, 2));
    const ok = sim.transition('unit_return', at, lead.actor, {
      set: { leadUnitId: null, replyDueAt: null },
      note: reason,
      data: { unitId: lead.id, round },
    });
    if (!ok) return false;
    sim.moveUnits(round, ['transferred'], 'returned', at, { note: reason });
    lead = p.other;
    if (!transfer(lead, [])) return false;
  }

  const acceptAt = clock.after(sim.last, s.slow ? rng.int(4, 7) : rng.int(0, 2));
  if (!pressWhileOverdue(sim, s.slow, p, rng, clock, acceptAt)) return false;
  const replyDueAt = sim.c.replyDueAt ?? sim.due(acceptAt, sim.c.complex ? sim.deadlines.replyComplex : sim.deadlines.reply);
  if (
    !sim.transition('unit_accept', acceptAt, lead.actor, {
      set: { dueAt: replyDueAt, replyDueAt },
      data: { round, replyDueAt: replyDueAt.toISOString() },
    })
  )
    return false;
  sim.moveUnits(round, ['transferred'], 'handling', acceptAt, { dueAt: replyDueAt });
  if (s.keySupervision && !supervise(sim, p, rng, clock.after(acceptAt, rng.int(1, 5)))) return false;
  return reply(sim, lead.actor, p, rng, clock, result, replyText, round, s.slow);
}

function reply(
  sim: CaseSim,
  unit: SimActor,
  p: Parties,
  rng: Random,
  clock: DemoClock,
  result: ReplyResult,
  replyText: (r: ReplyResult) => string,
  round: number,
  slow: boolean,
): boolean {
  const budget = sim.c.complex ? sim.deadlines.replyComplex : sim.deadlines.reply;
  const at = clock.after(sim.last, slow ? budget + rng.int(1, 8) : rng.int(2, Math.max(3, budget - 2)));
  if (!pressWhileOverdue(sim, slow, p, rng, clock, at)) return false;
  const text = replyText(result);
  const set = replyChanges(sim, result, text, at);
  if (!sim.transition('reply', at, unit, { set, note: text, data: { result, round, onTime: set.repliedOnTime, fileIds: [] } }))
    return false;
  sim.moveUnits(round, ['handling'], 'replied', at, {});
  return true;
}

/** 重新办理: a new round for the last round's units, with a new reply deadline. */
export function rehandle(
  sim: CaseSim,
  p: Parties,
  rng: Random,
  clock: DemoClock,
  result: ReplyResult,
  replyText: (r: ReplyResult) => string,
): boolean {
  const at = clock.after(sim.last, rng.int(1, 3));
  const leadUnitId = sim.c.leadUnitId as string;
  const lastRound = Math.max(...sim.units.map((u) => u.round));
  const coUnitIds = sim.units
    .filter((u) => u.round === lastRound && u.role === 'co' && u.unitId !== leadUnitId)
    .map((u) => u.unitId);
  const round = sim.c.rehandleCount + 1;
  const replyDueAt = sim.due(at, sim.c.complex ? sim.deadlines.replyComplex : sim.deadlines.reply);
  const ok = sim.transition('rehandle', at, p.office, {
    set: { complex: sim.c.complex, dueAt: replyDueAt, replyDueAt },
    note: '群众不满意，请重新办理',
    data: { leadUnitId, coUnitIds, round, replyDueAt: replyDueAt.toISOString() },
  });
  if (!ok) return false;
  for (const [i, unitId] of [leadUnitId, ...coUnitIds].entries()) {
    sim.units.push({
      unitId,
      role: i === 0 ? 'lead' : 'co',
      round,
      status: 'handling',
      dueAt: replyDueAt,
      note: i === 0 ? '群众不满意，请重新办理' : null,
      createdAt: at,
      updatedAt: at,
    });
  }
  const unit = leadUnitId === p.lead.id ? p.lead.actor : p.other.actor;
  return reply(sim, unit, p, rng, clock, result, replyText, round, false);
}

/** Before a late step: the office urges once the stage is overdue, a leader sometimes supervises. */
function pressWhileOverdue(sim: CaseSim, slow: boolean, p: Parties, rng: Random, clock: DemoClock, next: Date): boolean {
  const due = sim.c.dueAt;
  if (!slow || !due || next.getTime() <= due.getTime()) return true;
  const urgeAt = clock.after(due, 1);
  if (urgeAt.getTime() < next.getTime()) {
    if (!sim.note(urgeAt, p.office, 'urge', rng.pick(URGE_NOTES), { count: sim.c.urgeCount + 1, state: sim.state })) return false;
    sim.c.urgeCount++;
  }
  const superviseAt = clock.after(due, 2);
  if (!sim.c.supervised && rng.chance(0.4) && superviseAt.getTime() < next.getTime()) return supervise(sim, p, rng, superviseAt);
  return true;
}

function supervise(sim: CaseSim, p: Parties, rng: Random, at: Date): boolean {
  const instruction = rng.pick(SUPERVISION_INSTRUCTIONS);
  if (!sim.note(at, p.leader, 'supervise', instruction, { supervisedBy: p.leader.id, again: sim.c.supervised })) return false;
  Object.assign(sim.c, { supervised: true, supervisedBy: p.leader.id, supervisionInstruction: instruction });
  return true;
}
