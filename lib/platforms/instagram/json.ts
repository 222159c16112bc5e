import { asString, type JsonObject } from '../shared/jsonReaders';

/**
 * An id as a string. Ids above 2^53 (every media pk) lose digits once JSON.parse made them a
 * number, so an unsafe number is refused and the caller falls back to a string form.
 */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/**
 * A media pk: digits only, the one form of media id that may become part of an API path (`..`
 * or `/` in any other text would name another endpoint, whatever the encoding).
 */
export type MediaPk = string & { readonly brand: 'MediaPk' };

export function asMediaPk(id: string): MediaPk | undefined {
  return asId(id) as MediaPk | undefined;
}

/** A media pk: `pk` when exact, else the first half of `id` ("<pk>_<owner id>"). */
export function mediaPk(media: JsonObject): MediaPk | undefined {
  const pk = asId(media.pk);
  if (pk) return pk as MediaPk;
  const id = asString(media.id);
  const match = id ? /^(\d+)(?:_\d+)?$/.exec(id) : null;
  return match?.[1] as MediaPk | undefined;
}

/** The id exactly as sent, whatever it looks like: `pk` text, else `id` text. */
export function rawMediaId(media: JsonObject): string | undefined {
  return asString(media.pk) ?? asString(media.id);
}

/**
 * The id a media is listed under: its pk, else the id as sent. A broken or hostile answer is
 * still the user's content, so it is kept under that id (the ZIP layout makes any id a safe
 * name) rather than left out; only a pk is ever sent back to the API.
 */
export function listedId(media: JsonObject): string | undefined {
  return mediaPk(media) ?? rawMediaId(media);
}

/** A user id from whichever of `pk_id`, `pk`, `id` is exact. */
export function userId(user: JsonObject): string | undefined {
  return asId(user.pk_id) ?? asId(user.pk) ?? asId(user.id);
}
