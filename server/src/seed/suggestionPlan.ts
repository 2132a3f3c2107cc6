import { addDays, chinaDate } from '../platform/calendar/calendar.js';
import type { DemoClock } from './opinionClock.js';
import { chinaTime, uuidFrom } from './opinionClock.js';
import type { Random } from './random.js';
import { paraphrase, pickTopic, type SuggestionText, writeSuggestion } from './suggestionCorpus.js';
import { SuggestionSim } from './suggestionSim.js';
import { type Course, playSuggestion } from './suggestionStory.js';
import { NOT_SUGGESTIONS } from './suggestionTexts.js';
import { type PlannedCongress, type SuggestionParties, unitsForTopic } from './suggestionWorld.js';

/**
 * A congress's demo suggestions of last year and this year: the congress with its term and the two
 * yearly sessions (January–February), then the session suggestions (most of them, assigned at the
 * session's assignment meeting) and the recess ones spread over the months up to `now`. Some repeat
 * a matter raised before — the office merges a few of those — so similar suggestions exist.
 */

export interface PlannedSession {
  id: string;
  number: number;
  opensOn: string;
  closesOn: string;
  year: number;
}

export interface PlannedSuggestion {
  sim: SuggestionSim;
  text: SuggestionText;
  categoryCode: string;
  sessionId: string | null;
  leadDeputyId: string;
  createdBy: string | null;
}

export interface CongressPlan {
  congress: { id: string; regionCode: string; level: 'municipal' | 'county'; name: string; motionMinSigners: number };
  term: { id: string; number: number; startsOn: string };
  sessions: PlannedSession[];
  suggestions: PlannedSuggestion[];
}

export interface PlanWorld {
  clock: DemoClock;
  now: Date;
  parties: SuggestionParties;
}

/** Session suggestions' share of a year's; the rest come in the recess. */
const SESSION_SHARE = 0.72;
const REPEAT_SHARE = 0.07;

