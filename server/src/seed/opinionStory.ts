import type { EvaluationValue, ReplyResult } from '../modules/opinions/opinions.tables.js';
import type { CaseSim, SimActor } from './opinionCase.js';
import type { DemoClock } from './opinionClock.js';
import { EVALUATION_COMMENTS, REPLY_TEXTS } from './opinionTexts.js';
import { handleByUnits, rehandle, replyChanges } from './opinionUnits.js';
import type { Random } from './random.js';

/**
 * How a demo case goes (DESIGN §3.1): the path it takes and the people on it. The story is drawn
 * once per case; `playStory` then walks it through the case simulator, which stops at `now`.
 */
export type Path = 'reject' | 'spot' | 'station' | 'office' | 'transfer';

export interface Story {
  path: Path;
  /** Steps take longer than their deadlines: overdue stages, urging, sometimes supervision. */
  slow: boolean;
  /** The first unit sends the case back; the office transfers it to another. */
  returned: boolean;
  /** A leader puts the case under (key) supervision while a unit handles it. */
  keySupervision: boolean;
  /** Who rates the answer, or nobody (the window runs out). */
  evaluator: 'public' | 'staff' | 'none';
  result: ReplyResult;
  evaluation: EvaluationValue;
}

export interface Parties {
  /** Accepts, feeds back and records evaluations: the responsible deputy or the station's staff (the office without a station). */
  front: SimActor;
  /** Answers on the spot and escalates: a deputy or the station's staff; null for the office's own intake. */
  station: SimActor | null;
  office: SimActor;
  leader: SimActor;
  lead: { id: string; actor: SimActor };
  co: { id: string; actor: SimActor }[];
  /** Where the office sends a case a unit returned. */
  other: { id: string; actor: SimActor };
  /** The fix of the category, for the reply text. */
  fix: string;
  rejection: { reason: string; guidance: string } | null;
}

const RESULTS: readonly (readonly [ReplyResult, number])[] = [
  ['resolved', 55],
  ['basically_resolved', 25],
  ['being_resolved', 12],
  ['cannot_resolve_now', 8],
];
const RATINGS: Record<ReplyResult, readonly (readonly [EvaluationValue, number])[]> = {
  resolved: [
    ['satisfied', 80],
    ['basically_satisfied', 17],
    ['unsatisfied', 3],
  ],
  basically_resolved: [
    ['satisfied', 45],
    ['basically_satisfied', 45],
    ['unsatisfied', 10],
  ],
  being_resolved: [
    ['satisfied', 25],
    ['basically_satisfied', 55],
    ['unsatisfied', 20],
  ],
  cannot_resolve_now: [
    ['satisfied', 10],
    ['basically_satisfied', 45],
    ['unsatisfied', 45],
  ],
};

export function drawStory(rng: Random, o: { atStation: boolean; visit: boolean; rejected: boolean }): Story {
  const result = rng.weighted(RESULTS);
  let path: Path;
  if (o.rejected) path = 'reject';
  // The office answers its own intake itself: escalating is a station's step (DESIGN §3.1).
  else if (!o.atStation) path = 'station';
  else if (o.visit && rng.chance(0.35)) path = 'spot';
  else
    path = rng.weighted<Path>([
      ['station', 28],
      ['office', 6],
      ['transfer', 66],
    ]);
  return {
    path,
    slow: rng.chance(0.1),
    returned: rng.chance(0.06),
    keySupervision: rng.chance(0.015),
    evaluator: rng.weighted([
      ['public', 55],
      ['staff', 27],
      ['none', 18],
    ]),
    result,
    evaluation: rng.weighted(RATINGS[result]),
  };
}

const fill = (text: string, fix: string, rng: Random) => text.replace('{fix}', fix).replace('{n}', String(rng.int(1, 6)));

