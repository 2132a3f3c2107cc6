import { chinaDate } from '../platform/calendar/calendar.js';
import { personName } from './names.js';
import type { Random } from './random.js';
import { monthsAfter, type SimActor, type SuggestionSim, workingDaysAfter } from './suggestionSim.js';
import { REVISION_REASONS } from './suggestionTexts.js';

/**
 * The path of one demo suggestion through the loop (DESIGN §3.2, deadlines §4): drafting and
 * co-signing, the office's review, assignment, the units' handling, the reply, the deputy's
 * rating, re-handling, commitments. Each step is dated after the last; the sim stops at `now`.
 */

export interface UnitRef {
  id: string;
  name: string;
  actor: SimActor;
}

export interface Cast {
  lead: { deputyId: string; actor: SimActor };
  cosigners: { deputyId: string; actor: SimActor }[];
  office: SimActor;
  leadUnit: UnitRef;
  coUnit: UnitRef | null;
}

export interface Course {
  phase: 'session' | 'recess';
  /** Session suggestions are reviewed after the session closes and assigned at the assignment meeting. */
  sessionClosesAt: Date | null;
  meetingAt: Date | null;
  batchLabel: string | null;
  /** Never submitted: the deputy is still writing. */
  draftOnly: boolean;
  /** Not a suggestion: the office rejects it with this reason. */
  rejectReason: string | null;
  /** A later suggestion on the same matter: the office merges it into this one. */
  mergeInto: SuggestionSim | null;
  subject: string;
  year: number;
}

const SYSTEM: SimActor = { id: null, role: 'system', name: '系统' };

const CONSULTATION_PLACES = ['单位会议室', '代表所在单位', '问题现场', '代表联络站'];
const EXTENSION_REASONS = ['涉及多个部门，需进一步协调', '需结合年度预算安排统筹研究', '涉及规划调整，需履行审批程序'];
const EVALUATION_COMMENTS = [
  '答复认真，问题已基本解决',
  '沟通及时，态度诚恳',
  '希望继续跟进落实',
  '答复内容较为笼统，未解决实际问题',
];

const REPLY_TEXTS: Record<string, (subject: string) => string> = {
  A: (s) => `经认真研究，您提出的关于${s}的问题已列入我单位重点工作并组织实施，目前已经解决。感谢您对我们工作的关心和支持。`,
  B: (s) => `您提出的关于${s}的建议很有针对性。我单位已制定工作方案，正在分步推进，计划于明年内全部完成。`,
  C: (s) =>
    `您提出的关于${s}的建议符合群众期盼。受资金和规划条件限制，目前尚难以全面实施，我们将积极争取上级支持，待条件成熟时逐步解决。`,
  D: (s) => `感谢您提出的关于${s}的建议。该建议对我们改进工作有参考价值，我们将在今后工作中认真研究借鉴。`,
};

