import type { RequestLogEntry } from '../../tests/fake-platforms/types';

export interface MediaStageTiming {
  files: number;
  /** First media request's arrival to the last media response's end, as the fake saw them. */
  spanMs: number;
  durationsMs: number[];
  /** Most media responses open at once, swept from the log's own intervals. */
  maxInFlight: number;
  /** Time-weighted mean of media responses open during the span. */
  meanInFlight: number;
}

export function mediaEntries(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((e) => e.kind === 'media');
}

/** When the fake sent the last byte of any media response, on its own clock (ms since it started). */
export function lastMediaByteAt(log: readonly RequestLogEntry[]): number {
  const media = mediaEntries(log);
  if (media.length === 0) throw new Error('The fake served no media.');
  return Math.max(...media.map((e) => e.at + e.durationMs));
}

export function mediaStageTiming(log: readonly RequestLogEntry[]): MediaStageTiming {
  const media = mediaEntries(log);
  if (media.length === 0) return { files: 0, spanMs: 0, durationsMs: [], maxInFlight: 0, meanInFlight: 0 };
  const start = Math.min(...media.map((e) => e.at));
  const end = Math.max(...media.map((e) => e.at + e.durationMs));
  const events = media.flatMap((e) => [
    { at: e.at, delta: 1 },
    { at: e.at + e.durationMs, delta: -1 },
  ]);
  // A response ending in the same millisecond another begins did not overlap it.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let maxInFlight = 0;
  for (const event of events) {
    open += event.delta;
    maxInFlight = Math.max(maxInFlight, open);
  }
  const durationsMs = media.map((e) => e.durationMs);
  const busy = durationsMs.reduce((sum, d) => sum + d, 0);
  const spanMs = end - start;
  return { files: media.length, spanMs, durationsMs, maxInFlight, meanInFlight: spanMs > 0 ? busy / spanMs : 0 };
}

/** Platform API calls (not page loads, not media), by endpoint with ids folded, e.g. `/api/v1/feed/user/{id}/`. */
export function apiCallsByEndpoint(log: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of log) {
    if (entry.kind !== 'api') continue;
    const path = entry.path.split('?')[0] ?? '';
    if (!/^\/(api|graphql|web\/search)\//.test(path)) continue;
    const key = `${entry.method} ${path.replace(/\/\d+(?=\/)/g, '/{id}')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
