import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Chromium processes started for one profile, found by the `--user-data-dir` Playwright passes to
 * the browser process, plus every descendant (renderers, zygotes, GPU and utility processes do not
 * carry the flag). Linux only: elsewhere there is no /proc and this finds nothing.
 */
export function chromiumPidsFor(userDataDir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const parentOf = new Map<number, number>();
  const roots: number[] = [];
  const flag = `--user-data-dir=${userDataDir}`;
  for (const name of entries) {
    const pid = Number(name);
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(flag)) roots.push(pid);
      // The command name in /proc/<pid>/stat is parenthesized and may contain spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(pid, ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** SIGKILLs the given processes; returns the ones that were still alive. */
export function killPids(pids: number[]): number[] {
  const killed: number[] = [];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // Already gone.
    }
  }
  return killed;
}

/** Resolves with the promise's value, or undefined once `ms` passed (the promise is left to settle). */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const stop = new AbortController();
  const expired = delay(ms, undefined, { signal: stop.signal }).catch(() => undefined);
  try {
    return await Promise.race([promise, expired]);
  } finally {
    stop.abort();
  }
}
