import { randomUUID } from 'node:crypto';
import { generatePassword, hashPassword } from '../platform/auth/password.js';
import type { Role } from '../platform/auth/roles.js';
import type { users } from '../platform/platform.tables.js';

export type UserRow = typeof users.$inferInsert & { id: string };

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
}

/** The demo accounts, one per role except sysadmin (that is the `admin` account bootstrap makes). */
export const DEMO_USERNAMES = [
  'demo_deputy',
  'demo_station',
  'demo_office',
  'demo_unit',
  'demo_leader',
  'demo_secadmin',
  'demo_auditor',
] as const;

export interface AccountTargets {
  rootRegionCode: string;
  deputy: { personId: string; name: string; regionCode: string };
  station: { id: string; name: string; regionCode: string };
  office: { id: string; name: string };
  unit: { id: string; name: string };
  standingCommittee: { id: string; name: string };
}

/**
 * Builds the demo accounts with generated passwords that already count as changed, so the
 * passwords printed at first start work as they are. Hashing runs in parallel: scrypt is the
 * slowest part of this step.
 */
export async function planAccounts(t: AccountTargets): Promise<{ rows: UserRow[]; accounts: DemoAccount[] }> {
  const specs: {
    username: (typeof DEMO_USERNAMES)[number];
    role: Role;
    displayName: string;
    regionCode: string;
    extra: Partial<UserRow>;
  }[] = [
    {
      username: 'demo_deputy',
      role: 'deputy',
      displayName: t.deputy.name,
      regionCode: t.deputy.regionCode,
      extra: { personId: t.deputy.personId },
    },
    {
      username: 'demo_station',
      role: 'station_staff',
      displayName: `${t.station.name}联络员`,
      regionCode: t.station.regionCode,
      extra: { stationId: t.station.id },
    },
    {
      username: 'demo_office',
      role: 'office_staff',
      displayName: `${t.office.name}工作人员`,
      regionCode: t.rootRegionCode,
      extra: { organizationId: t.office.id },
    },
    {
      username: 'demo_unit',
      role: 'unit_staff',
      displayName: `${t.unit.name}办理人员`,
      regionCode: t.rootRegionCode,
      extra: { organizationId: t.unit.id },
    },
    {
      username: 'demo_leader',
      role: 'leader',
      displayName: `${t.standingCommittee.name}领导`,
      regionCode: t.rootRegionCode,
      extra: { organizationId: t.standingCommittee.id },
    },
    { username: 'demo_secadmin', role: 'secadmin', displayName: '安全管理员（演示）', regionCode: '', extra: {} },
    { username: 'demo_auditor', role: 'auditor', displayName: '安全审计员（演示）', regionCode: '', extra: {} },
  ];
  const passwords = specs.map(() => generatePassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const now = new Date();
  return {
    rows: specs.map((s, i) => ({
      id: randomUUID(),
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      regionCode: s.regionCode,
      passwordHash: hashes[i] as string,
      mustChangePassword: false,
      passwordChangedAt: now,
      ...s.extra,
    })),
    accounts: specs.map((s, i) => ({ role: s.role, username: s.username, password: passwords[i] as string })),
  };
}

/** How a start or the seed command shows a demo account (the e2e harness reads these lines). */
export const accountLine = (a: { role: string; username: string; password: string }) =>
  `  演示账号 demo account  ${a.role.padEnd(14)} ${a.username.padEnd(16)} ${a.password}`;