/** Plays `sim` along the loop; `rng` draws the suggestion's fate. */
export function playSuggestion(sim: SuggestionSim, rng: Random, cast: Cast, course: Course): void {
  const { lead, office } = cast;
  sim.push(sim.createdAt, lead.actor, 'draft', null, 'draft', null, { cosignerIds: cast.cosigners.map((c) => c.deputyId) }, null);
  for (const c of cast.cosigners) {
    sim.rows.cosigners.push({ deputy_id: c.deputyId, status: 'invited', invited_at: sim.createdAt, responded_at: null });
  }
  if (course.draftOnly) return;

  // Submitting: a joint suggestion goes out for co-signing first.
  const clock = sim.clock;
  const submitAt = clock.after(sim.createdAt, course.phase === 'session' ? 0 : rng.int(0, 3));
  if (!submit(sim, rng, cast, course, submitAt)) return;

  // The office's review: after the session for session suggestions, within days in the recess.
  const reviewFrom = course.sessionClosesAt && course.sessionClosesAt > sim.last ? course.sessionClosesAt : sim.last;
  let reviewAt = clock.after(reviewFrom, rng.int(1, course.phase === 'session' ? 6 : 3));
  if (!course.rejectReason && !course.mergeInto && rng.chance(0.04)) {
    const reason = rng.pick(REVISION_REASONS);
    if (
      !sim.move(reviewAt, office, 'return_for_revision', 'draft', {
        set: { return_reason: reason, return_count: 1 },
        note: reason,
      })
    )
      return;
    if (!submit(sim, rng, cast, course, clock.after(sim.last, rng.int(1, 5)))) return;
    reviewAt = clock.after(sim.last, rng.int(1, 3));
  }
  if (course.rejectReason) {
    sim.move(reviewAt, office, 'reject', 'rejected', {
      set: { reject_reason: course.rejectReason, reviewed_by: office.id },
      note: '经审查，该件不属于代表建议的范围，不作为代表建议处理',
      data: { reason: course.rejectReason },
    });
    return;
  }
  if (course.mergeInto) {
    const primary = course.mergeInto;
    if (sim.move(reviewAt, office, 'merge', 'merged', { set: { merged_into_id: primary.id }, data: { primaryId: primary.id } }))
      primary.push(reviewAt, office, 'merge_in', null, null, null, { followerId: sim.id }, null);
    return;
  }
  if (
    !sim.move(reviewAt, office, 'accept', 'accepted', {
      set: { accepted_at: reviewAt, reviewed_by: office.id, due_at: sim.c.due_at },
    })
  )
    return;

  // Assignment: at the session's assignment meeting, or within the recess deadline.
  const assignAt =
    course.meetingAt && course.meetingAt > sim.last
      ? course.meetingAt
      : clock.after(sim.last, rng.chance(0.1) ? rng.int(4, 8) : rng.int(1, 3));
  if (!assign(sim, cast, course, assignAt, 1)) return;
  if (!handle(sim, rng, cast, course, 1)) return;
  if (!evaluate(sim, rng, cast, course, 1)) return;
  fulfil(sim, rng, cast);
}

function submit(sim: SuggestionSim, rng: Random, cast: Cast, course: Course, at: Date): boolean {
  const clock = sim.clock;
  const invited = sim.rows.cosigners.filter((c) => c.status === 'invited');
  if (sim.c.return_count === 0 && invited.length > 0) {
    if (
      !sim.move(at, cast.lead.actor, 'submit', 'cosigning', {
        set: { cosigning_started_at: at },
        data: { invited: invited.length },
      })
    )
      return false;
    for (const [i, row] of invited.entries()) {
      // Deputies are busy: each answers within a few working days of the last.
      const answerAt = clock.after(sim.last, rng.int(0, 3));
      const confirm = rng.chance(0.92);
      const who = cast.cosigners[i]?.actor as SimActor;
      if (!sim.note(answerAt, who, confirm ? 'cosign_confirm' : 'cosign_decline', null, { deputyId: row.deputy_id }))
        return false;
      Object.assign(row, { status: confirm ? 'confirmed' : 'declined', responded_at: answerAt });
    }
  }
  const submitAt = invited.length > 0 ? clock.after(sim.last, 0) : at;
  const confirmed = sim.rows.cosigners.filter((c) => c.status === 'confirmed').length;
  return sim.move(submitAt, cast.lead.actor, 'submit', 'submitted', {
    set: {
      submitted_at: sim.c.submitted_at ?? submitAt,
      last_submitted_at: submitAt,
      // A recess suggestion must be assigned within 5 working days (DESIGN §4).
      due_at: course.phase === 'recess' ? workingDaysAfter(clock, submitAt, 5) : null,
    },
    data: { signers: 1 + confirmed },
  });
}

function assign(sim: SuggestionSim, cast: Cast, course: Course, at: Date, round: 1 | 2): boolean {
  const units = [
    { unit: cast.leadUnit, role: 'lead' },
    ...(cast.coUnit && round === 1 ? [{ unit: cast.coUnit, role: 'co' }] : []),
  ];
  const replyDue = round === 1 ? monthsAfter(at, 3) : monthsAfter(at, 1);
  const rows = units.map(({ unit, role }) => ({
    id: sim.newId(),
    unit_id: unit.id,
    role,
    round,
    status: round === 1 ? 'pending' : 'handling',
    batch_label: round === 1 ? course.batchLabel : null,
    assigned_by: cast.office.id,
    assigned_at: at,
    return_due_at: round === 1 ? workingDaysAfter(sim.clock, at, 7) : null,
    due_at: role === 'co' ? monthsAfter(at, 1) : replyDue,
    original_due_at: role === 'co' ? monthsAfter(at, 1) : replyDue,
    accepted_at: round === 1 ? null : at,
    replied_at: null,
    replied_on_time: null,
    overdue: false,
    version: 1,
    created_at: at,
    updated_at: at,
  }));
  const data = { round, assignments: rows.map((r) => ({ id: r.id, unitId: r.unit_id, role: r.role })) };
  const ok =
    round === 1
      ? sim.move(at, cast.office, 'assign', 'assigned', {
          set: { assigned_at: at, due_at: replyDue },
          note: course.batchLabel,
          data,
        })
      : true; // The unsatisfied rating itself assigns the re-handling round (as evaluateSuggestion does).
  if (!ok) return false;
  sim.rows.assignments.push(...rows);
  return true;
}

