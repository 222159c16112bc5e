import type { PlatformContext } from '../types';
import { asObject, asObjects, dig, type JsonObject } from '../shared/jsonReaders';
import { TABS, type TabName } from './constants';
import { headerVideoCount } from './channelHeader';
import { continuationItems } from './continuations';
import { parseGridItems, type GridItems } from './gridItems';
import { callInnertube } from './innertube';
import { channelUnavailable, errorAlert, platformChanged } from './responses';
import { tabNameOf } from './tabNames';

export interface TabPage extends GridItems {
  /** False when the channel has no such tab (YouTube then selects another one). */
  present: boolean;
}

export interface FirstTabPage extends TabPage {
  /** The whole browse answer: its `metadata` and `header` describe the channel. */
  body: JsonObject;
}

function tabInfo(tab: TabName): (typeof TABS)[number] {
  return TABS.find((entry) => entry.tab === tab) ?? TABS[0];
}

/** The browse answer for a channel tab, as a click on the tab gets it; an ERROR alert alone means the channel is gone. */
export async function browseChannelTab(ctx: PlatformContext, channelId: string, tab: TabName): Promise<JsonObject> {
  const info = tabInfo(tab);
  const body = await callInnertube(ctx, {
    endpoint: 'browse',
    payload: { browseId: channelId, params: info.params },
    label: `${info.label} tab`,
  });
  const alert = errorAlert(body);
  if (alert && !body.contents) throw channelUnavailable(alert);
  return body;
}

/** Page 1 of a channel tab: `browse` with the tab's params. */
export async function firstTabPage(ctx: PlatformContext, channelId: string, tab: TabName): Promise<FirstTabPage> {
  const body = await browseChannelTab(ctx, channelId, tab);
  return { body, ...selectedTabGrid(body, tab) };
}

/**
 * The grid of the tab YouTube selected, when it is the one asked for (told by its name: see
 * tabNameOf). A channel without such a tab (no uploads, only Shorts…) selects another, and its
 * tab list does not name the one asked for: that tab is absent. Anything else is an error, never
 * an empty tab (issue 13: a channel exported as 'done' with 0 of 196 videos when tab links
 * changed): a listed tab not selected, a selected tab without a name, or no Videos tab to be
 * found while the header counts videos and no other upload tab would hold them.
 */
function selectedTabGrid(body: JsonObject, tab: TabName): TabPage {
  const info = tabInfo(tab);
  const tabs = asObjects(
    asObjects(dig(body, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs')).map((entry) => entry.tabRenderer ?? entry.expandableTabRenderer),
  );
  if (tabs.length === 0) throw platformChanged(`its channel page (no tabs in the ${info.label} answer)`);
  const selected = tabs.find((entry) => entry.selected === true);
  const selectedName = selected && tabNameOf(selected);
  if (selected && selectedName === tab) {
    const grid = asObject(dig(selected, 'content', 'richGridRenderer'));
    if (!grid) throw platformChanged(`the ${info.label} tab (its grid is not a richGridRenderer)`);
    return { present: true, ...parseGridItems(asObjects(grid.contents), tab, info.label) };
  }
  const names = tabs.map(tabNameOf);
  const videosNowhere = tab === 'videos' && !names.some((name) => name === 'shorts' || name === 'streams') && (headerVideoCount(body) ?? 0) > 0;
  if (names.includes(tab) || !selectedName || videosNowhere) {
    throw platformChanged(`the channel’s tabs (the ${info.label} tab cannot be found in YouTube’s answer)`);
  }
  return { present: false, videos: [] };
}

/** A later page: `browse` with the continuation token of the page before. */
export async function nextTabPage(ctx: PlatformContext, tab: TabName, token: string): Promise<TabPage> {
  const info = tabInfo(tab);
  const body = await callInnertube(ctx, { endpoint: 'browse', payload: { continuation: token }, label: `${info.label} tab` });
  const items = continuationItems(body, `the ${info.label} tab`);
  return { present: true, ...parseGridItems(items, tab, info.label) };
}
