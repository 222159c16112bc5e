/**
 * Whether a fetch answered with a redirect it did not follow: `redirect: 'manual'` reports one as
 * an opaque answer with status 0 in a browser, and as the 3xx itself where nothing filters it (Node).
 */
export function isUnfollowedRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}
