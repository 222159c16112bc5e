import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RELAY_MODULE_LAYOUTS, relayOperationBundles, relayOperationModule } from './bundles';

// What a reader of the bundles must find: `<Query>_instagramRelayOperation` → the digits it exports.
const OPERATION = /__d\("(\w+)_instagramRelayOperation",\s*\[\],\s*\(function\([^)]*\)\s*\{[^}]*?\.exports\s*=\s*"(\d+)"/g;
const operations = (text: string) => [...text.matchAll(OPERATION)].map((m) => [m[1], m[2]]);

const IDS = {
  PolarisProfilePostsQuery: '28570182382647478',
  PolarisProfileReelsTabContentQuery: '29628758406714645',
  PolarisStoriesV3ReelPageStandaloneQuery: '27760393576942150',
  PolarisProfileStoryHighlightsTrayContentQuery: '26970053832668570',
  PolarisPostRootQuery: '18086740648321782',
};

describe('relay operation modules', () => {
  it.each(RELAY_MODULE_LAYOUTS)('%s layout exports the id as a string', (layout) => {
    const module = relayOperationModule('PolarisProfilePostsQuery', '123', layout);
    expect(operations(module)).toEqual([['PolarisProfilePostsQuery', '123']]);
    expect(module).toMatch(/^__d\("PolarisProfilePostsQuery_instagramRelayOperation",\s*\[\],\s*\(function/);
    expect(module).toMatch(/\),\s*null\);$/);
  });
});

describe('relayOperationBundles', () => {
  const bundles = relayOperationBundles(IDS);

  it('publishes every id exactly once, over three bundles beside a vendor bundle', () => {
    const published = bundles.flatMap((b) => operations(b.text)).filter(([name]) => name && name in IDS);
    expect(Object.fromEntries(published)).toEqual(IDS);
    expect(published).toHaveLength(5);
    expect(bundles).toHaveLength(4);
    expect(operations(bundles[0]?.text ?? '')).toEqual([]);
    expect(bundles.slice(1).every((b) => operations(b.text).some(([name]) => name && name in IDS))).toBe(true);
  });

  it('mixes layouts, delimiters and other modules naming the same queries', () => {
    const all = bundles.map((b) => b.text).join('\n');
    expect(all).toContain('e.exports="');
    expect(all).toContain('"use strict";a.exports="');
    expect(all).toContain('e.exports = "');
    expect(bundles.filter((b) => b.text.includes('/*FB_PKG_DELIM*/'))).toHaveLength(3);
    expect(all).toContain('params:{id:b("PolarisProfilePostsQuery_instagramRelayOperation")');
    // Other queries' operations too: a reader must match the name, not take the first id.
    expect(operations(all).map(([name]) => name)).toContain('PolarisProfilePageContentQuery');
  });

  it('names each bundle by a hash of its content, under static.cdninstagram.com/rsrc.php/v4', () => {
    for (const bundle of bundles) {
      expect(bundle.url).toBe(`https://static.cdninstagram.com${bundle.path}`);
      expect(bundle.path).toMatch(/^\/rsrc\.php\/v4\/y[\w-]\/r\/[\w-]{11}\.js$/);
      expect(bundle.path).toContain(createHash('sha256').update(bundle.text).digest('base64url').slice(0, 11));
    }
  });

  it('is deterministic, and new ids give new bundle names except the unchanged vendor bundle', () => {
    expect(relayOperationBundles(IDS)).toEqual(bundles);
    const rotated = relayOperationBundles({ ...IDS, PolarisProfilePostsQuery: '1' }, { seed: 'next' });
    expect(rotated[0]?.url).toBe(bundles[0]?.url);
    expect(rotated.slice(1).map((b) => b.url)).not.toEqual(bundles.slice(1).map((b) => b.url));
  });

  it('works for a single query, as a fixture', () => {
    const one = relayOperationBundles({ PolarisPostRootQuery: '42' });
    expect(one.flatMap((b) => operations(b.text)).filter(([name]) => name === 'PolarisPostRootQuery')).toEqual([['PolarisPostRootQuery', '42']]);
  });
});
