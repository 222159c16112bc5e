/**
 * The numbers and dates YouTube only shows as English text: "3 weeks ago", "1:07:34",
 * "1,234 views", "Oct 25, 2025". Every parser returns undefined for text it does not recognise.
 */

const UNITS: Record<string, 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'> = {
  s: 'second', sec: 'second', second: 'second',
  m: 'minute', min: 'minute', minute: 'minute',
  h: 'hour', hr: 'hour', hour: 'hour',
  d: 'day', day: 'day',
  w: 'week', wk: 'week', week: 'week',
  mo: 'month', mon: 'month', month: 'month',
  y: 'year', yr: 'year', year: 'year',
};
const SECONDS = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 7 * 86_400 } as const;

/**
 * The moment a relative label points at, counted back from `now`: "13 days ago", "1mo ago",
 * "Streamed 2 weeks ago", "Premiered 1 year ago". Months and years are calendar steps, so the
 * result is as exact as the label (a "1 year ago" video is 12–23 months old).
 */
export function dateFromRelativeText(text: string, now: Date): Date | undefined {
  const match = /(\d+)\s*([a-z]+?)s?\s+ago\b/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || !unit) return undefined;
  const count = Number(match[1]);
  const date = new Date(now.getTime());
  if (unit === 'month') date.setUTCMonth(date.getUTCMonth() - count);
  else if (unit === 'year') date.setUTCFullYear(date.getUTCFullYear() - count);
  else date.setTime(date.getTime() - count * SECONDS[unit] * 1000);
  return date;
}

/** "1:07:34" → 4054, "3:31" → 211. */
export function secondsFromDuration(text: string | undefined): number | undefined {
  if (!text || !/^\d+(:\d\d){1,2}$/.test(text.trim())) return undefined;
  return text.trim().split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** "1,234 views" → 1234, "No views" → 0; rounded labels ("1.2K views") are not counts. */
export function countFromText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^no views?$/i.test(text.trim())) return 0;
  const match = /^([\d,]+)\s+(views?|watching)$/i.exec(text.trim());
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The day of a watch page's date line ("Oct 25, 2025", "25 Oct 2025", "Streamed live on Oct 25,
 * 2025", "Premiered …"), as YYYY-MM-DD.
 */
export function dayFromDateText(text: string): string | undefined {
  const us = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})/.exec(text);
  const uk = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(text);
  const [month, day, year] = us ? [us[1], us[2], us[3]] : uk ? [uk[2], uk[1], uk[3]] : [];
  const index = MONTHS.indexOf((month ?? '').toLowerCase());
  if (index === -1 || !day || !year) return undefined;
  return `${year}-${String(index + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}
