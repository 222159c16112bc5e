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

/** A media pk: `pk` when exact, else the first half of `id` ("<pk>_<owner id>"). */
export function mediaPk(media: JsonObject): string | undefined {
  const pk = asId(media.pk);
  if (pk) return pk;
  const id = asString(media.id);
  const match = id ? /^(\d+)(?:_\d+)?$/.exec(id) : null;
  return match?.[1];
}

/** A user id from whichever of `pk_id`, `pk`, `id` is exact. */
export function userId(user: JsonObject): string | undefined {
  return asId(user.pk_id) ?? asId(user.pk) ?? asId(user.id);
}