/** The units of the round accept, consult the deputy, send the co opinion and reply; then all replies are in. */
function handle(sim: SuggestionSim, rng: Random, cast: Cast, course: Course, round: 1 | 2): boolean {
  const clock = sim.clock;
  const mine = sim.rows.assignments.filter((a) => a.round === round);
  const lead = mine.find((a) => a.role === 'lead') as Record<string, unknown>;
  const co = mine.find((a) => a.role === 'co');
  if (round === 1) {
    for (const a of mine) {
      const unit = a.role === 'lead' ? cast.leadUnit : (cast.coUnit as UnitRef);
      const at = clock.after(a.assigned_at as Date, rng.int(1, 4));
      if (!sim.note(at, unit.actor, 'unit_accept', null, { assignmentId: a.id, unitId: a.unit_id })) return false;
      Object.assign(a, { status: 'handling', accepted_at: at, version: 2, updated_at: at });
    }
  }
  if (co && cast.coUnit) {
    const at = clock.after(co.accepted_at as Date, rng.int(8, 24));
    const text = `我单位同意主办单位的办理意见，将在职责范围内配合做好${course.subject}相关工作。`;
    if (!sim.note(at, cast.coUnit.actor, 'co_opinion', null, { assignmentId: co.id, unitId: co.unit_id })) return false;
    const onTime = at.getTime() <= (co.due_at as Date).getTime();
    sim.rows.coOpinions.push({
      id: sim.newId(),
      assignment_id: co.id,
      lead_assignment_id: lead.id,
      text,
      sent_by: null,
      sent_at: at,
      on_time: onTime,
    });
    Object.assign(co, { status: 'replied', replied_at: at, replied_on_time: onTime, version: 3, updated_at: at });
  }
  // Most units meet the deputy before replying (见面沟通); the deputy confirms it took place.
  if (rng.chance(round === 2 ? 0.95 : 0.85)) {
    const at = clock.after(lead.accepted_at as Date, rng.int(5, round === 2 ? 10 : 30));
    const kind = rng.weighted([
      ['face_to_face', 55],
      ['phone', 20],
      ['visit', 15],
      ['meeting', 10],
    ] as const);
    const id = sim.newId();
    if (!sim.note(at, cast.leadUnit.actor, 'consultation', null, { assignmentId: lead.id, consultationId: id, kind }))
      return false;
    const confirmAt = clock.after(at, rng.int(1, 4));
    const confirmed = sim.reached(confirmAt) && rng.chance(0.95);
    if (confirmed) sim.note(confirmAt, cast.lead.actor, 'consultation_confirmed', null, { consultationId: id });
    sim.rows.consultations.push({
      id,
      assignment_id: lead.id,
      unit_id: lead.unit_id,
      deputy_id: cast.lead.deputyId,
      kind,
      held_at: at,
      place: kind === 'phone' ? null : rng.pick(CONSULTATION_PLACES),
      participants: `${cast.leadUnit.name}工作人员、代表本人`,
      summary: `就${course.subject}问题与代表沟通，介绍了办理思路和工作安排，听取了代表意见。`,
      confirmation: confirmed ? 'confirmed' : 'pending',
      confirmed_at: confirmed ? confirmAt : null,
      created_at: at,
    });
  }
  // An extension now and then: approved by the office, within 6 months of the assignment. Only a
  // unit with a demo account asks (the request names the account that made it).
  const requester = cast.leadUnit.actor.id;
  if (round === 1 && requester && rng.chance(0.15)) {
    const at = clock.after(sim.last, rng.int(10, 20));
    const newDue = monthsAfter(lead.assigned_at as Date, 5);
    const reason = rng.pick(EXTENSION_REASONS);
    if (!sim.note(at, cast.leadUnit.actor, 'extension_requested', reason, { assignmentId: lead.id })) return false;
    const decideAt = clock.after(at, rng.int(1, 3));
    if (!sim.can(decideAt)) {
      sim.rows.extensions.push(extension(sim, lead, requester, reason, at, newDue, null));
      return false;
    }
    sim.note(decideAt, cast.office, 'extension_approved', null, { assignmentId: lead.id, newDueAt: newDue.toISOString() });
    sim.rows.extensions.push(extension(sim, lead, requester, reason, at, newDue, decideAt));
    Object.assign(lead, { due_at: newDue, updated_at: decideAt });
    sim.c.due_at = newDue;
  }
  // The reply, approved by the unit's head and sent as a letter; a few come late.
  const budget = Math.max(
    5,
    Math.round(((lead.due_at as Date).getTime() - (lead.accepted_at as Date).getTime()) / 86_400_000 / 1.45),
  );
  const at = clock.after(sim.last, rng.chance(0.08) ? budget + rng.int(2, 10) : rng.int(3, Math.max(4, budget - 5)));
  const replyClass =
    round === 2
      ? rng.weighted([
          ['A', 40],
          ['B', 40],
          ['C', 15],
          ['D', 5],
        ] as const)
      : rng.weighted([
          ['A', 46],
          ['B', 30],
          ['C', 15],
          ['D', 9],
        ] as const);
  // Approved by the unit's head (签发), then sent as a letter.
  const approvedAt = new Date(Math.max(sim.last.getTime() + 60_000, at.getTime() - rng.int(60, 600) * 60_000));
  const replyId = sim.newId();
  if (!sim.note(approvedAt, cast.leadUnit.actor, 'reply_approved', null, { assignmentId: lead.id, replyId })) return false;
  if (
    !sim.note(at, cast.leadUnit.actor, 'reply_sent', null, {
      assignmentId: lead.id,
      unitId: lead.unit_id,
      replyId,
      replyClass,
      round,
    })
  )
    return false;
  const onTime = at.getTime() <= (lead.due_at as Date).getTime();
  sim.rows.replies.push({
    id: replyId,
    assignment_id: lead.id,
    unit_id: lead.unit_id,
    round,
    status: 'sent',
    reply_class: replyClass,
    text: REPLY_TEXTS[replyClass]?.(course.subject) ?? '',
    reference_number: `建复〔${chinaDate(at).slice(0, 4)}〕${rng.int(1, 300)}号`,
    signer_name: personName(rng, rng.chance(0.7) ? 'male' : 'female'),
    contact_name: personName(rng, rng.chance(0.5) ? 'male' : 'female'),
    contact_phone: `0451-${rng.pick(['8', '5'])}${rng.digits(7)}`,
    approved_at: approvedAt,
    sent_at: at,
    on_time: onTime,
    version: 3,
    created_at: new Date(approvedAt.getTime() - rng.int(1, 5) * 86_400_000),
    updated_at: at,
  });
  Object.assign(lead, {
    status: 'replied',
    replied_at: at,
    replied_on_time: onTime,
    version: (lead.version as number) + 2,
    updated_at: at,
  });
  if (replyClass === 'B' || replyClass === 'C') commit(sim, rng, cast, course, replyId, at, replyClass);
  const inAt = new Date(at.getTime() + 60_000);
  return sim.move(inAt, SYSTEM, 'all_replied', 'awaiting_evaluation', {
    set: { reply_class: replyClass, replied_at: at, due_at: workingDaysAfter(clock, at, 20) },
    data: { round },
  });
}

