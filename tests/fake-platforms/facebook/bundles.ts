import { seeded } from '../instagram/seeded';
import { html, text, type HostRoute, type Reply, type RequestContext } from '../server/reply';
import { FB_QUERIES, type FacebookDocIds, type FbQuery } from './doc-ids';
import { errorPage, loginPage } from './pages';

/**
 * The JS bundles the home page links (`static.xx.fbcdn.net/rsrc.php/…js`). Each query's doc_id is
 * published as a `<Query>_facebookRelayOperation` module, as lijunle/facebook-post-downloader reads
 * it with `require()`. The modules are spread over several bundles, among minified noise and in
 * the layouts seen in the field (minified with `/*FB_PKG_DELIM*\/`, with "use strict", pretty-printed),
 * next to `$Parameters` modules that name the operation without holding its id. Bundle URLs change
 * with every rotation, as a deploy's do; old bundles stay served (the CDN keeps them).
 */

export const BUNDLE_HOST = 'static.xx.fbcdn.net';

type Layout = 'minified' | 'strict' | 'pretty';

interface Bundle {
  path: string;
  query?: string;
  modules: { query: FbQuery; layout: Layout }[];
}

const PLAN: { modules: { query: FbQuery; layout: Layout }[]; query?: boolean }[] = [
  { modules: [] },
  { modules: [{ query: 'photo', layout: 'minified' }, { query: 'reels', layout: 'strict' }], query: true },
  { modules: [{ query: 'video', layout: 'pretty' }] },
  { modules: [{ query: 'photos', layout: 'minified' }, { query: 'videos', layout: 'minified' }] },
];

function bundlesOf(generation: number): Bundle[] {
  const rng = seeded('fb-bundles', generation);
  return PLAN.map((plan) => ({
    path: `/rsrc.php/v4/y${rng.token(1)}/r/${rng.token(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}.js`,
    query: plan.query ? `_nc_x=${rng.token(11)}` : undefined,
    modules: plan.modules,
  }));
}

/** The bundle URLs a home page of this generation links, in page order. */
export function bundleUrls(generation: number): string[] {
  return bundlesOf(generation).map((bundle) => `https://${BUNDLE_HOST}${bundle.path}${bundle.query ? `?${bundle.query}` : ''}`);
}

function relayModule(name: string, docId: string, layout: Layout): string {
  const id = `${name}_facebookRelayOperation`;
  if (layout === 'pretty') return `__d("${id}", [], (function (a, b, c, d, e, f) {\n  e.exports = "${docId}";\n}), null);`;
  if (layout === 'strict') return `__d("${id}",[],(function(a,b,c,d,e,f){"use strict";e.exports="${docId}"}),null);`;
  return `__d("${id}",[],(function(a,b,c,d,e,f){e.exports="${docId}"}),null);`;
}

/** What the client hands Relay: it names the operation module but holds no id of its own. */
function parametersModule(name: string): string {
  const operation = `${name}_facebookRelayOperation`;
  return `__d("${name}$Parameters",["${operation}"],(function(a,b,c,d,e,f){e.exports={kind:"PreloadableConcreteRequest",params:{id:b("${operation}"),metadata:{},name:"${name}",operationKind:"query",text:null}}}),null);`;
}

function noise(rng: ReturnType<typeof seeded>, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `Comet${rng.token(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}${i}.react`;
    const number = rng.digits(16);
    return `__d("${name}",["react","CometRelay"],(function(a,b,c,d,e,f,g){"use strict";var h=d("react");function i(a){var c=b("CometRelay").useFragment(${number},a.fragmentKey);return h.jsx("div",{children:c==null?void 0:c.text})}g["default"]=i}),98);`;
  });
}

function bundleBody(bundle: Bundle, generation: number, index: number, docIds: FacebookDocIds): string {
  const ids = docIds.byFriendlyName(generation);
  const rng = seeded('fb-bundle-noise', generation, index);
  const parts = noise(rng, 6);
  for (const { query, layout } of bundle.modules) {
    const name = FB_QUERIES[query];
    parts.splice(rng.int(0, parts.length), 0, relayModule(name, ids[name] ?? '', layout), parametersModule(name));
  }
  return `;/*FB_PKG_DELIM*/\n${parts.join('\n/*FB_PKG_DELIM*/\n')}\n`;
}

/** Serves every bundle of every generation so far; anything else on the host is a 404. */
export function bundleRoute(docIds: FacebookDocIds): HostRoute {
  return {
    hosts: [BUNDLE_HOST],
    kind: 'api',
    loginRedirect: () => 'https://www.facebook.com/login/',
    loginPage,
    handle: (ctx: RequestContext): Promise<Reply> => Promise.resolve(bundleReply(ctx, docIds)),
  };
}

function bundleReply(ctx: RequestContext, docIds: FacebookDocIds): Reply {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return text(405, 'Method Not Allowed');
  for (let generation = docIds.generation; generation >= 0; generation--) {
    const index = bundlesOf(generation).findIndex((bundle) => bundle.path === ctx.url.pathname);
    const bundle = bundlesOf(generation)[index];
    if (bundle) {
      const body = bundleBody(bundle, generation, index, docIds);
      return { status: 200, headers: { 'content-type': 'application/x-javascript; charset=utf-8', 'cache-control': 'public,max-age=31536000,immutable', 'access-control-allow-origin': '*' }, body };
    }
  }
  return html(404, errorPage());
}
