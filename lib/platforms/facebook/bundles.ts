/**
 * The JS bundles a Comet page links, and the doc_ids they publish. Each GraphQL query's current
 * id is a module of its own, `__d("<Query>_facebookRelayOperation",[],(function(a,b,c,d,e,f){e.exports="<digits>"}),null)`,
 * which the page's `require()` returns (lijunle/facebook-post-downloader reads it so). Bundles are
 * minified, pretty-printed or strict-mode; `<Query>$Parameters` modules name the operation too
 * but hold no id, so only a module whose export is a string of digits counts.
 */

/** `<script src>` and `<link rel="preload" as="script">` on Facebook's static CDN (`static.xx.fbcdn.net/rsrc.php/…`). */
const BUNDLE_LINK = /\b(?:src|href)="(https:\/\/static\.[a-z0-9.-]*\.fbcdn\.net\/rsrc\.php\/[^"?#]+\.js(?:\?[^"#]*)?)"/gi;

const RELAY_OPERATION =
  /__d\(\s*"([A-Za-z0-9_]+)_facebookRelayOperation"\s*,\s*\[\s*\]\s*,\s*\(?\s*function\s*\([\w\s,$]*\)\s*\{\s*(?:["']use strict["'];?\s*)?[\w$]+\.exports\s*=\s*["'](\d{5,25})["']/g;

/** The page's script bundles, once each, in page order. */
export function bundleUrls(html: string): string[] {
  const urls = [...html.matchAll(BUNDLE_LINK)].map(([, url = '']) => url.replace(/&amp;/g, '&'));
  return [...new Set(urls)];
}

/** Friendly name → doc_id of every relay operation module in one bundle. */
export function relayOperationIds(js: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [, name = '', id = ''] of js.matchAll(RELAY_OPERATION)) if (!ids.has(name)) ids.set(name, id);
  return ids;
}
