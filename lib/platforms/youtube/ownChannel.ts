import { ExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { asObject, asObjects, asString, dig } from '../shared/jsonReaders';
import { CHANNEL_ID } from './accountFromUrl';
import { callInnertube } from './innertube';
import { textOf } from './json';
import { pageConfig } from './pageConfig';
import { platformChanged } from './responses';

/** The header's handle, resolved like any other; else the "Your channel" link's channel id. */
export type OwnChannel = { type: 'handle'; handle: string } | { type: 'id'; channelId: string };

/**
 * The logged-in user's channel as the account menu shows it: the header's handle and the
 * "Your channel" link. An identity without a channel has neither. When the browser is switched
 * to a brand account, the menu must be the brand's (its datasyncId starts with the delegated id):
 * the person's own channel would be another channel than the one the user is looking at.
 */
export async function ownChannel(ctx: PlatformContext): Promise<OwnChannel> {
  const body = await callInnertube(ctx, { endpoint: 'account/account_menu', payload: {}, label: 'account menu' });
  const { delegatedSessionId } = await pageConfig(ctx);
  const answeredFor = asString(dig(body, 'responseContext', 'mainAppWebResponseContext', 'datasyncId'));
  if (delegatedSessionId && answeredFor && !answeredFor.startsWith(`${delegatedSessionId}||`)) {
    throw new ExportError(
      'account_not_found',
      'YouTube answered for your personal Google identity, not for the brand channel this browser is switched to. Open that channel’s page and export it from there.',
    );
  }
  const menu = asObject(dig(body, 'actions', 0, 'openPopupAction', 'popup', 'multiPageMenuRenderer'));
  if (!menu) throw platformChanged('its account menu');
  const header = asObject(dig(menu, 'header', 'activeAccountHeaderRenderer'));
  const items = asObjects(menu.sections).flatMap((section) => asObjects(dig(section, 'multiPageMenuSectionRenderer', 'items')));
  const links = asObjects(items.map((item) => item.compactLinkRenderer));
  const handle = textOf(header?.channelHandle)?.replace(/^@/, '');
  if (handle) return { type: 'handle', handle };
  const channelId = links
    .map((link) => asString(dig(link, 'navigationEndpoint', 'browseEndpoint', 'browseId')))
    .find((id): id is string => id !== undefined && CHANNEL_ID.test(id));
  if (channelId) return { type: 'id', channelId };
  throw new ExportError(
    'account_not_found',
    delegatedSessionId
      ? 'The identity this browser is switched to on YouTube has no channel, so there is nothing of yours to export. Switch to your channel on YouTube, or open a channel’s page to export that channel instead.'
      : 'Your Google account has no YouTube channel yet, so there is nothing of yours to export. Open a channel’s page to export that channel instead.',
  );
}
