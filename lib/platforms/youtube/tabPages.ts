import type { PlatformContext } from '../types';
import { asObject, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { TABS, type TabName } from './constants';
import { parseGridItems, type GridItems } from './gridItems';
import { callInnertube } from './innertube';
import { channelUnavailable, errorAlert, platformChanged } from './responses';

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

/** Page 1 of a channel tab: `browse` with the tab's params, as a click on the tab does. */
export async function firstTabPage(ctx: PlatformContext, channelId: string, tab: TabName): Promise<FirstTabPage> {
  const info = tabInfo(tab);
  const body = await callInnertube(ctx, {
    endpoint: 'browse',
    payload: { browseId: channelId, params: info.params },
    label: `${info.label} tab`,
  });
  const alert = errorAlert(body);
  if (alert && !body.contents) throw channelUnavailable(alert);
  const tabs = asObjects(
    asObjects(dig(body, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs')).map((entry) => entry.tabRenderer ?? entry.expandableTabRenderer),
  );
  if (tabs.length === 0) throw platformChanged(`its channel page (no tabs in the ${info.label} answer)`);
  const selected = tabs.find((entry) => entry.selected === true);
  const url = asString(dig(selected, 'endpoint', 'commandMetadata', 'webCommandMetadata', 'url')) ?? '';
  if (!selected || !url.endsWith(info.path)) return { body, present: false, videos: [] };
  const grid = asObject(dig(selected, 'content', 'richGridRenderer'));
  if (!grid) throw platformChanged(`the ${info.label} tab (its grid is not a richGridRenderer)`);
  return { body, present: true, ...parseGridItems(asObjects(grid.contents), tab, info.label) };
}

/** A later page: `browse` with the continuation token of the page before. */
export async function nextTabPage(ctx: PlatformContext, tab: TabName, token: string): Promise<TabPage> {
  const info = tabInfo(tab);
  const body = await callInnertube(ctx, { endpoint: 'browse', payload: { continuation: token }, label: `${info.label} tab` });
  const actions = asObjects(body.onResponseReceivedActions);
  if (actions.length === 0) throw platformChanged(`the next pages of the ${info.label} tab (no onResponseReceivedActions)`);
  const items = actions.flatMap((action) => {
    const append = asObject(action.appendContinuationItemsAction) ?? asObject(action.reloadContinuationItemsCommand);
    return Array.isArray(append?.continuationItems) ? (append.continuationItems as unknown[]) : [];
  });
  return { present: true, ...parseGridItems(items, tab, info.label) };
}
