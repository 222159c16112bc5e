import { createHash } from 'node:crypto';
import { seeded } from './seeded';

/**
 * Instagram's JavaScript bundles as static.cdninstagram.com serves them: Meta's minified
 * `__d(name, dependencies, factory, flags)` modules, one after another. The web app's GraphQL
 * doc_ids are published as `<Query>_instagramRelayOperation` modules whose factory exports the id
 * as a string (docs/platforms.md, "Instagram: doc_ids"); public extractors show the same module with other parameter names and
 * a "use strict" inside, so a reader must not depend on one spelling. Exported for the extension's
 * unit tests, which use these bundles as fixtures.
 */

export interface RelayBundle {
  /** https://static.cdninstagram.com/rsrc.php/v4/… — the name is a hash of the content, as Meta's are. */
  url: string;
  /** The URL's path, as the CDN route serves it. */
  path: string;
  text: string;
}

export type RelayModuleLayout = 'compact' | 'strict' | 'spaced';
export const RELAY_MODULE_LAYOUTS: readonly RelayModuleLayout[] = ['compact', 'strict', 'spaced'];

/** The module that publishes one query's doc_id, in one of the spellings seen in bundles. */
export function relayOperationModule(query: string, docId: string, layout: RelayModuleLayout): string {
  const name = `"${query}_instagramRelayOperation"`;
  switch (layout) {
    case 'compact':
      return `__d(${name},[],(function(a,b,c,d,e,f){e.exports="${docId}"}),null);`;
    case 'strict':
      return `__d(${name},[],(function(t,n,r,o,a,i){"use strict";a.exports="${docId}"}),null);`;
    case 'spaced':
      return `__d(${name}, [], (function(a, b, c, d, e, f) {\n    e.exports = "${docId}"\n}), null);`;
  }
}

/** The Relay request module that imports the operation: it names the query too, but holds no id. */
function relayRequestModule(query: string): string {
  const op = `${query}_instagramRelayOperation`;
  return (
    `__d("${query}.graphql",["${op}","PolarisFeedShareMenu.relayprovider"],(function(a,b,c,d,e,f){"use strict";` +
    `var g=function(){var a={defaultValue:null,kind:"LocalArgument",name:"data"},c=[a];return{fragment:{argumentDefinitions:c,kind:"Fragment",` +
    `metadata:null,name:"${query}",selections:[],type:"Query",abstractKey:null},kind:"Request",operation:{argumentDefinitions:c,kind:"Operation",` +
    `name:"${query}",selections:[]},params:{id:b("${op}"),metadata:{},name:"${query}",operationKind:"query",text:null}}}();` +
    `b("relay-runtime").PreloadableQueryRegistry.set(g.params.id,g);e.exports=g}),null);`
  );
}

/** Everyday modules around the operations: numbers and strings that are not doc_ids. */
const FILLER: readonly string[] = [
  '__d("PolarisLinkBuilder",["XPolarisProfileControllerRouteBuilder"],(function(a,b,c,d,e,f,g){"use strict";function h(a){return c("XPolarisProfileControllerRouteBuilder").buildURL({username:a})}g.buildProfileLink=h}),98);',
  '__d("PolarisQueryConstants",[],(function(a,b,c,d,e,f){"use strict";a=12;b=1e3*60*5;f.PAGE_SIZE=a;f.STALE_AFTER_MS=b;f.APP_ID="936619743392459"}),66);',
  '__d("PolarisStoriesV3Gating",["gkx","qex"],(function(a,b,c,d,e,f,g){"use strict";function h(){return c("gkx")("24091")||c("qex")._("1118")===!0}g.isEnabled=h}),98);',
  '__d("useMatchViewport",["react","useMediaQuery"],(function(a,b,c,d,e,f,g){"use strict";var h=d("react").useMemo;function i(a,b){var d=c("useMediaQuery")("("+a+"-width: "+b+"px)");return h(function(){return d},[d])}g["default"]=i}),98);',
  '__d("PolarisReelsTabConstants",[],(function(a,b,c,d,e,f){"use strict";f.REELS_PAGE_SIZE=12;f.REELS_TAB_ID="reels";f.MAX_PRELOAD=3}),66);',
];

const filler = (i: number) => FILLER[i % FILLER.length] ?? '';

/** Operations of queries the export does not use, so a reader must match the name, not the first id. */
const OTHER_QUERIES: readonly string[] = ['PolarisProfilePageContentQuery', 'PolarisProfileTaggedTabContentQuery', 'PolarisProfileSuggestedUsersWithPreloadableQuery'];

/** Some bundles put a delimiter comment between modules, others run them together on one line. */
function join(modules: string[], delimited: boolean): string {
  return delimited ? `;/*FB_PKG_DELIM*/\n${modules.join('\n/*FB_PKG_DELIM*/\n')}\n` : modules.join('');
}

function bundle(text: string): RelayBundle {
  const hash = createHash('sha256').update(text).digest('base64url');
  const path = `/rsrc.php/v4/y${hash[11] ?? 'A'}/r/${hash.slice(0, 11)}.js`;
  return { url: `https://static.cdninstagram.com${path}`, path, text };
}

/**
 * Bundles publishing `docIds` (query name → id): a vendor bundle with no operation, then the
 * operations spread over up to three bundles among filler modules, each layout in use, one bundle
 * without delimiters. `seed` varies the other queries' ids, so two publications differ everywhere.
 */
export function relayOperationBundles(docIds: Record<string, string>, { seed = 'bundles' }: { seed?: string } = {}): RelayBundle[] {
  const queries = Object.entries(docIds);
  const count = Math.min(3, Math.max(1, queries.length));
  const groups: string[][] = Array.from({ length: count }, (_, b) => [filler(b)]);
  queries.forEach(([query, docId], i) => {
    const group = groups[i % count];
    group?.push(relayOperationModule(query, docId, RELAY_MODULE_LAYOUTS[i % RELAY_MODULE_LAYOUTS.length] ?? 'compact'), relayRequestModule(query));
  });
  OTHER_QUERIES.forEach((query, i) => groups[i % count]?.splice(1, 0, relayOperationModule(query, seeded('relay-other', seed, query).digits(16), 'compact')));
  groups.forEach((group, b) => group.push(filler(b + 3)));
  // The vendor bundle holds no operation and keeps its name across rotations, as unchanged files do.
  const vendor = join([filler(4), filler(0)], true);
  return [bundle(vendor), ...groups.map((group, b) => bundle(join(group, b !== 1)))];
}
