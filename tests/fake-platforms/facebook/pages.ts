import type { FbProfile } from './model';
import type { FbSession } from './sessions';

/**
 * The HTML pages a Comet client reads: module definitions travel in
 * `<script type="application/json" data-sjs>` blocks wrapped in `ScheduledServerJS` / `__bbox`,
 * each `[name, dependencies, config, id]`, as on the real home page.
 */

export const SITE_DATA = {
  server_revision: 1_023_456_789,
  client_revision: 1_023_456_789,
  push_phase: 'C3',
  pkg_cohort: 'BP:DEFAULT',
  haste_session: '20406.HYP:comet_pkg.2.1...0',
  pr: 1,
  haste_site: 'www',
  hsi: '7423456789012345678',
  spin: 4,
  __spin_r: 1_023_456_789,
  __spin_b: 'trunk',
  __spin_t: 1_766_000_000,
};

/** JSON inside a script element: `<` escaped as the real pages do, so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003C');
}

function sjsBlock(defines: unknown[]): string {
  const payload = { require: [['ScheduledServerJS', 'handle', null, [{ __bbox: { define: defines } }]]] };
  return `<script type="application/json" data-content-len="${JSON.stringify(payload).length}" data-sjs>${scriptJson(payload)}</script>`;
}

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en" id="facebook" class="no_js"><head><meta charset="utf-8" /><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/**
 * The page's JS bundles: the first ones preloaded from the head, the rest as async scripts in the
 * body, and a stylesheet among them, as the real home page links them.
 */
function bundleLinks(bundles: readonly string[]): { head: string; body: string } {
  const preload = bundles.slice(0, 2).map((url) => `<link rel="preload" href="${url}" as="script" crossorigin="anonymous" nonce="fQ3xK9aL" />`);
  const css = '<link type="text/css" rel="stylesheet" href="https://static.xx.fbcdn.net/rsrc.php/v4/yS/l/0,cross/Kq1vXWnFq9M.css" data-bootloader-hash="4T2kbRm" crossorigin="anonymous" />';
  const scripts = bundles.slice(2).map((url, i) => `<script src="${url}" data-bootloader-hash="b${i}Qx7" async="1" crossorigin="anonymous" nonce="fQ3xK9aL"></script>`);
  return { head: [css, ...preload].join(''), body: scripts.join('') };
}

export function homePage(session: FbSession, profile: FbProfile, bundles: readonly string[]): string {
  const user = { ACCOUNT_ID: profile.id, USER_ID: profile.id, NAME: profile.name, SHORT_NAME: profile.name.split(' ')[0], IS_BUSINESS_PERSON_ACCOUNT: false, APP_ID: '2220391788200892' };
  const links = bundleLinks(bundles);
  return page(
    'Facebook',
    [
      sjsBlock([['SiteData', [], SITE_DATA, 317], ['LSD', [], { token: session.lsd }, 323]]),
      '<div id="mount_0_0_xy"></div>',
      sjsBlock([['CurrentUserInitialData', [], user, 270], ['DTSGInitialData', [], { token: session.fbDtsg }, 258]]),
      links.body,
    ].join(''),
    links.head,
  );
}

export function loginPage(): string {
  const user = { ACCOUNT_ID: '0', USER_ID: '0', NAME: '', SHORT_NAME: null, IS_BUSINESS_PERSON_ACCOUNT: false, APP_ID: '256281040558' };
  return page(
    'Facebook – log in or sign up',
    `${sjsBlock([['CurrentUserInitialData', [], user, 270], ['LSD', [], { token: 'AVrLoggedOut0' }, 323]])}` +
      '<form class="_9vtf" data-testid="royal_login_form" action="/login/?privacy_mutation_token=abc" method="post" id="login_form">' +
      '<input type="text" name="email" id="email" /><input type="password" name="pass" id="pass" /><button name="login">Log in</button></form>',
  );
}

export function checkpointPage(): string {
  return page('Security check', '<div id="checkpoint">Confirm it’s you to log in.</div>');
}

/** A profile: its id is in the header query's preloaded variables (`"userID":"N"`), its name in the title. */
export function profilePage(profile: FbProfile): string {
  const preloader = ['RelayPrefetchedStreamCache', 'next', [], ['adp_ProfileCometHeaderQueryRelayPreloader_6712', { __bbox: { request: { variables: { userID: profile.id, shouldDeferProfilePic: true, scale: 1 } } } }]];
  const payload = { require: [preloader] };
  return page(`${escapeHtml(profile.name)} | Facebook`, `<script type="application/json" data-sjs>${scriptJson(payload)}</script><div role="main"></div>`);
}

export function notFoundPage(): string {
  return page('Page Not Found | Facebook', `<script type="application/json" data-sjs>${scriptJson({ props: { title: 'This content isn\'t available right now' } })}</script>`);
}

/** A server or throttling failure: Facebook's generic error page, whatever the status. */
export function errorPage(): string {
  return page('Error', '<div role="main"><h2>Sorry, something went wrong.</h2><p>We’re working on getting this fixed as soon as we can.</p></div>');
}

/** What Facebook shows an account it holds back: the Comet error root and the block notice. */
export function blockPage(): string {
  return page(
    'You’re Temporarily Blocked',
    '<script>requireLazy(["ServerJS"],function(s){s.handle({"__dr":"CometErrorRoot.react"})});</script>' +
      '<div role="main"><h2>You’re Temporarily Blocked</h2><p>It looks like you were misusing this feature by going too fast. You’ve been temporarily blocked from using it.</p></div>',
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
}
