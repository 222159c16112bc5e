/**
 * Readers for Instagram's JSON that never throw: any field may be missing or change type, and a
 * missing detail must not lose the rest of a post.
 */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of an array (anything else in it skipped); [] when it is not an array. */
export function asObjects(value: unknown): JsonObject[] {
  return (asArray(value) ?? []).filter(isObject);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

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