/** Plays the story until it ends or reaches `now`. */
export function playStory(sim: CaseSim, s: Story, p: Parties, rng: Random, clock: DemoClock): void {
  const replyText = (result: ReplyResult) => fill(rng.pick(REPLY_TEXTS[result]), p.fix, rng);

  // 受理 or 不予受理.
  const firstAt =
    s.path === 'spot' ? clock.soon(sim.receivedAt) : clock.after(sim.receivedAt, s.slow ? rng.int(3, 5) : rng.int(0, 1));
  if (s.path === 'reject') {
    const r = p.rejection ?? { reason: '不属于代表联络站受理范围', guidance: '请通过相应法定途径反映。' };
    sim.transition('reject', firstAt, p.front, {
      set: { rejectReason: r.reason, rejectGuidance: r.guidance, closedAt: firstAt },
      note: r.reason,
      data: { guidance: r.guidance },
    });
    return;
  }
  if (!sim.transition('accept', firstAt, p.front)) return;

  let result = s.result;
  if (s.path === 'spot') {
    const at = clock.soon(sim.last);
    const text = replyText(result);
    if (
      !sim.transition('answer_on_spot', at, p.station ?? p.front, {
        set: replyChanges(sim, result, text, at),
        note: text,
        data: { result },
      })
    )
      return;
  } else if (s.path === 'station') {
    const at = clock.after(sim.last, rng.int(1, 8));
    const text = replyText(result);
    if (!sim.transition('resolve', at, p.front, { set: replyChanges(sim, result, text, at), note: text, data: { result } }))
      return;
  } else {
    if (
      !sim.transition('escalate', clock.after(sim.last, rng.int(0, 2)), p.station ?? p.front, {
        note: '需由有关部门办理，提交工委',
      })
    )
      return;
    if (s.path === 'office') {
      const at = clock.after(sim.last, rng.int(1, 5));
      const text = replyText(result);
      if (!sim.transition('resolve', at, p.office, { set: replyChanges(sim, result, text, at), note: text, data: { result } }))
        return;
    } else if (!handleByUnits(sim, s, p, rng, clock, result, replyText)) return;
  }

  // 反馈 and 满意度测评, once more after an unsatisfied rating.
  for (let round = 1; round <= 2; round++) {
    const fedAt = clock.after(sim.last, rng.int(0, 2));
    const evaluationDue = sim.due(fedAt, sim.deadlines.evaluation);
    if (!sim.transition('feedback', fedAt, p.front, { set: { fedBackAt: fedAt, dueAt: evaluationDue } })) return;
    const rating: EvaluationValue = round === 1 ? s.evaluation : rng.chance(0.6) ? 'satisfied' : 'basically_satisfied';
    const at = clock.after(sim.last, rng.int(0, 10));
    if (s.evaluator === 'none' || at.getTime() > evaluationDue.getTime()) {
      // The deadline sweep closes it unevaluated (expireEvaluation).
      const expiredAt = clock.sweepAfter(evaluationDue);
      sim.transition(
        'expire_evaluation',
        expiredAt,
        { id: null, role: 'system', name: '系统' },
        {
          set: { closedAt: expiredAt },
          note: '逾期未评价，自动办结',
          data: { unevaluated: true },
        },
      );
      return;
    }
    const unsatisfied = rating === 'unsatisfied';
    const comment = rng.pick(EVALUATION_COMMENTS[rating]);
    const evaluator: SimActor = s.evaluator === 'public' ? { id: null, role: 'public', name: '群众' } : p.front;
    const done = sim.transition('evaluate', at, evaluator, {
      evaluation: rating,
      set: {
        evaluation: rating,
        evaluationComment: comment,
        evaluatedAt: at,
        ...(unsatisfied ? { rehandleCount: sim.c.rehandleCount + 1 } : { closedAt: at }),
      },
      note: comment,
      data: { evaluation: rating, ...(unsatisfied ? { round: sim.c.rehandleCount + 2 } : {}) },
    });
    if (!done || !unsatisfied) return;
    // 重新办理: back to the unit of the last round, or answered again by the office.
    result = rng.chance(0.7) ? 'resolved' : 'basically_resolved';
    if (sim.c.leadUnitId) {
      if (!rehandle(sim, p, rng, clock, result, replyText)) return;
    } else {
      const resolveAt = clock.after(sim.last, rng.int(2, 8));
      const text = replyText(result);
      if (
        !sim.transition('resolve', resolveAt, p.office, {
          set: replyChanges(sim, result, text, resolveAt),
          note: text,
          data: { result },
        })
      )
        return;
    }
  }
}