function extension(
  sim: SuggestionSim,
  lead: Record<string, unknown>,
  requestedBy: string,
  reason: string,
  at: Date,
  newDue: Date,
  decidedAt: Date | null,
) {
  return {
    id: sim.newId(),
    assignment_id: lead.id,
    requested_by: requestedBy,
    reason,
    requested_due_at: newDue,
    status: decidedAt ? 'approved' : 'pending',
    decided_at: decidedAt,
    new_due_at: decidedAt ? newDue : null,
    created_at: at,
  };
}

/** What a class B or C reply promises; those due by now are mostly done. */
function commit(sim: SuggestionSim, rng: Random, cast: Cast, course: Course, replyId: string, at: Date, replyClass: 'B' | 'C') {
  const n = rng.int(1, 2);
  for (let i = 0; i < n; i++) {
    const due = monthsAfter(at, replyClass === 'B' ? rng.int(2, 9) : rng.int(8, 18));
    const id = sim.newId();
    if (rng.chance(0.8)) sim.plannedDone.set(id, sim.clock.after(new Date(due.getTime() - rng.int(5, 50) * 86_400_000), 0));
    sim.rows.commitments.push({
      id,
      reply_id: replyId,
      unit_id: cast.leadUnit.id,
      content: i === 0 ? `${course.year + 1}年底前完成${course.subject}相关工作` : `制定${course.subject}专项工作方案并组织实施`,
      due_on: chinaDate(due),
      status: 'open',
      done_at: null,
      done_note: null,
      created_at: at,
      updated_at: at,
    });
  }
}

