/**
 * Readers for platform JSON that never throw: any field may be missing or change type, and a
 * missing detail must not lose the rest of a post. What a missing value means is the caller's call.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The objects of an array (anything else in it skipped); [] when it is not an array. */
export function asObjects(value: unknown): JsonObject[] {
  return (asArray(value) ?? []).filter(isObject);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * How a number sent as text may look: `decimal` takes a sign and a fraction (`-1.5`); `digits`
 * only an unsigned integer, for APIs that send counts and lengths as text and nothing else.
 */
export type NumericText = 'decimal' | 'digits';

const NUMERIC_TEXT: Record<NumericText, RegExp> = { decimal: /^-?\d+(\.\d+)?$/, digits: /^\d+$/ };

export function asNumber(value: unknown, text: NumericText = 'decimal'): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMERIC_TEXT[text].test(value)) return Number(value);
  return undefined;
}

/**
 * The value at `path` through nested objects and arrays, or undefined. An array is indexed by a
 * number or by digits in a string, so paths kept as data (all strings) can reach into lists.
 */
export function dig(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && (typeof key === 'number' || /^\d+$/.test(key))) current = current[Number(key)];
    else if (isObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/** The first of several paths that holds a value `read` accepts. */
export function digFirst<T>(value: unknown, paths: readonly (readonly string[])[], read: (found: unknown) => T | undefined): T | undefined {
  for (const path of paths) {
    const found = read(dig(value, ...path));
    if (found !== undefined) return found;
  }
  return undefined;
}
