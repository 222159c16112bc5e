/**
 * Readers for InnerTube JSON that never throw: YouTube renames and moves fields often, and a
 * missing detail must not lose the rest of a video.
 */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The objects of an array (anything else in it skipped); [] when it is not an array. */
export function asObjects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.map(asObject).filter((entry): entry is JsonObject => entry !== undefined) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Follows a path of keys (and array indexes) through nested objects. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = asObject(current)?.[key];
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * The text of any of YouTube's text shapes: `{simpleText}`, `{runs:[{text}]}` (older renderers)
 * and `{content}` (view models), or a plain string.
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  const object = asObject(value);
  if (!object) return undefined;
  const simple = asString(object.simpleText) ?? asString(object.content);
  if (simple) return simple;
  const runs = asObjects(object.runs).map((run) => (typeof run.text === 'string' ? run.text : ''));
  return runs.join('') || undefined;
}
