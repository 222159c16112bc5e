import { text, type HostRoute } from '../server/reply';
import type { InstagramDocIds } from './doc-ids';
import { loginRedirectUrl } from './api-guard';
import { loginPage } from './pages';

/**
 * static.cdninstagram.com: the web app's JavaScript bundles, which publish the GraphQL doc_ids.
 * Content-hashed files never change, so every bundle ever published stays served, with the long
 * immutable caching and open CORS such CDN files carry. Logged as 'api': these are page resources
 * read through the platform's servers, not media downloads.
 */
export function instagramStaticRoute(docIds: InstagramDocIds): HostRoute {
  return {
    hosts: ['static.cdninstagram.com'],
    kind: 'api',
    loginRedirect: loginRedirectUrl,
    loginPage,
    handle: async (ctx) => {
      const bundle = docIds.findBundle(ctx.url.pathname);
      if (!bundle) return text(404, '');
      return {
        status: 200,
        headers: {
          'content-type': 'application/x-javascript; charset=utf-8',
          'cache-control': 'public,max-age=31536000,immutable',
          'access-control-allow-origin': '*',
          'cross-origin-resource-policy': 'cross-origin',
        },
        body: bundle.text,
      };
    },
  };
}
