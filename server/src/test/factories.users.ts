import type { Executor } from '../db/client.js';
import { persons } from '../modules/deputies/deputies.tables.js';
import { organizations } from '../modules/organizations/organizations.tables.js';
import { stations } from '../modules/stations/stations.tables.js';
import { pinyinKeys } from '../platform/text.js';
import { uniq } from './factories.js';

// The smallest rows an account can be attached to: the accounts tests need them, not their details.

export async function buildOrganizationForAccount(
  db: Executor,
  o: { category: 'congress' | 'unit'; regionCode?: string; status?: 'active' | 'inactive' },
) {
  const name = `${o.category === 'unit' ? '测试承办单位' : '测试人大机关'}${uniq()}`;
  const [row] = await db
    .insert(organizations)
    .values({
      regionCode: o.regionCode ?? '2301',
      category: o.category,
      kind: o.category === 'unit' ? 'government_department' : 'office',
      name,
      status: o.status ?? 'active',
      ...pinyinKeys(name),
    })
    .returning();
  if (!row) throw new Error('organization not created');
  return row;
}

export async function buildStationForAccount(db: Executor, o: { regionCode?: string } = {}) {
  const name = `测试联络站${uniq()}`;
  const [row] = await db
    .insert(stations)
    .values({ code: uniq('ST'), name, type: 'station', tier: 'basic', regionCode: o.regionCode ?? '230102', ...pinyinKeys(name) })
    .returning();
  if (!row) throw new Error('station not created');
  return row;
}

export async function buildPersonForAccount(db: Executor, o: { regionCode?: string } = {}) {
  const name = `测试代表${uniq()}`;
  const [row] = await db
    .insert(persons)
    .values({ regionCode: o.regionCode ?? '230102', name, ...pinyinKeys(name) })
    .returning();
  if (!row) throw new Error('person not created');
  return row;
}