export function planCongress(rng: Random, world: PlanWorld, pc: PlannedCongress, perYear: number): CongressPlan {
  const { clock, now } = world;
  const year = Number(chinaDate(now).slice(0, 4));
  const startYear = Number(pc.termStartsOn.slice(0, 4));
  const congress = {
    id: uuidFrom(rng),
    regionCode: pc.regionCode,
    level: pc.level,
    name: `${pc.name}人民代表大会`,
    motionMinSigners: 10,
  };
  const term = { id: uuidFrom(rng), number: pc.term, startsOn: pc.termStartsOn };
  const sessions: PlannedSession[] = [year - 1, year].map((y) => {
    const opensOn =
      pc.level === 'municipal' ? `${y}-01-${String(rng.int(8, 20)).padStart(2, '0')}` : addDays(`${y}-01-05`, rng.int(0, 45));
    return { id: uuidFrom(rng), number: y - startYear + 1, opensOn, closesOn: addDays(opensOn, rng.int(2, 4)), year: y };
  });

  const serving = pc.mandates.filter((m) => m.serving);
  const demo = serving.find((m) => world.parties.deputy(m).id !== null);
  const suggestions: PlannedSuggestion[] = [];
  const bySession = new Map<string, PlannedSuggestion[]>();

  const plan = (at: Date, session: PlannedSession | null, batch: { meetingAt: Date | null; label: string | null }) => {
    const lead = demo && rng.chance(0.03) ? demo : rng.pick(serving);
    const own = pc.places.filter((p) => lead.regionCode.startsWith(p.regionPrefix));
    const place = rng.chance(0.6) && own.length ? rng.pick(own) : rng.pick(pc.places);
    // A matter raised before, in this session or earlier: a paraphrase by another deputy.
    const earlier = session ? (bySession.get(session.id) ?? []) : suggestions;
    const repeatOf = rng.chance(REPEAT_SHARE) && earlier.length > 5 ? rng.pick(earlier) : null;
    const notSuggestion = !repeatOf && rng.chance(0.025) ? rng.pick(NOT_SUGGESTIONS) : null;
    let text: SuggestionText;
    if (repeatOf) text = paraphrase(rng, repeatOf.text);
    else {
      const topic = pickTopic(rng, place.rural);
      text = writeSuggestion(rng, topic, place.name, { genericTitle: rng.chance(0.04), crossCategory: rng.chance(0.05) });
      if (notSuggestion) {
        text = {
          ...text,
          title: notSuggestion.title,
          grounds: notSuggestion.text.replaceAll('{place}', place.name),
          proposal: '请予以研究。',
          category: 'other',
        };
      }
    }
    const units = unitsForTopic(pc.units, text.topic);
    const others = serving.filter((m) => m.deputyId !== lead.deputyId);
    const cosigners = rng.chance(0.3) ? rng.shuffle(others).slice(0, rng.int(1, 4)) : [];
    const sim = new SuggestionSim(uuidFrom(rng), pc.regionCode, at, now, clock, rng.fork(`sim:${suggestions.length}`));
    const recent = now.getTime() - at.getTime() < 30 * 86_400_000;
    // The office merges a repeat raised in the same session into the first (both still under review).
    const primary =
      repeatOf && session && repeatOf.sim.c.state !== 'draft' && !repeatOf.sim.c.reject_reason && rng.chance(0.6)
        ? repeatOf.sim
        : null;
    const course: Course = {
      phase: session ? 'session' : 'recess',
      sessionClosesAt: session ? chinaTime(session.closesOn, 17 * 60) : null,
      meetingAt: batch.meetingAt,
      batchLabel: batch.label,
      draftOnly: !session && recent && rng.chance(0.25),
      rejectReason: notSuggestion?.reason ?? null,
      mergeInto: primary && primary.c.merged_into_id === null ? primary : null,
      subject: text.topic.subject,
      year: Number(chinaDate(at).slice(0, 4)),
    };
    playSuggestion(
      sim,
      rng.fork(`story:${suggestions.length}`),
      {
        lead: { deputyId: lead.deputyId, actor: world.parties.deputy(lead) },
        cosigners: cosigners.map((m) => ({ deputyId: m.deputyId, actor: world.parties.deputy(m) })),
        office: world.parties.office(pc.office),
        leadUnit: world.parties.unit(units.lead),
        coUnit: units.co && rng.chance(0.35) ? world.parties.unit(units.co) : null,
      },
      course,
    );
    sim.finish();
    const planned: PlannedSuggestion = {
      sim,
      text,
      categoryCode: text.category,
      sessionId: session?.id ?? null,
      leadDeputyId: lead.deputyId,
      createdBy: world.parties.deputy(lead).id,
    };
    suggestions.push(planned);
    if (session) bySession.set(session.id, [...(bySession.get(session.id) ?? []), planned]);
  };

  for (const [i, s] of sessions.entries()) {
    const count = Math.round(perYear * SESSION_SHARE);
    const opens = chinaTime(s.opensOn, 8 * 60);
    if (opens.getTime() < now.getTime()) {
      const meetingDay = clock.workingDayFrom(addDays(s.closesOn, rng.int(25, 40)));
      const batch = {
        meetingAt: chinaTime(meetingDay, 9 * 60 + 30),
        label: `第${pc.term}届人民代表大会第${s.number}次会议代表建议交办会`,
      };
      // During the session, day by day, in the sittings' hours; in the order they were handed in.
      const days = Array.from({ length: 1 + Math.round((Date.parse(s.closesOn) - Date.parse(s.opensOn)) / 86_400_000) }, (_, k) =>
        addDays(s.opensOn, k),
      );
      const times = Array.from({ length: count }, () => chinaTime(rng.pick(days), rng.int(8 * 60, 21 * 60))).sort(
        (a, b) => a.getTime() - b.getTime(),
      );
      for (const at of times) if (at.getTime() < now.getTime()) plan(at, s, batch);
    }
    // The recess until the next session (or now): working days in office hours.
    const from = Date.parse(`${s.closesOn}T00:00:00+08:00`) + 7 * 86_400_000;
    const next = sessions[i + 1];
    const until = Math.min(now.getTime(), next ? Date.parse(`${next.opensOn}T00:00:00+08:00`) : now.getTime());
    const recessCount = Math.round(
      (perYear * (1 - SESSION_SHARE) * Math.max(0, until - from)) / (365 * 86_400_000 - 40 * 86_400_000),
    );
    // Up to now, some are fresh: the office's queue and the deputies' drafts are never empty.
    const fresh = Math.max(from, now.getTime() - 35 * 86_400_000);
    const times = Array.from({ length: recessCount }, () => {
      const start = !next && rng.chance(0.12) ? fresh : from;
      const day = clock.workingDayFrom(chinaDate(new Date(start + rng.next() * (until - start))));
      return clock.officeHours(day);
    }).sort((a, b) => a.getTime() - b.getTime());
    for (const at of times) if (at.getTime() < now.getTime()) plan(at, null, { meetingAt: null, label: null });
  }
  number(suggestions);
  return { congress, term, sessions, suggestions };
}

/** Registration numbers in the order of acceptance, per session (or the recess) of the term. */
function number(suggestions: PlannedSuggestion[]): void {
  const accepted = suggestions
    .filter((s) => s.sim.c.accepted_at !== null)
    .sort((a, b) => (a.sim.c.accepted_at as Date).getTime() - (b.sim.c.accepted_at as Date).getTime());
  const next = new Map<string, number>();
  for (const s of accepted) {
    const key = s.sessionId ?? 'recess';
    const n = (next.get(key) ?? 0) + 1;
    next.set(key, n);
    s.sim.c.number = n;
    const accept = s.sim.events.find((e) => e.action === 'accept');
    if (accept) accept.data = { ...(accept.data ?? {}), number: n };
  }
}
