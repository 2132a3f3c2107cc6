import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deputies, persons } from '../modules/deputies/deputies.tables.js';
import { auditEvents } from '../platform/platform.tables.js';
import type { Geography } from './geography.js';
import type { DemoAccountIds, DemoOrganization } from './opinionParties.js';
import type { SimActor } from './suggestionSim.js';
import type { UnitRef } from './suggestionStory.js';
import type { Topic } from './suggestionTexts.js';

/**
 * What the demo's suggestions are planned on: the congresses the base demo's mandates belong to,
 * their deputies and their handling units, read back from the database in an order that does not
 * depend on generated ids (as opinionWorld.ts does for the opinions).
 */

export interface DemoMandate {
  deputyId: string;
  personId: string;
  name: string;
  regionCode: string;
  term: number;
  serving: boolean;
}

export interface PlannedCongress {
  regionCode: string;
  level: 'municipal' | 'county';
  name: string;
  term: number;
  termStartsOn: string;
  mandates: DemoMandate[];
  units: DemoOrganization[];
  office: DemoOrganization;
  /** Place names a suggestion of this congress is about, with whether they are rural. */
  places: { name: string; rural: boolean; regionPrefix: string }[];
}

export async function suggestionsSeeded(db: Executor): Promise<boolean> {
  const found = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'demo.suggestions'))
    .limit(1);
  return found.length > 0;
}

/** The serving and former municipal and county mandates under the region, in a stable order. */
export function loadMandates(db: Executor, regionCode: string) {
  return db
    .select({
      deputyId: deputies.id,
      personId: persons.id,
      name: persons.name,
      level: deputies.level,
      congressRegionCode: deputies.congressRegionCode,
      regionCode: deputies.regionCode,
      term: deputies.term,
      startedOn: deputies.startedOn,
      status: deputies.status,
    })
    .from(deputies)
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(and(inArray(deputies.level, ['municipal', 'county']), like(deputies.regionCode, `${regionCode}%`)))
    .orderBy(asc(deputies.congressRegionCode), asc(persons.idNumberHash), asc(deputies.level));
}

/**
 * The municipal and county congresses the demo's mandates sit in, each with its handling units and
 * office. A congress whose units the base demo did not build (a city when the demo covers only one
 * of its districts) is left out: nothing could be assigned there.
 */
export function planCongresses(
  geo: Geography,
  mandates: Awaited<ReturnType<typeof loadMandates>>,
  organizations: readonly DemoOrganization[],
): PlannedCongress[] {
  const out: PlannedCongress[] = [];
  const groups = new Map<string, typeof mandates>();
  for (const m of mandates) {
    if (m.level !== 'municipal' && m.level !== 'county') continue;
    const key = `${m.level}:${m.congressRegionCode}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [key, list] of groups) {
    const [level, code] = key.split(':') as ['municipal' | 'county', string];
    const units = organizations.filter((o) => o.category === 'unit' && o.regionCode === code && o.kind !== 'other_unit');
    const office = organizations.find((o) => o.regionCode === code && o.kind === 'office');
    const first = list[0];
    if (units.length === 0 || !office || !first) continue;
    const started = list.map((m) => m.startedOn ?? '9999-12-31').reduce((a, b) => (b < a ? b : a));
    const counties = geo.counties.filter((c) => c.code.startsWith(code));
    const name = level === 'municipal' ? counties[0]?.city.name : counties[0]?.name;
    if (!name) continue;
    const places =
      level === 'municipal'
        ? counties.map((c) => ({ name: c.name, rural: !c.name.endsWith('区'), regionPrefix: c.code }))
        : (counties[0]?.townships ?? []).map((t) => ({
            name: t.name.replace(/办事处$/, ''),
            rural: !t.street,
            regionPrefix: t.code,
          }));
    out.push({
      regionCode: code,
      level,
      name,
      term: first.term,
      termStartsOn: started,
      mandates: list.map((m) => ({
        deputyId: m.deputyId,
        personId: m.personId,
        name: m.name,
        regionCode: m.regionCode,
        term: m.term,
        serving: m.status === 'serving',
      })),
      units,
      office,
      places,
    });
  }
  return out.sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/** Who acts for units and offices: the demo accounts under their own ids, everyone else by name. */
export class SuggestionParties {
  constructor(readonly accounts: DemoAccountIds) {}

  deputy(m: Pick<DemoMandate, 'personId' | 'name'>): SimActor {
    return {
      id: m.personId === this.accounts.deputy.personId ? this.accounts.deputy.userId : null,
      role: 'deputy',
      name: m.name,
    };
  }

  office(o: DemoOrganization): SimActor {
    return {
      id: o.id === this.accounts.office.organizationId ? this.accounts.office.userId : null,
      role: 'office_staff',
      name: o.name,
    };
  }

  unit(o: DemoOrganization): UnitRef {
    return {
      id: o.id,
      name: o.name,
      actor: {
        id: o.id === this.accounts.unit.organizationId ? this.accounts.unit.userId : null,
        role: 'unit_staff',
        name: o.name,
      },
    };
  }
}

/** The unit whose name carries the first of the words that any unit of the congress carries. */
export function unitFor(units: readonly DemoOrganization[], words: readonly string[]): DemoOrganization | undefined {
  for (const w of words) {
    const found = units.find((u) => u.name.includes(w));
    if (found) return found;
  }
  return undefined;
}

/** A topic's lead and (optional) co unit among a congress's units. */
export function unitsForTopic(units: readonly DemoOrganization[], topic: Topic) {
  const lead = unitFor(units, topic.lead) ?? unitFor(units, topic.co ?? []) ?? unitFor(units, ['发展和改革']) ?? units[0];
  const co = unitFor(
    units.filter((u) => u.id !== lead?.id),
    topic.co ?? [],
  );
  return { lead: lead as DemoOrganization, co: co ?? null };
}
