import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../lib/platforms/shared/jsonReaders';
import { isOptionalString, isOptionalTrue, isStringArray, opaqueCursorCodec } from '../../../../lib/platforms/shared/opaqueCursor';

interface Position {
  page: number;
  token?: string;
}

class Unreadable extends Error {}

const codec = opaqueCursorCodec<Position>({
  first: () => ({ page: 1 }),
  isCursor: (cursor: JsonObject) => typeof cursor.page === 'number' && isOptionalString(cursor.token),
  unreadable: () => new Unreadable('cannot resume'),
});

describe('opaqueCursorCodec', () => {
  it('starts from the first position when nothing was stored', () => {
    expect(codec.decode(null)).toEqual({ page: 1 });
  });

  it.each<[string, Position]>([
    ['a position with every field', { page: 3, token: 'abc' }],
    ['a position without its optional field', { page: 2 }],
  ])('reads back %s', (_name, position) => {
    expect(codec.decode(codec.encode(position))).toEqual(position);
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['an empty string', ''],
    ['JSON null', 'null'],
    ['a JSON array', '[{"page":1}]'],
    ['a JSON number', '3'],
    ['an object this adapter did not write', '{"tab":"videos"}'],
    ['a field of the wrong type', '{"page":2,"token":7}'],
  ])('refuses %s with the adapter’s error', (_name, text) => {
    expect(() => codec.decode(text)).toThrow(Unreadable);
  });
});

describe('cursor field checks', () => {
  const checks = { isOptionalString, isOptionalTrue, isStringArray };

  it.each<[keyof typeof checks, unknown, boolean]>([
    ['isOptionalString', undefined, true],
    ['isOptionalString', 'text', true],
    ['isOptionalString', '', true],
    ['isOptionalString', null, false],
    ['isOptionalString', 1, false],
    ['isOptionalTrue', undefined, true],
    ['isOptionalTrue', true, true],
    ['isOptionalTrue', false, false],
    ['isOptionalTrue', 'true', false],
    ['isStringArray', [], true],
    ['isStringArray', ['a', 'b'], true],
    ['isStringArray', ['a', 1], false],
    ['isStringArray', undefined, false],
    ['isStringArray', 'a', false],
  ])('%s(%j) is %s', (name, value, expected) => {
    expect(checks[name](value)).toBe(expected);
  });
});
