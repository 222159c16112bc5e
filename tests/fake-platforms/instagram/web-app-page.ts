import type { RelayBundle } from './bundles';
import type { IgUser } from './model';

/**
 * What the late-2026 web app's HTML carries for its own GraphQL calls (docs/platforms.md, "Instagram: GraphQL"): the session's
 * page tokens and actor id in `data-sjs` JSON (`["DTSGInitialData",[],{"token":…},…]`,
 * `["LSD",[],{"token":…},…]`, `"actorID"` in RelayAPIConfigDefaults), the bundles that publish the
 * doc_ids as <script src> tags, and on a profile `"profile_id"` (what gallery-dl's user_by_web reads).
 */

export interface PageViewer {
  /** The logged-in viewer's pk, or "0" for a logged-out visitor. */
  actorId: string;
  /** Absent for a logged-out visitor, whose page has no DTSG token. */
  fbDtsg?: string;
  lsd: string;
}

const WEB_APP_ID = '936619743392459';

/** JSON inside a script element: `<` escaped as the real pages do, so no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003C');

function sjs(payload: unknown): string {
  return `<script type="application/json" data-content-len="${JSON.stringify(payload).length}" data-sjs>${scriptJson(payload)}</script>`;
}

function defines(defs: unknown[]): unknown {
  return { require: [['ScheduledServerJS', 'handle', null, [{ __bbox: { define: defs } }]]] };
}

/** The bundles' script tags, for the page's head. */
export function bundleScripts(bundles: readonly RelayBundle[]): string {
  return bundles
    .map((b) => `\n<script src="${b.url}" data-bootloader-hash="${b.path.slice(-14, -3)}" crossorigin="anonymous" nonce="kq0aYmSa" async></script>`)
    .join('');
}

/** The token and actor definitions, for the page's body. */
export function sessionDefines(viewer: PageViewer): string {
  const relayConfig = {
    accessToken: '',
    actorID: viewer.actorId,
    customHeaders: { 'X-IG-App-ID': WEB_APP_ID, 'X-IG-D': 'www' },
    enableNetworkLogger: false,
    fetchTimeout: 30_000,
    graphURI: '/api/graphql/',
    retryDelays: [1000, 3000],
    useXController: true,
    xhrEncoding: null,
    subscriptionTopicURI: null,
    withCredentials: false,
  };
  return sjs(
    defines([
      ...(viewer.fbDtsg === undefined ? [] : [['DTSGInitialData', [], { token: viewer.fbDtsg }, 258]]),
      ['LSD', [], { token: viewer.lsd }, 323],
      ['RelayAPIConfigDefaults', [], relayConfig, 926],
    ]),
  );
}

/** A profile page's logging props, where the profile's id appears as "profile_id". */
export function profileProps(user: IgUser): string {
  return sjs({ require: [['PolarisProfilePageRoot.react', 'init', [], [{ props: { page_logging: { name: 'profilePage', params: { page_id: `profilePage_${user.pk}`, profile_id: user.pk } } } }]]] });
}
