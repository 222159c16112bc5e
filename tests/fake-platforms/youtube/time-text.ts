/** YouTube's ways of writing a time: Pacific-time ISO dates, "Oct 25, 2025", "3 weeks ago", "1:07:34", "1.2K views". */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** US daylight time: from the second Sunday of March, 2:00, to the first Sunday of November, 2:00 (local). */
function pacificOffsetHours(unix: number): number {
  const year = new Date(unix * 1000).getUTCFullYear();
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  };
  const start = Date.UTC(year, 2, nthSunday(2, 2), 10) / 1000; // 2:00 PST = 10:00 UTC
  const end = Date.UTC(year, 10, nthSunday(10, 1), 9) / 1000; // 2:00 PDT = 09:00 UTC
  return unix >= start && unix < end ? -7 : -8;
}

function pacific(unix: number): { local: Date; offset: number } {
  const offset = pacificOffsetHours(unix);
  return { local: new Date((unix + offset * 3600) * 1000), offset };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What playerMicroformatRenderer.publishDate says: "2025-10-25T08:33:05-07:00". */
export function pacificIso(unix: number): string {
  const { local, offset } = pacific(unix);
  return `${local.toISOString().slice(0, 19)}-${pad(-offset)}:00`;
}

/** The watch page's date line for hl=en: "Oct 25, 2025". */
export function pacificDateText(unix: number): string {
  const { local } = pacific(unix);
  return `${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()}, ${local.getUTCFullYear()}`;
}

/** "13 days ago", "1 month ago": the largest unit that fits, as the grid writes it. */
export function relativeLabel(unix: number, nowSeconds: number): string {
  const seconds = Math.max(1, Math.floor(nowSeconds - unix));
  const days = Math.floor(seconds / 86_400);
  const [count, unit] =
    days >= 365 ? [Math.floor(days / 365), 'year']
    : days >= 30 ? [Math.floor(days / 30), 'month']
    : days >= 7 ? [Math.floor(days / 7), 'week']
    : days >= 1 ? [days, 'day']
    : seconds >= 3600 ? [Math.floor(seconds / 3600), 'hour']
    : seconds >= 60 ? [Math.floor(seconds / 60), 'minute']
    : [seconds, 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** "3:31", "1:07:34". */
export function durationText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The grid's rounded count: "No views", "1 view", "935 views", "1.2K views", "3.4M views". */
export function shortViews(count: number): string {
  if (count === 0) return 'No views';
  if (count === 1) return '1 view';
  if (count < 1000) return `${count} views`;
  const [value, suffix] = count < 1_000_000 ? [count / 1000, 'K'] : [count / 1_000_000, 'M'];
  return `${value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value)}${suffix} views`;
}

/** The watch page's exact count: "1,234 views". */
export function longViews(count: number): string {
  return `${count.toLocaleString('en-US')} view${count === 1 ? '' : 's'}`;
}
