import { seeded } from '../instagram/seeded';
import { html, json, type Reply, type RequestContext } from '../server/reply';
import type { ChannelStore } from './channel-store';
import type { ContinuationShape, ItemShape } from './grid-items';
import type { YtChannel } from './model';
import type { Viewer } from './sessions';

export interface YtOptions {
  shape: ItemShape;
  continuationShape: ContinuationShape;
  /** Continuation commands come inside commandExecutorCommand.commands[]. */
  wrappedContinuations: boolean;
  /** Appended to every tab link's URL ('' for none). */
  tabUrlQuery: string;
}

/** Everything an InnerTube handler needs once the guard has let the call through. */
export interface YtCall {
  ctx: RequestContext;
  viewer: Exclude<Viewer, { kind: 'unauthenticated' }>;
  body: Record<string, unknown>;
  store: ChannelStore;
  options: YtOptions;
  nowSeconds: number;
  /**
   * The identity a signed-in call acts as: the brand account X-Goog-PageId names, else the user's
   * personal one (a record without channel id when it has none). Undefined when logged out.
   */
  actingAs?: YtChannel;
}

/** Whether the call acts as this channel itself, so it sees the channel's private and unlisted uploads. */
export function actsAsOwner(call: Pick<YtCall, 'actingAs'>, channel: YtChannel): boolean {
  return call.actingAs !== undefined && call.actingAs.id !== null && call.actingAs.id === channel.id;
}

/** The visitor cookie's InnerTube twin: stable per viewer, like a browser's. */
export function visitorData(viewer: Pick<YtCall, 'viewer'>['viewer']): string {
  const key = viewer.kind === 'user' ? viewer.user.key : 'anonymous';
  return `Cgt${seeded('yt-visitor', key).token(11)}KL${seeded('yt-visitor-2', key).token(10)}%3D%3D`;
}

/** "<user>||" for a personal identity, "<delegated>||<user>" for a brand account (docs/platforms.md, "YouTube: session and headers"). */
export function datasyncId(userSessionId: string, brand: YtChannel | undefined): string {
  return `${brand?.brandPageId ?? userSessionId}||${brand?.brandPageId ? userSessionId : ''}`;
}

function responseContext(call: Pick<YtCall, 'viewer' | 'actingAs'>): Record<string, unknown> {
  const user = call.viewer.kind === 'user' ? call.viewer.user : undefined;
  return {
    visitorData: visitorData(call.viewer),
    serviceTrackingParams: [{ service: 'GFEEDBACK', params: [{ key: 'logged_in', value: user ? '1' : '0' }] }],
    mainAppWebResponseContext: { loggedOut: !user, ...(user ? { datasyncId: datasyncId(user.userSessionId, call.actingAs) } : {}) },
    webResponseContextExtensionData: { hasDecorated: true },
  };
}

export function answer(call: Pick<YtCall, 'viewer' | 'actingAs'>, body: Record<string, unknown>): Reply {
  return json(200, { responseContext: responseContext(call), ...body }, { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' });
}

function googleError(code: number, status: string, message: string, reason: string, headers: Reply['headers'] = {}): Reply {
  return json(code, { error: { code, message, errors: [{ message, domain: 'global', reason }], status } }, headers);
}

const GOOGLE_STATUSES: Record<number, [status: string, message: string, reason: string]> = {
  429: ['RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded'],
  500: ['INTERNAL', 'Internal error encountered.', 'backendError'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.', 'backendError'],
};

/** Google's front-end error page: what pages fail with, and the API where it is never reached (a 502). */
export function errorPage(status: number, headers: Record<string, string | number>): Reply {
  return html(status, `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error ${status} (Server Error)!!1</title><p><b>${status}.</b> <ins>That’s an error.</ins>`, headers);
}

/** How InnerTube fails with a bare status: Google's JSON error where the API itself answers. */
export function failure(status: number, headers: Record<string, string | number>): Reply {
  const known = GOOGLE_STATUSES[status];
  return known ? googleError(status, ...known, headers) : errorPage(status, headers);
}

export function invalidArgument(): Reply {
  return googleError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', 'badRequest');
}

export function notFound(): Reply {
  return googleError(404, 'NOT_FOUND', 'Requested entity was not found.', 'notFound');
}

export function unauthenticated(): Reply {
  return googleError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    'authError',
  );
}

export function rateLimited(retryAfterSeconds: number): Reply {
  return failure(429, { 'retry-after': retryAfterSeconds });
}
