import type { Reply } from '../server/reply';
import { answer, invalidArgument, notFound, type YtCall } from './youtube-call';

/** POST /youtubei/v1/navigation/resolve_url: a channel or watch URL to the endpoint a click would open. */
export function resolveUrl(call: YtCall): Reply {
  let url: URL;
  try {
    url = new URL(String(call.body.url ?? ''));
  } catch {
    return invalidArgument();
  }
  if (!['www.youtube.com', 'youtube.com', 'm.youtube.com'].includes(url.hostname)) return notFound();
  const videoId = url.pathname === '/watch' ? url.searchParams.get('v') : /^\/(?:shorts|live)\/([\w-]{11})$/.exec(url.pathname)?.[1];
  if (videoId) {
    if (!call.store.video(videoId)) return notFound();
    return answer(call, { endpoint: { commandMetadata: { webCommandMetadata: { url: `/watch?v=${videoId}`, webPageType: 'WEB_PAGE_TYPE_WATCH' } }, watchEndpoint: { videoId } } });
  }
  const found = call.store.fromPath(url.pathname);
  if (!found || found.rest !== '') return notFound();
  const base = `/@${encodeURIComponent(found.channel.handle)}`;
  return answer(call, {
    endpoint: {
      commandMetadata: { webCommandMetadata: { url: base, webPageType: 'WEB_PAGE_TYPE_CHANNEL', rootVe: 3611, apiUrl: '/youtubei/v1/browse' } },
      browseEndpoint: { browseId: found.channel.id, canonicalBaseUrl: base },
    },
  });
}

const link = (text: string, navigationEndpoint: Record<string, unknown>, icon: string) => ({
  compactLinkRenderer: { icon: { iconType: icon }, title: { runs: [{ text }] }, navigationEndpoint },
});

/**
 * POST /youtubei/v1/account/account_menu: the avatar menu of the identity the call acts as (a brand
 * account only with its X-Goog-PageId). Logged out, there is no account to show; an identity
 * without a channel gets "Create a channel" where "Your channel" would be.
 */
export function accountMenu(call: YtCall): Reply {
  if (call.viewer.kind !== 'user') return answer(call, {});
  const user = call.viewer.user;
  const channel = call.actingAs;
  const hasChannel = channel?.id !== null && channel !== undefined;
  const channelLink = hasChannel
    ? link('Your channel', { commandMetadata: { webCommandMetadata: { url: `/channel/${channel.id}`, webPageType: 'WEB_PAGE_TYPE_CHANNEL' } }, browseEndpoint: { browseId: channel.id, canonicalBaseUrl: `/@${encodeURIComponent(channel.handle)}` } }, 'ACCOUNT_BOX')
    : link('Create a channel', { commandMetadata: { webCommandMetadata: { url: '/create_channel', webPageType: 'WEB_PAGE_TYPE_UNKNOWN' } }, signalNavigationEndpoint: { signal: 'CREATE_CHANNEL' } }, 'ADD_CIRCLE');
  const header = {
    activeAccountHeaderRenderer: {
      accountName: { simpleText: channel?.title ?? user.accountName },
      email: { simpleText: user.email },
      accountPhoto: { thumbnails: [{ url: `https://yt3.ggpht.com/ytc/${user.userSessionId}=s88-c-k-c0x00ffffff-no-rj`, width: 88, height: 88 }] },
      ...(hasChannel ? { channelHandle: { simpleText: `@${channel.handle}` }, manageAccountTitle: { simpleText: 'View your channel' } } : {}),
    },
  };
  const items = [
    channelLink,
    link('YouTube Studio', { urlEndpoint: { url: 'https://studio.youtube.com/' } }, 'YOUTUBE_STUDIO'),
    link('Switch account', { signalNavigationEndpoint: { signal: 'SWITCH_ACCOUNT' } }, 'SWITCH_ACCOUNTS'),
    link('Sign out', { signOutEndpoint: { hack: true } }, 'EXIT_TO_APP'),
  ];
  return answer(call, {
    actions: [
      {
        openPopupAction: {
          popup: { multiPageMenuRenderer: { header, sections: [{ multiPageMenuSectionRenderer: { items } }], style: 'MULTI_PAGE_MENU_STYLE_TYPE_ACCOUNT' } },
          popupType: 'DROPDOWN',
        },
      },
    ],
  });
}
