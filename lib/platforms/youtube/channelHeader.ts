import { asNumber, asObject, type JsonObject } from '../shared/jsonReaders';
import { textOf } from './json';

/** "1,234 videos" in the page header (view-model header, or the older c4 header); rounded counts are not used. */
export function headerVideoCount(body: JsonObject): number | undefined {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    const object = asObject(value);
    if (!object) return;
    const text = textOf(object.text) ?? textOf(object.videosCountText);
    if (text) texts.push(text);
    Object.values(object).forEach(visit);
  };
  visit(body.header);
  const match = texts.map((text) => /^([\d,]+)\s+videos?$/.exec(text.trim())).find(Boolean);
  return match ? asNumber(match[1]!.replace(/,/g, ''), 'digits') : undefined;
}
