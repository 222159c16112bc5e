/** Fills `bytes` with random values; crypto.getRandomValues in production, fixed bytes in tests. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const cryptoRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/**
 * `YYYYMMDD-xxxxxx`: the UTC day first so ids (and the folders and ZIPs named after them) sort
 * by date, then 24 random bits so two jobs of the same day do not collide.
 */
export function newJobId(now: Date, random: RandomBytes = cryptoRandom): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const hex = Array.from(random(new Uint8Array(3)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${day}-${hex}`;
}
