import { describe, expect, it } from 'vitest';
import { decodeComponent, parseUrl, pathSegments, urlOnHosts } from '../../../../lib/platforms/shared/urlPaths';

describe('parseUrl', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['https://www.example.com/a/b?x=1', undefined, 'https://www.example.com/a/b?x=1'],
    ['/challenge/?next=/', 'https://www.example.com', 'https://www.example.com/challenge/?next=/'],
    ['https://other.example/x', 'https://www.example.com', 'https://other.example/x'],
    ['/relative/without/base', undefined, undefined],
    ['not a url', undefined, undefined],
    ['', undefined, undefined],
    ['http://[bad', 'https://www.example.com', undefined],
  ])('%s (base %s) → %s', (text, base, expected) => {
    expect(parseUrl(text, base)?.href).toBe(expected);
  });
});

describe('urlOnHosts', () => {
  const hosts = ['www.example.com', 'example.com'] as const;

  it.each<[string, boolean]>([
    ['https://www.example.com/star.demo/', true],
    ['https://example.com/', true],
    ['http://example.com/x', true],
    ['https://m.example.com/star.demo/', false],
    ['https://www.example.com.evil.test/star.demo/', false],
    ['https://evil.test/?u=https://www.example.com/', false],
    ['www.example.com/star.demo', false],
    ['not a url', false],
  ])('%s is on the hosts: %s', (text, onHosts) => {
    expect(urlOnHosts(text, hosts)?.href).toBe(onHosts ? new URL(text).href : undefined);
  });
});

describe('pathSegments', () => {
  it.each<[string, string[]]>([
    ['https://x.test/', []],
    ['https://x.test/a', ['a']],
    ['https://x.test/a/b/', ['a', 'b']],
    ['https://x.test//a//b', ['a', 'b']],
    ['https://x.test/a%20b/c?d=e#f', ['a%20b', 'c']],
  ])('%s → %j', (url, expected) => {
    expect(pathSegments(new URL(url))).toEqual(expected);
  });
});

describe('decodeComponent', () => {
  it.each([
    ['plain', 'plain'],
    ['%40star.demo', '@star.demo'],
    ['51234567890%3AAbC%3A12', '51234567890:AbC:12'],
    ['%E6%97%A5%E6%9C%AC', '日本'],
    ['broken%E0%A4%A', 'broken%E0%A4%A'],
    ['100%', '100%'],
  ])('%s → %s', (text, expected) => {
    expect(decodeComponent(text)).toBe(expected);
  });
});
