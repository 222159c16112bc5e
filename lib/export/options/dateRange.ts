/** A date range in epoch ms: `from` inclusive, `until` exclusive (the midnight after the "To" day). */
export interface TimeRange {
  from?: number;
  until?: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** How far `zone`'s wall clock is ahead of UTC at instant `at`, in ms. */
function zoneOffset(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - (at - (at % 1000));
}

/** The instant a day begins in `zone`, `dayOffset` days after `day`. */
export function startOfDay(day: string, zone: string, dayOffset = 0): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d + dayOffset);
  // The offset at the wall time itself can differ from the one at the instant across a DST change: ask twice.
  const first = wallMidnight - zoneOffset(wallMidnight, zone);
  return wallMidnight - zoneOffset(first, zone);
}

/** The instants a "From"/"To" pair of days covers in the user's time zone (UTC when none was given). */
export function timeRange(options: { dateFrom?: string; dateTo?: string; timeZone?: string }): TimeRange {
  const zone = options.timeZone ?? 'UTC';
  return {
    ...(options.dateFrom ? { from: startOfDay(options.dateFrom, zone) } : {}),
    ...(options.dateTo ? { until: startOfDay(options.dateTo, zone, 1) } : {}),
  };
}
