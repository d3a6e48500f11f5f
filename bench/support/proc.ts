/** CPU accounting from /proc (Linux) for benchmarks: a process, and a Postgres cluster as a whole. */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) of one process and of its reaped children, or null. */
export function procCpu(pid: number | undefined): { self: number; children: number } | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = 100; // USER_HZ
    return { self: (Number(f[11]) + Number(f[12])) / tick, children: (Number(f[13]) + Number(f[14])) / tick };
  } catch {
    return null;
  }
}

/** CPU seconds of a whole Postgres: the postmaster, what it reaped, and every live backend. */
export function postgresCpu(postmasterPid: number | undefined): number | null {
  const pm = procCpu(postmasterPid);
  if (!pm) return null;
  let total = pm.self + pm.children;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmasterPid) total += procCpu(Number(d))?.self ?? 0;
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}
