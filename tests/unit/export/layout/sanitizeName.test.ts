import { describe, expect, it } from 'vitest';
import { sanitizePathComponent } from '../../../../lib/export/layout/sanitizeName';
import { unsafeReasons } from '../../support/safeName';

const utf8Length = (text: string) => new TextEncoder().encode(text).length;
const family = '👨‍👩‍👧‍👦'; // one grapheme of 7 code points (25 bytes), joined by ZWJ

describe('sanitizePathComponent', () => {
  it.each([
    ['../etc/passwd', '_etc_passwd'],
    ['/', '_'],
    ['..\\..\\windows\\system32', '_._windows_system32'],
    ['a/b', 'a_b'],
    ['a\\b', 'a_b'],
    ['nul\u0000byte', 'nulbyte'],
    ['tab\there\nnewline\r', 'tabherenewline'],
    ['c1\u0085\u009fcontrols\u007f', 'c1controls'],
    ['invoice\u202Egpj.exe', 'invoicegpj.exe'],
    ['\u2066isolated\u2069\u200e\u200f', 'isolated'],
    ['what?<>:"|*', 'what_______'],
    ['CON', '_CON'],
    ['con', '_con'],
    ['aux.jpg', '_aux.jpg'],
    ['com1.txt', '_com1.txt'],
    ['LPT9', '_LPT9'],
    ['Nul.tar.gz', '_Nul.tar.gz'],
    ['console', 'console'],
    ['com10', 'com10'],
    ['trailing... ', 'trailing'],
    ['  .hidden', 'hidden'],
    ['a..b', 'a.b'],
    ['e\u0301', '\u00e9'],
    ['plain_id-123', 'plain_id-123'],
    ['日本語のキャプション', '日本語のキャプション'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizePathComponent(raw, 'fallback')).toBe(expected);
  });

  it.each(['', '.', '..', '...', ' ', '\u0000', '\u202E', '. . .', '\ud800'])(
    '%j leaves nothing and takes the fallback',
    (raw) => {
      expect(sanitizePathComponent(raw, 'fallback')).toBe('fallback');
    },
  );

  it('sanitizes the fallback too', () => {
    expect(sanitizePathComponent('..', '../bad')).toBe('_bad');
    expect(sanitizePathComponent('..', '')).toBe('_');
  });

  it('drops lone surrogates but keeps pairs', () => {
    expect(sanitizePathComponent('a\udc00b😀', 'x')).toBe('ab😀');
  });

  it('bounds a 10 000-character caption to 100 UTF-8 bytes', () => {
    const name = sanitizePathComponent('é'.repeat(10_000), 'x');
    expect(utf8Length(name)).toBeLessThanOrEqual(100);
    expect(name).toBe('é'.repeat(50));
  });

  it.each(Array.from({ length: 4 }, (_, shift) => shift))('never splits a surrogate pair at the cut (shift %i)', (shift) => {
    const name = sanitizePathComponent(`${'a'.repeat(97 + shift)}😀😀`, 'x');
    expect(name.isWellFormed()).toBe(true);
    expect(utf8Length(name)).toBeLessThanOrEqual(100);
  });

  it('keeps emoji ZWJ sequences whole at the cut', () => {
    const name = sanitizePathComponent(`${'a'.repeat(80)}${family}${family}`, 'x');
    expect(name).toBe(`${'a'.repeat(80)}`);
    expect(sanitizePathComponent(`${'a'.repeat(70)}${family}${family}`, 'x')).toBe(`${'a'.repeat(70)}${family}`);
  });

  it('cuts by code point inside a single grapheme that is too long by itself', () => {
    // q has no precomposed accented form, so NFC leaves the 200 marks on it.
    const zalgo = `q${'\u0301'.repeat(200)}`;
    const name = sanitizePathComponent(zalgo, 'x');
    expect(name).toBe(`q${'\u0301'.repeat(49)}`);
    expect(utf8Length(name)).toBeLessThanOrEqual(100);
  });

  it('re-trims a cut that ends in a dot or space', () => {
    expect(sanitizePathComponent(`${'a'.repeat(99)}. tail`, 'x')).toBe('a'.repeat(99));
  });

  it('honours a smaller byte limit', () => {
    expect(utf8Length(sanitizePathComponent('x'.repeat(50), 'f', 10))).toBe(10);
  });

  const hostile = [
    '..', '/', '\\', '\u0000', '..', '.', ' . ', 'CON', 'aux.jpg', 'com1.txt', 'lpt¹', 'CONIN$',
    `\u202Etxt.exe`, 'x'.repeat(10_000), `${'🧑‍🚀'.repeat(40)}`, `${'a'.repeat(99)}😀`, 'name. . .',
    'a\u2028b', '\ufeffbom', '<script>', 'C:\\Windows', '//server/share', '~/.ssh/id_rsa',
  ];
  it.each(hostile.map((raw) => [raw.slice(0, 30), raw]))('%j becomes a safe name', (_label, raw) => {
    expect(unsafeReasons(sanitizePathComponent(raw, 'fallback'))).toEqual([]);
  });
});
