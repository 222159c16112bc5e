/** The hour a parked job carries on: the morning after, when the user may be around to see it. */
const PARK_UNTIL_HOUR = 9;

/**
 * When a job parked now carries on: 09:00 local time the next day. A platform that warned again
 * and again has flagged the session; a night's rest is what users of the peers found lifts it.
 */
export function parkedUntil(now: Date): Date {
  const until = new Date(now);
  until.setDate(until.getDate() + 1);
  until.setHours(PARK_UNTIL_HOUR, 0, 0, 0);
  return until;
}
