import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent per request, read from /proc (Linux): the server process's (with PGlite, the
 * database runs inside it) and every local PostgreSQL process's. On a machine whose throughput
 * varies from run to run by a third (other tenants, two shared cores), the CPU a request costs is
 * the steadier figure. The PostgreSQL sum counts every backend of the server, so nothing else may
 * use that server during a run; a remote database shows as null.
 */
const TICKS_PER_SECOND = 100;

function ticksOf(pid: string | number): number | null {
  try {
    // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count from its ')'.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function postgresTicks(): number | null {
  let total = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue;
    }
    total += ticksOf(pid) ?? 0;
    found = true;
  }
  return found ? total : null;
}

export interface CpuSnapshot {
  server: number | null;
  database: number | null;
}

export const cpuSnapshot = (serverPid: number, withPostgres: boolean): CpuSnapshot => ({
  server: ticksOf(serverPid),
  database: withPostgres ? postgresTicks() : null,
});

/** Milliseconds of CPU per request between two snapshots. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  const ms = (a: number | null, b: number | null) =>
    a === null || b === null || requests === 0 ? null : ((b - a) * 1000) / TICKS_PER_SECOND / requests;
  return { server: ms(before.server, after.server), database: ms(before.database, after.database) };
}
