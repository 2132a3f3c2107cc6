import type { SimActor } from './opinionCase.js';
import type { Random } from './random.js';

/**
 * The people and units of the demo's cases: who acts for a station, an office, a unit, and which
 * handling unit a case of a category goes to. Demo accounts act under their own ids, so their
 * workbenches and timelines show their own work; everyone else acts by name only.
 */

export interface DemoAccountIds {
  deputy: { userId: string; personId: string };
  station: { userId: string; stationId: string };
  office: { userId: string; organizationId: string; name: string };
  unit: { userId: string; organizationId: string };
  leader: { userId: string; name: string };
}

/** An organization as the demo's cases need it. */
export interface DemoOrganization {
  id: string;
  regionCode: string;
  category: string;
  kind: string;
  name: string;
  shortName: string | null;
}

export class PartyBook {
  private readonly unitsByRegion = new Map<string, DemoOrganization[]>();
  private readonly officeByRegion = new Map<string, DemoOrganization>();

  constructor(
    organizations: readonly DemoOrganization[],
    readonly accounts: DemoAccountIds,
  ) {
    for (const o of organizations) {
      if (o.category === 'unit') {
        const list = this.unitsByRegion.get(o.regionCode) ?? [];
        list.push(o);
        this.unitsByRegion.set(o.regionCode, list);
      } else if (o.kind === 'office' && !this.officeByRegion.has(o.regionCode)) {
        this.officeByRegion.set(o.regionCode, o);
      }
    }
  }

  deputy(personId: string, name: string): SimActor {
    return { id: personId === this.accounts.deputy.personId ? this.accounts.deputy.userId : null, role: 'deputy', name };
  }

  station(station: { id: string; name: string }): SimActor {
    return {
      id: station.id === this.accounts.station.stationId ? this.accounts.station.userId : null,
      role: 'station_staff',
      name: `${station.name}联络员`,
    };
  }

  /** The county's office, or now and then the root office whose demo account then acts. */
  office(rng: Random, countyCode: string): SimActor {
    const county = this.officeByRegion.get(countyCode);
    if (!county || rng.chance(0.25))
      return { id: this.accounts.office.userId, role: 'office_staff', name: this.accounts.office.name };
    return { id: null, role: 'office_staff', name: `${county.name}工作人员` };
  }

  leader(): SimActor {
    return { id: this.accounts.leader.userId, role: 'leader', name: this.accounts.leader.name };
  }

  unitActor(unit: DemoOrganization): SimActor {
    return {
      id: unit.id === this.accounts.unit.organizationId ? this.accounts.unit.userId : null,
      role: 'unit_staff',
      name: `${unit.shortName ?? unit.name}办理人员`,
    };
  }

  /**
   * The handling unit for a case of `regionCode` whose category names `words`: most go to the
   * county's departments, some to the township government or street office, some to the city's
   * (which holds the utilities) or the province's. Falls back along the region line.
   */
  unitFor(rng: Random, regionCode: string, words: readonly string[], except: ReadonlySet<string> = new Set()): DemoOrganization {
    const levels = [
      regionCode.slice(0, 6),
      regionCode.length > 6 ? regionCode : null,
      regionCode.slice(0, 4),
      regionCode.slice(0, 2),
    ];
    const order = rng.weighted<number[]>([
      [[0, 1, 2, 3], 55],
      [[1, 0, 2, 3], 20],
      [[2, 0, 1, 3], 20],
      [[3, 2, 0, 1], 5],
    ]);
    for (const word of words) {
      for (const i of order) {
        const code = levels[i];
        const found = code ? this.unitsByRegion.get(code)?.find((u) => u.name.includes(word) && !except.has(u.id)) : undefined;
        if (found) return found;
      }
    }
    for (const i of [0, 1, 2, 3]) {
      const code = levels[i];
      const any = code ? this.unitsByRegion.get(code)?.find((u) => !except.has(u.id)) : undefined;
      if (any) return any;
    }
    throw new Error(`no handling unit for region ${regionCode}`);
  }
}
