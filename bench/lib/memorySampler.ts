import { readFileSync } from 'node:fs';

export interface MemorySample {
  /** Date.now() of the sample, to line it up with the job's own timestamps. */
  at: number;
  /** Sums over every process of the browser, in bytes. */
  pss: number;
  /**
   * PSS of anonymous and shared-memory pages only. File-backed pages are mostly the Chromium
   * binary's code, shared with every other Chromium on the machine: their PSS share jumps when
   * another browser (a test run next door) starts or quits, though this browser allocated nothing.
   */
  pssAnon: number;
  rss: number;
  processes: number;
}

function kilobytes(text: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}

/**
 * PSS splits pages shared between Chromium's processes (zygote, shared memory for IPC) among
 * them, so the sum counts each page once; RSS sums would count them in every process.
 */
function readProcess(pid: number): { pss: number; pssAnon: number; rss: number } | undefined {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const rss = kilobytes(rollup, 'Rss') ?? 0;
    const pss = kilobytes(rollup, 'Pss') ?? rss;
    const anon = kilobytes(rollup, 'Pss_Anon');
    // Kernels before 5.9 have no split; the total is then the best there is.
    const pssAnon = anon === undefined ? pss : anon + (kilobytes(rollup, 'Pss_Shmem') ?? 0);
    return { pss, pssAnon, rss };
  } catch {
    try {
      const rss = kilobytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS') ?? 0;
      return { pss: rss, pssAnon: rss, rss };
    } catch {
      return undefined; // The process ended between listing and reading.
    }
  }
}

export function sampleMemory(pids: readonly number[]): MemorySample {
  let pss = 0;
  let pssAnon = 0;
  let rss = 0;
  let processes = 0;
  for (const pid of pids) {
    const usage = readProcess(pid);
    if (!usage) continue;
    pss += usage.pss;
    pssAnon += usage.pssAnon;
    rss += usage.rss;
    processes += 1;
  }
  return { at: Date.now(), pss, pssAnon, rss, processes };
}

export interface MemorySampler {
  samples(): readonly MemorySample[];
  stop(): MemorySample[];
}

/** Samples every process of the browser on a timer; `pids` is asked each time, as renderers come and go. */
export function startMemorySampler(pids: () => number[], everyMs = 250): MemorySampler {
  const taken: MemorySample[] = [sampleMemory(pids())];
  const timer = setInterval(() => taken.push(sampleMemory(pids())), everyMs);
  return {
    samples: () => taken,
    stop() {
      clearInterval(timer);
      taken.push(sampleMemory(pids()));
      return taken;
    },
  };
}
