import { describe, expect, it } from 'vitest';
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asObjects,
  asString,
  dig,
  digFirst,
  isObject,
  type NumericText,
} from '../../../../lib/platforms/shared/jsonReaders';

const object = { a: 1 };
const list = [object];

describe('type readers', () => {
  it.each([
    ['an object', object, true],
    ['an empty object', {}, true],
    ['an array', list, false],
    ['null', null, false],
    ['a string', 'text', false],
    ['undefined', undefined, false],
  ])('isObject/asObject of %s', (_name, value, accepted) => {
    expect(isObject(value)).toBe(accepted);
    expect(asObject(value)).toBe(accepted ? value : undefined);
  });

  it.each([
    ['an array', list, list],
    ['an object', object, undefined],
    ['a string', 'abc', undefined],
  ])('asArray of %s', (_name, value, expected) => {
    expect(asArray(value)).toBe(expected);
  });

  it.each([
    ['objects of a mixed array', [object, null, 1, 'x', [object], { b: 2 }], [object, { b: 2 }]],
    ['an empty array', [], []],
    ['an object', object, []],
    ['undefined', undefined, []],
  ])('asObjects of %s', (_name, value, expected) => {
    expect(asObjects(value)).toEqual(expected);
  });

  it.each([
    ['text', 'text'],
    ['', undefined],
    [0, undefined],
    [null, undefined],
  ])('asString(%j) → %j', (value, expected) => {
    expect(asString(value)).toBe(expected);
  });

  it.each([
    [true, true],
    [false, false],
    ['true', undefined],
    [0, undefined],
  ])('asBoolean(%j) → %j', (value, expected) => {
    expect(asBoolean(value)).toBe(expected);
  });
});

describe('asNumber', () => {
  it.each<[unknown, NumericText, number | undefined]>([
    [42, 'decimal', 42],
    [-1.5, 'digits', -1.5],
    [Number.NaN, 'decimal', undefined],
    [Number.POSITIVE_INFINITY, 'decimal', undefined],
    ['42', 'decimal', 42],
    ['42', 'digits', 42],
    ['-7', 'decimal', -7],
    ['-7', 'digits', undefined],
    ['1.25', 'decimal', 1.25],
    ['1.25', 'digits', undefined],
    ['1e3', 'decimal', undefined],
    ['', 'decimal', undefined],
    [' 1', 'decimal', undefined],
    [true, 'decimal', undefined],
    [null, 'digits', undefined],
  ])('%j as %s text → %j', (value, text, expected) => {
    expect(asNumber(value, text)).toBe(expected);
  });

  it('takes decimal text unless told otherwise', () => {
    expect(asNumber('-0.5')).toBe(-0.5);
  });
});

describe('dig', () => {
  const json = { a: { list: [{ name: 'first' }, { name: 'second' }], zero: 0 }, top: null };

  it.each<[string, (string | number)[], unknown]>([
    ['an object path', ['a', 'zero'], 0],
    ['a number index', ['a', 'list', 1, 'name'], 'second'],
    ['an index written as digits', ['a', 'list', '0', 'name'], 'first'],
    ['no path', [], json],
    ['a missing key', ['a', 'missing', 'name'], undefined],
    ['an index past the end', ['a', 'list', 5], undefined],
    ['a name on an array', ['a', 'list', 'length'], undefined],
    ['a number on an object', ['a', 0], undefined],
    ['through null', ['top', 'x'], undefined],
    ['through a number', ['a', 'zero', 'x'], undefined],
  ])('follows %s', (_name, path, expected) => {
    expect(dig(json, ...path)).toEqual(expected);
  });

  it.each<[string, string[][], string | undefined]>([
    ['the first path that holds a string', [['missing'], ['number'], ['text'], ['other']], 'found'],
    ['nothing when none does', [['missing'], ['number']], undefined],
    ['nothing without paths', [], undefined],
  ])('digFirst gives %s', (_name, paths, expected) => {
    expect(digFirst({ number: 5, text: 'found', other: 'later' }, paths, asString)).toBe(expected);
  });
});
