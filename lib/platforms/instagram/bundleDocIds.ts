/**
 * The GraphQL doc_ids a JS bundle of the web app publishes. Each query ships as a tiny module
 * whose export is its doc_id; minifiers vary the parameter names, quotes and spacing, and some
 * builds inline the id in the query's params object instead, so both layouts are read.
 */
const MODULE = /__d\(\s*["']([A-Za-z0-9_]+?)_instagramRelayOperation["']\s*,\s*\[[^\]]*\]\s*,\s*\(?\s*function\b[^{]*\{([^}]{0,300})\}/g;
const MODULE_EXPORT = /exports\s*=\s*["']?(\d{6,})["']?/;
const INLINE_PARAMS = /\bid\s*:\s*["'](\d{6,})["']\s*,\s*metadata\s*:\s*\{[^}]*\}\s*,\s*name\s*:\s*["']([A-Za-z0-9_]+)["']\s*,\s*operationKind\s*:\s*["']query["']/g;

/** Query name → doc_id, for every query the source publishes. */
export function docIdsIn(source: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const match of source.matchAll(INLINE_PARAMS)) {
    const [, docId, name] = match;
    if (docId && name) ids.set(name, docId);
  }
  // The operation module is what the web app itself sends, so it wins over an inlined copy.
  for (const match of source.matchAll(MODULE)) {
    const docId = MODULE_EXPORT.exec(match[2] ?? '')?.[1];
    if (match[1] && docId) ids.set(match[1], docId);
  }
  return ids;
}
