import { asObject, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { platformChanged } from './responses';

/** The list entries that stand for "more after this": the renderer (until 2026) and the view model (since June 2026). */
export const CONTINUATION_ENTRIES = new Set(['continuationItemRenderer', 'continuationItemViewModel']);

/**
 * The token of a continuation entry. Its command sits in the renderer's continuationEndpoint (or
 * its button), or in the view model's innertubeCommand; since 2025 that command may be a
 * commandExecutorCommand whose `commands[]` hold the continuationCommand among others (yt-dlp PR
 * #12777). An entry whose token cannot be read fails loudly: ending the list there would export a
 * channel with videos silently missing. `where` names the list in the error ("the Videos tab").
 */
export function continuationToken(entry: JsonObject, where: string): string {
  const commands = [
    dig(entry, 'continuationEndpoint'),
    dig(entry, 'button', 'buttonRenderer', 'command'),
    dig(entry, 'continuationCommand', 'innertubeCommand'),
    entry,
  ].flatMap((command) => [...asObjects(dig(command, 'commandExecutorCommand', 'commands')), ...asObjects([command])]);
  const token = commands.map((command) => asString(dig(command, 'continuationCommand', 'token'))).find(Boolean);
  if (!token) throw platformChanged(`${where} (a “more” entry without a token this version can read)`);
  return token;
}

/**
 * The items of a continuation answer (`browse` {continuation}); `where` names the list in the error.
 * Browse answers put them in `onResponseReceivedActions`; some answers carry the same actions as
 * `onResponseReceivedEndpoints`, which yt-dlp's tab pager reads as well (`_tab.py` `_entries`).
 */
export function continuationItems(body: JsonObject, where: string): unknown[] {
  const actions = [...asObjects(body.onResponseReceivedActions), ...asObjects(body.onResponseReceivedEndpoints)];
  if (actions.length === 0) throw platformChanged(`the next pages of ${where} (no onResponseReceivedActions)`);
  return actions.flatMap((action) => {
    const append = asObject(action.appendContinuationItemsAction) ?? asObject(action.reloadContinuationItemsCommand);
    return Array.isArray(append?.continuationItems) ? (append.continuationItems as unknown[]) : [];
  });
}
