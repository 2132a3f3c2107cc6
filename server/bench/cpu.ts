import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent per request, read from /proc (Linux): the server process's (with PGlite, the
 * database runs inside it) and every local PostgreSQL process's. On a machine whose throughput
 * varies from run to run by a third (other tenants, two shared cores), the CPU a request costs is
 * the steadier figure. The PostgreSQL sum counts every backend of the server, so nothing else may
 * use that server during a run; a remote database shows as null.
 */
const TICKS_PER_SECOND = 100;

/**
 * utime and stime (fields 14 and 15), with `children` also cutime and cstime (16 and 17): what the
 * process's exited children used, so a backend that ends during a run is still counted (the
 * postmaster reaps it). The command name (field 2) may hold spaces: fields are counted from its ')'.
 */
function ticksOf(pid: string | number, children = false): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const own = Number(fields[11]) + Number(fields[12]);
    return children ? own + Number(fields[13]) + Number(fields[14]) : own;
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
    total += ticksOf(pid, true) ?? 0;
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
