import { asNumber, asObjects, asString, dig, isObject, type JsonObject } from '../shared/jsonReaders';

/**
 * The framing of Facebook's answers: an optional `for (;;);` guard, then one JSON object per line.
 * The first line holds `data`; later lines are Relay's deferred parts, `{label, path, data}`,
 * whose `data` belongs inside the first one at `path`; the last says `extensions.is_final: true`.
 */

const GUARD = 'for (;;);';

export interface GraphqlPayload {
  /** The first part's `data` with every deferred part merged in; null or undefined when none came. */
  data: unknown;
  errors: JsonObject[];
  /** An ajax-level failure (`{"__ar":1,"error":1357004,…}`): the request was refused as a whole. */
  ajaxError?: { code: number; summary?: string };
}

/** The JSON objects of a body, or undefined when it is not JSON at all (an HTML page). */
export function splitParts(text: string): JsonObject[] | undefined {
  let body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith(GUARD)) body = body.slice(GUARD.length);
  const lines = body.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  try {
    const parts = lines.map((line) => JSON.parse(line) as unknown);
    return parts.every(isObject) ? parts : undefined;
  } catch {
    // One object pretty-printed over several lines.
    try {
      const whole = JSON.parse(body) as unknown;
      return isObject(whole) ? [whole] : undefined;
    } catch {
      return undefined;
    }
  }
}

export function mergeParts(parts: JsonObject[]): GraphqlPayload {
  const [first, ...rest] = parts;
  const payload: GraphqlPayload = { data: first?.data, errors: parts.flatMap((part) => asObjects(part.errors)) };
  const code = asNumber(first?.error);
  if (first && code !== undefined) payload.ajaxError = { code, summary: asString(first.errorSummary) };
  for (const part of rest) {
    if (!isObject(part.data)) continue;
    const path = Array.isArray(part.path) ? part.path.map(String) : undefined;
    if (path === undefined && !isObject(payload.data)) {
      payload.data = part.data;
      continue;
    }
    const target = dig(payload.data, ...(path ?? []));
    if (isObject(target)) mergeInto(target, part.data);
  }
  return payload;
}

function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) mergeInto(existing, value);
    else target[key] = value;
  }
}
