/**
 * Google's partial-response field masks (`$fields=a,b(c,d/e)`), enough of them for what clients
 * send: names, sub-selections in parentheses, and `/` paths. Arrays are masked element by element.
 */

type Mask = Map<string, Mask | true>;

export function parseFieldMask(text: string): Mask | undefined {
  let at = 0;
  // item := name ( '/' item | '(' list ')' )?   list := item (',' item)*
  const item = (): Mask | undefined => {
    const name = /^[A-Za-z_]\w*/.exec(text.slice(at))?.[0];
    if (!name) return undefined;
    at += name.length;
    let sub: Mask | true | undefined = true;
    if (text[at] === '/') {
      at++;
      sub = item();
    } else if (text[at] === '(') {
      at++;
      sub = list();
      if (text[at++] !== ')') return undefined;
    }
    return sub && new Map([[name, sub]]);
  };
  const list = (): Mask | undefined => {
    let mask: Mask = new Map();
    do {
      const next = item();
      if (!next) return undefined;
      mask = merge(mask, next) as Mask;
    } while (text[at] === ',' && ++at);
    return mask;
  };
  const mask = list();
  return mask && at === text.length ? mask : undefined;
}

function merge(a: Mask | true | undefined, b: Mask | true): Mask | true {
  if (a === undefined) return b;
  if (a === true || b === true) return true;
  const merged: Mask = new Map(a);
  for (const [key, value] of b) merged.set(key, merge(merged.get(key), value));
  return merged;
}

export function applyFieldMask(value: unknown, mask: Mask): unknown {
  if (Array.isArray(value)) return value.map((entry) => applyFieldMask(entry, mask));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = sub === true ? field : applyFieldMask(field, sub);
  }
  return out;
}
