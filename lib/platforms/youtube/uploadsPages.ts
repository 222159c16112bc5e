import type { PlatformContext } from '../types';
import { asObject, asObjects, dig, type JsonObject } from '../shared/jsonReaders';
import { continuationItems } from './continuations';
import type { GridItems } from './gridItems';
import { callInnertube } from './innertube';
import { parsePlaylistItems } from './playlistItems';
import { errorAlert, platformChanged } from './responses';

const LABEL = 'uploads playlist';

/**
 * The browse id of a channel's uploads playlist: VL + UU + the channel id without its UC (yt-dlp
 * reads a channel without tabs from it too). For the channel itself it also lists private and
 * unlisted uploads, which the tabs never show (docs/platforms.md, "YouTube: what changed in late 2026").
 */
export function uploadsBrowseId(channelId: string): string {
  return `VLUU${channelId.slice(2)}`;
}

/** Page 1: the playlist page's playlistVideoListRenderer. */
export async function firstUploadsPage(ctx: PlatformContext, channelId: string): Promise<GridItems> {
  const body = await callInnertube(ctx, { endpoint: 'browse', payload: { browseId: uploadsBrowseId(channelId) }, label: LABEL });
  const alert = errorAlert(body);
  if (alert && !body.contents) throw platformChanged(`the uploads playlist (YouTube says: “${alert}”)`);
  const list = playlistVideoList(body);
  return list ? parsePlaylistItems(asObjects(list.contents)) : { videos: [] };
}

/** A later page, from the continuation token of the page before. */
export async function nextUploadsPage(ctx: PlatformContext, token: string): Promise<GridItems> {
  const body = await callInnertube(ctx, { endpoint: 'browse', payload: { continuation: token }, label: LABEL });
  return parsePlaylistItems(continuationItems(body, 'the uploads playlist'));
}

/**
 * The list in the selected tab's sections. A playlist without videos has item sections without
 * a list (a message instead); no item section at all is a page this version cannot read.
 */
function playlistVideoList(body: JsonObject): JsonObject | undefined {
  const tabs = asObjects(dig(body, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs')).map((tab) => asObject(tab.tabRenderer) ?? {});
  const sections = asObjects(dig(tabs.find((tab) => tab.selected === true) ?? tabs[0], 'content', 'sectionListRenderer', 'contents'));
  const itemSections = asObjects(sections.map((section) => section.itemSectionRenderer));
  if (itemSections.length === 0) throw platformChanged('the uploads playlist (no item section on its page)');
  return itemSections.flatMap((section) => asObjects(section.contents)).map((item) => asObject(item.playlistVideoListRenderer)).find(Boolean);
}
