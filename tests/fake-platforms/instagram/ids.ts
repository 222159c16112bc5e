/**
 * Instagram's id scheme: media pks are snowflakes (ms since Instagram's epoch << 23 | shard << 10 |
 * sequence), so they sort by time and look like the real 19-digit ones; shortcodes are the pk in
 * base 64 with Instagram's URL-safe alphabet.
 */

const INSTAGRAM_EPOCH_MS = 1_314_220_021_721n;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function mediaPk(takenAtSeconds: number, ownerPk: string, sequence: number): string {
  const ms = BigInt(takenAtSeconds) * 1000n - INSTAGRAM_EPOCH_MS;
  const shard = BigInt(ownerPk) % 2000n;
  return ((ms << 23n) | (shard << 10n) | BigInt(sequence % 1024)).toString();
}

export function shortcode(pk: string): string {
  let value = BigInt(pk);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 64n)] + out;
    value /= 64n;
  }
  return out || 'A';
}

export function pkFromShortcode(code: string): string | undefined {
  let value = 0n;
  for (const char of code) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 64n + BigInt(digit);
  }
  return value.toString();
}
