import { describe, expect, it } from 'vitest';
import { formBody } from '../../../../lib/platforms/shared/formBody';

describe('formBody', () => {
  it.each<[string, Record<string, string | undefined>, string]>([
    ['no fields', {}, ''],
    ['fields in the order given', { b: '2', a: '1' }, 'b=2&a=1'],
    ['a field without a value left out', { a: '1', skipped: undefined, c: '3' }, 'a=1&c=3'],
    ['an empty value kept', { a: '' }, 'a='],
    ['reserved characters encoded', { variables: '{"id":"1 2"}', 'x&y': 'a=b' }, 'variables=%7B%22id%22%3A%221+2%22%7D&x%26y=a%3Db'],
  ])('%s', (_name, fields, expected) => {
    expect(formBody(fields)).toBe(expected);
  });
});