/** The deputy rates result and attitude within 20 working days, or the window passes in silence. */
function evaluate(sim: SuggestionSim, rng: Random, cast: Cast, course: Course, round: 1 | 2): boolean {
  const due = sim.c.due_at as Date;
  const silent = rng.chance(0.1);
  const at = silent ? new Date(due.getTime() + rng.int(1, 10) * 60_000) : sim.clock.after(sim.last, rng.int(1, 15));
  const cls = sim.c.reply_class;
  const weights = cls === 'A' ? [80, 18, 2] : cls === 'B' ? [60, 32, 8] : [40, 40, 20];
  const rate = () =>
    rng.weighted([
      ['satisfied', weights[0] as number],
      ['basically_satisfied', weights[1] as number],
      ['unsatisfied', weights[2] as number],
    ] as const);
  const result = silent ? null : rate();
  const attitude = silent ? null : rng.chance(0.85) ? 'satisfied' : rate();
  const unsatisfied = result === 'unsatisfied' || attitude === 'unsatisfied';
  const rehandle = unsatisfied && round === 1;
  const ok = silent
    ? sim.move(at, SYSTEM, 'expire_evaluation', 'closed', { set: { closed_at: at, evaluation_round: round }, data: { round } })
    : sim.move(at, cast.lead.actor, 'evaluate', rehandle ? 'rehandling' : 'closed', {
        // Re-handling has a month (DESIGN §4); the second rating is final.
        set: { evaluation_round: round, ...(rehandle ? { rehandle_count: 1, due_at: monthsAfter(at, 1) } : { closed_at: at }) },
        data: { round, result, attitude },
      });
  if (!ok) return false;
  sim.rows.evaluations.push({
    id: sim.newId(),
    round,
    assignment_id: null,
    deputy_id: cast.lead.deputyId,
    result,
    attitude,
    silent,
    comment: silent
      ? null
      : unsatisfied
        ? (EVALUATION_COMMENTS[3] as string)
        : rng.chance(0.4)
          ? rng.pick(EVALUATION_COMMENTS.slice(0, 3))
          : null,
    evaluated_at: at,
  });
  if (!rehandle) return true;
  if (!assign(sim, cast, course, at, 2)) return false;
  if (!handle(sim, rng, cast, course, 2)) return false;
  return evaluate(sim, rng, cast, course, 2);
}

/** Closed with class B or C: once every commitment is done, the office marks it fulfilled. */
function fulfil(sim: SuggestionSim, rng: Random, cast: Cast): void {
  if (sim.c.state !== 'closed' || (sim.c.reply_class !== 'B' && sim.c.reply_class !== 'C')) return;
  const commitments = sim.rows.commitments;
  for (const c of [...commitments].sort((a, b) => String(a.due_on).localeCompare(String(b.due_on)))) {
    const planned = sim.plannedDone.get(c.id as string);
    if (!planned) continue;
    const at = planned.getTime() > sim.last.getTime() ? planned : sim.clock.after(sim.last, 1);
    if (!sim.reached(at)) continue;
    sim.note(at, cast.leadUnit.actor, 'commitment_done', null, { commitmentId: c.id });
    Object.assign(c, { status: 'done', done_at: at, done_note: '已按承诺完成，相关材料已报送', updated_at: at });
  }
  if (commitments.some((c) => c.status !== 'done')) return;
  const at = sim.clock.after(sim.last, rng.int(1, 5));
  sim.move(at, cast.office, 'fulfil', 'fulfilled', { set: { fulfilled_at: at }, data: { commitments: commitments.length } });
}
