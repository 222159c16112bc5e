import type { IgAccount } from './model';

/** Minimal HTML pages, so a browser tab on the fake shows a profile or the login form. */

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string, extraHead = ''): string {
  return `<!DOCTYPE html>
<html lang="en" class="no-js client-root">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${extraHead}</head>
<body>${body}</body>
</html>`;
}

export function loginPage(): string {
  return page(
    'Login • Instagram',
    `<main><form id="loginForm" method="post" action="/accounts/login/ajax/">
<input name="username" aria-label="Phone number, username, or email" autocomplete="username">
<input name="password" type="password" aria-label="Password" autocomplete="current-password">
<button type="submit">Log in</button></form></main>`,
  );
}

export function notFoundPage(): string {
  return page('Page not found • Instagram', `<main><h2>Sorry, this page isn't available.</h2><p>The link you followed may be broken, or the page may have been removed.</p></main>`);
}

/** `webApp`: the late-2026 web app's scripts and data (web-app-page.ts); empty in the legacy era. */
export interface WebAppParts {
  head: string;
  body: string;
}

const NO_WEB_APP: WebAppParts = { head: '', body: '' };

export function homePage(webApp = NO_WEB_APP): string {
  return page('Instagram', `<main><h1>Instagram</h1><p>Fake platform for Star Export tests.</p><a href="/star.demo/">star.demo</a></main>${webApp.body}`, webApp.head);
}

export function profilePage(account: IgAccount, webApp = NO_WEB_APP): string {
  const { user } = account;
  const title = `${user.fullName} (@${user.username}) • Instagram photos and videos`;
  const head = `
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:url" content="https://www.instagram.com/${escapeHtml(user.username)}/">
<meta property="al:ios:url" content="instagram://user?username=${escapeHtml(user.username)}">
<meta property="instapp:owner_user_id" content="${user.pk}">${webApp.head}`;
  const grid = user.isPrivate
    ? '<p>This account is private</p>'
    : account.feed.map((p) => `<a href="/${p.productType === 'clips' ? 'reel' : 'p'}/${p.code}/">${p.code}</a>`).join('\n');
  return page(
    title,
    `<main><header><h2>${escapeHtml(user.username)}</h2><span>${escapeHtml(user.fullName)}</span>
<p>${account.feed.length} posts</p><p>${escapeHtml(user.biography)}</p></header>
<article>${grid}</article></main>${webApp.body}`,
    head,
  );
}
