import { asObject, asObjects, asString } from '../shared/jsonReaders';

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
