import type { MediaPk } from './json';

/** The web app's shortcode alphabet: a shortcode is the media pk written in base 64 with it. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A post's shortcode from its pk (pks exceed 2^53, hence BigInt). */
export function shortcodeOf(pk: MediaPk): string {
  let value = BigInt(pk);
  const base = BigInt(ALPHABET.length);
  let code = '';
  do {
    code = ALPHABET[Number(value % base)] + code;
    value /= base;
  } while (value > 0n);
  return code;
}
