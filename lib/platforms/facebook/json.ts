/**
 * Readers for Facebook's JSON that never throw: any field may be missing or change type, and what
 * is missing is decided by the caller (a missing caption is fine, a missing list is a change).
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asObjects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** Facebook sends ids as strings; a number that lost digits to JSON.parse is refused. */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return undefined;
}

/** The value at `path` (object keys, or array indexes written as digits), or undefined. */
export function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/** The first of several paths that holds a value of the wanted kind. */
export function firstAt<T>(value: unknown, paths: readonly (readonly string[])[], read: (v: unknown) => T | undefined): T | undefined {
  for (const path of paths) {
    const found = read(at(value, path));
    if (found !== undefined) return found;
  }
  return undefined;
}
