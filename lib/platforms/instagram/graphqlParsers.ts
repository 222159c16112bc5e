import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { platformChanged } from './responses';

/*
 * The root fields of the web app's profile queries. Each reader takes `data.<root>` (never null:
 * the client refuses that) and throws platform_changed for a shape it does not know, so a changed
 * answer moves the section on instead of reading as an empty one.
 */

/** One page of a GraphQL connection: its media (v1 shape) and where the next page starts. */
export interface MediaPage {
  items: JsonObject[];
  /** The connection's end_cursor while it says there is more; undefined at the end. */
  next?: string;
}

/** PolarisProfilePostsQuery: `edges[].node` are v1 media. */
export function timelinePage(root: JsonObject, label: string): MediaPage {
  return connectionPage(root, label, (node) => node);
}

/** PolarisProfileReelsTabContentQuery: `edges[].node.media` are v1 media. */
export function reelsTabPage(root: JsonObject, label: string): MediaPage {
  return connectionPage(root, label, (node) => asObject(node.media));
}

/** PolarisStoriesV3ReelPageStandaloneQuery: `reels_media[]`, each `{id, items[]…}` as REST's reels_media. */
export function reelsOf(root: JsonObject, label: string): JsonObject[] {
  const reels = asArray(root.reels_media);
  if (!reels) throw platformChanged(label);
  return asObjects(reels);
}

export interface TrayPage {
  /** Reel ids as reels are asked for: `highlight:<id>`. */
  reelIds: string[];
  next?: string;
}

/** PolarisProfileStoryHighlightsTrayContentQuery: `edges[].node.id`, with or without the `highlight:` prefix. */
export function trayPage(root: JsonObject, label: string): TrayPage {
  const edges = asArray(root.edges);
  if (!edges) throw platformChanged(label);
  const reelIds = asObjects(edges).flatMap((edge) => {
    const id = highlightId(asObject(edge.node)?.id);
    return id ? [id] : [];
  });
  return { reelIds, next: nextCursor(root) };
}

/** PolarisPostRootQuery: `items[]`, the one post in v1 shape. */
export function postRootItems(root: JsonObject, label: string): JsonObject[] {
  const items = asArray(root.items);
  if (!items) throw platformChanged(label);
  return asObjects(items);
}

export const HIGHLIGHT_PREFIX = 'highlight:';

/** `highlight:<digits>` from either form; anything else is no highlight id this code sends back. */
export function highlightId(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : asString(value);
  const digits = text?.startsWith(HIGHLIGHT_PREFIX) ? text.slice(HIGHLIGHT_PREFIX.length) : text;
  return digits && /^\d+$/.test(digits) ? HIGHLIGHT_PREFIX + digits : undefined;
}

function connectionPage(root: JsonObject, label: string, mediaOf: (node: JsonObject) => JsonObject | undefined): MediaPage {
  const edges = asArray(root.edges);
  if (!edges) throw platformChanged(label);
  const items = asObjects(edges).flatMap((edge) => {
    const node = asObject(edge.node);
    const media = node && mediaOf(node);
    return media ? [media] : [];
  });
  return { items, next: nextCursor(root) };
}

function nextCursor(root: JsonObject): string | undefined {
  const info = asObject(root.page_info);
  return info?.has_next_page === true ? asString(info.end_cursor) : undefined;
}
