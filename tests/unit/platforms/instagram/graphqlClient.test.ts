import { describe, expect, it } from 'vitest';
import { FALLBACK_DOC_IDS } from '../../../../lib/platforms/instagram/constants';
import { jazoest } from '../../../../lib/platforms/shared/jazoest';
import type { AccountInfo, ApiRequest } from '../../../../lib/platforms/types';
import { postsGraphql } from '../../../../lib/platforms/instagram/strategies/postsGraphql';
import { postsRest } from '../../../../lib/platforms/instagram/strategies/postsRest';
import { reelsGraphql } from '../../../../lib/platforms/instagram/strategies/reelsGraphql';
import { redirect, respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { BUNDLE_DOC_IDS, BUNDLE_PATHS, FakeInstagram, NONE_LISTED, PAGE_TOKENS, VIEWER_ID, fixtureText, respondFixture } from './fakeInstagram';

const ACCOUNT: AccountInfo = { id: VIEWER_ID, handle: 'star.demo' };
const GRAPHQL = '/graphql/query';
const FEED_PATH = `/api/v1/feed/user/${VIEWER_ID}/`;
const POSTS_ID = BUNDLE_DOC_IDS.PolarisProfilePostsQuery;
const PLEASE_WAIT = respond(401, '{"message":"Please wait a few minutes before you try again.","require_login":true,"status":"fail"}');
const byDocId = (docId: string) => (_url: URL, req: ApiRequest) => FakeInstagram.form(req).get('doc_id') === docId;

function postsOf(ig: FakeInstagram): URLSearchParams[] {
  return ig.requests.filter((req) => req.method === 'POST').map((req) => FakeInstagram.form(req));
}

describe('GraphQL as the web app sends it', () => {
  it('posts the form fields and headers of the web app, with the tokens of the page and the doc_id of its bundles', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', GRAPHQL, respondFixture('graphql-posts-1.json'));
    await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(ig.paths()).toEqual(['/star.demo/', ...BUNDLE_PATHS.map((path) => `static.cdninstagram.com${path}`), GRAPHQL]);
    const request = ig.requests.at(-1)!;
    const form = Object.fromEntries(FakeInstagram.form(request));
    expect(form).toMatchObject({
      av: VIEWER_ID,
      __a: '1',
      __comet_req: '7',
      fb_dtsg: PAGE_TOKENS.fbDtsg,
      jazoest: jazoest(PAGE_TOKENS.fbDtsg),
      lsd: PAGE_TOKENS.lsd,
      fb_api_caller_class: 'RelayModern',
      fb_api_req_friendly_name: 'PolarisProfilePostsQuery',
      server_timestamps: 'true',
      doc_id: POSTS_ID,
    });
    expect(JSON.parse(form.variables!)).toMatchObject({ username: 'star.demo', data: { count: 12 } });
    expect(request.headers).toMatchObject({
      'X-FB-LSD': PAGE_TOKENS.lsd,
      'X-FB-Friendly-Name': 'PolarisProfilePostsQuery',
      'X-CSRFToken': ig.cookies.csrftoken,
      'X-IG-App-ID': '936619743392459',
      'X-ASBD-ID': '359341',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
  });

  it('reads the page and the bundles once per job, whatever the number of queries', async () => {
    const ig = new FakeInstagram()
      .withWebApp()
      .on('POST', GRAPHQL, respondFixture('graphql-posts-1.json'), byDocId(POSTS_ID))
      .on('POST', GRAPHQL, respondFixture('graphql-reels-tab.json'), byDocId(BUNDLE_DOC_IDS.PolarisProfileReelsTabContentQuery));
    await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    await reelsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    await postsGraphql.fetchPage(ig, ACCOUNT, JSON.stringify({ next: 'X_1' }), NONE_LISTED);
    expect(ig.paths().filter((path) => path !== GRAPHQL)).toHaveLength(1 + BUNDLE_PATHS.length);
  });

  it('reads the profile’s own page and its bundles when only the home page was read, which links none of the profile queries', async () => {
    const home = '<html><script src="https://static.cdninstagram.com/rsrc.php/v4/home.js"></script>' + '["DTSGInitialData",[],{"token":"NAcHome"},1],["LSD",[],{"token":"AVqHome"},1],{"actorID":"51234567890"}</html>';
    const ig = new FakeInstagram()
      .on('GET', '/', () => respond(200, home))
      .on('GET', '/rsrc.php/v4/home.js', respond(200, '__d("PolarisFeedRootQuery_instagramRelayOperation",[],(function(a,b,c,d,e,f){e.exports="123456789"}),null);'))
      .on('GET', FEED_PATH, redirect(undefined))
      .withWebApp()
      .on('POST', GRAPHQL, respondFixture('graphql-posts-1.json'));
    expect((await rejection(postsRest.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('endpoint_retired');
    await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(ig.paths()).toEqual([FEED_PATH, '/', '/star.demo/', ...BUNDLE_PATHS.map((path) => `static.cdninstagram.com${path}`), GRAPHQL]);
    expect(postsOf(ig)[0]?.get('doc_id')).toBe(POSTS_ID);
    expect(postsOf(ig)[0]?.get('fb_dtsg')).toBe(PAGE_TOKENS.fbDtsg);
  });

  it('stops reading bundles once every query is found', async () => {
    const ig = new FakeInstagram()
      .on('GET', '/star.demo/', () => respond(200, fixtureText('profile-page.html')))
      .on('GET', BUNDLE_PATHS[0], () => respond(200, fixtureText('bundle-relay-ops-1.js.txt') + fixtureText('bundle-relay-ops-2.js.txt')))
      .on('POST', GRAPHQL, respondFixture('graphql-posts-1.json'));
    await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(ig.paths()).toEqual(['/star.demo/', `static.cdninstagram.com${BUNDLE_PATHS[0]}`, GRAPHQL]);
  });

  it('falls back to the compiled-in doc_id when no bundle publishes one (or none can be read)', async () => {
    const ig = new FakeInstagram()
      .on('GET', '/star.demo/', () => respond(200, fixtureText('profile-page.html')))
      .on('GET', BUNDLE_PATHS[0], respond(404, 'Not found'))
      .on('GET', BUNDLE_PATHS[1], respond(200, '__d("Other",[],(function(){}),null);'))
      .on('POST', GRAPHQL, respondFixture('graphql-posts-1.json'));
    await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(postsOf(ig)[0]?.get('doc_id')).toBe(FALLBACK_DOC_IDS.PolarisProfilePostsQuery);
  });

  it('refuses a logged-out page without posting anything', async () => {
    const ig = new FakeInstagram().withWebApp('profile-page-logged-out.html');
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('login_required');
    expect(postsOf(ig)).toHaveLength(0);
  });
});

/** The web app whose bundles publish `next` as the posts query's doc_id once a GraphQL call got 401 "Please wait". */
function rotatingOn401(next: string, which?: Parameters<FakeInstagram['on']>[3]): FakeInstagram {
  let published: string = POSTS_ID;
  return new FakeInstagram()
    .on('GET', '/star.demo/', () => respond(200, fixtureText('profile-page.html')))
    .on('GET', BUNDLE_PATHS[0], () => respond(200, fixtureText('bundle-relay-ops-1.js.txt').replace(POSTS_ID, published)))
    .on('GET', BUNDLE_PATHS[1], () => respond(200, fixtureText('bundle-relay-ops-2.js.txt')))
    .on(
      'POST',
      GRAPHQL,
      () => {
        published = next;
        return PLEASE_WAIT;
      },
      which,
    );
}

describe('GraphQL 401 "Please wait": a revoked doc_id first, a rate limit only then', () => {
  it('reads the page and its bundles again and asks with the new doc_id', async () => {
    const ig = rotatingOn401('30000000000000001', byDocId(POSTS_ID)).on('POST', GRAPHQL, respondFixture('graphql-posts-1.json'), byDocId('30000000000000001'));
    const page = await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED);
    expect(page.posts).toHaveLength(1);
    expect(ig.paths().slice(3)).toEqual([GRAPHQL, '/star.demo/', `static.cdninstagram.com${BUNDLE_PATHS[0]}`, GRAPHQL]);
    expect(postsOf(ig).map((form) => form.get('doc_id'))).toEqual([POSTS_ID, '30000000000000001']);
  });

  it('is a rate limit when the bundles still publish the same doc_id, without asking again', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', GRAPHQL, PLEASE_WAIT);
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('rate_limited');
    expect(postsOf(ig)).toHaveLength(1);
  });

  it('is a rate limit when the new doc_id gets a 401 as well', async () => {
    const ig = rotatingOn401('30000000000000002');
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('rate_limited');
    expect(postsOf(ig)).toHaveLength(2);
  });
});

describe('GraphQL token errors and failures', () => {
  it.each([
    ['an HTML page', respond(200, '<!DOCTYPE html><html><body>Instagram</body></html>')],
    ['a stale fb_dtsg', respond(200, 'for (;;);{"error":1357004,"errorSummary":"Sorry, something went wrong","payload":null}')],
    ['a redirect the browser hides', redirect(undefined)],
  ])('reads the page again after %s and asks once more', async (_name, refusal) => {
    let calls = 0;
    const ig = new FakeInstagram()
      .withWebApp()
      .on('POST', GRAPHQL, () => (++calls === 1 ? refusal : respondFixture('graphql-posts-1.json')));
    expect((await postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED)).posts).toHaveLength(1);
    expect(ig.paths().filter((path) => path === '/star.demo/')).toHaveLength(2);
  });

  it('calls a query still refused with fresh tokens retired for this session, not a logout', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', GRAPHQL, redirect(undefined));
    const error = await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED));
    expect(error.kind).toBe('endpoint_retired');
  });

  it('calls it a logout when the session cookie is gone', async () => {
    const ig = new FakeInstagram().withWebApp().on('POST', GRAPHQL, () => {
      delete ig.cookies.ds_user_id;
      return redirect(undefined);
    });
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('login_required');
  });

  it.each([
    ['errors[] with data null', fixtureText('graphql-doc-id-gone.json'), 'platform_changed'],
    ['data.<root> null', '{"data":{"xdt_api__v1__feed__user_timeline_graphql_connection":null},"status":"ok"}', 'platform_changed'],
    ['no data at all', '{"status":"ok"}', 'platform_changed'],
    ['errors[] beside data', '{"data":{"xdt_api__v1__feed__user_timeline_graphql_connection":{"edges":[]}},"errors":[{"message":"execution error"}],"status":"ok"}', 'platform_changed'],
    ['a root of another shape', '{"data":{"xdt_api__v1__feed__user_timeline_graphql_connection":{"items":[]}},"status":"ok"}', 'platform_changed'],
    ['a rate-limit error', '{"data":null,"errors":[{"message":"Rate limit exceeded","code":1675004}],"status":"ok"}', 'rate_limited'],
  ])('fails the section on %s, never lists it as empty', async (_name, body, kind) => {
    const ig = new FakeInstagram().withWebApp().on('POST', GRAPHQL, respond(200, body));
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe(kind);
  });

  it('calls a 400 "execution error" (a wrong set of relay flags, instaloader #2695) a platform change', async () => {
    const body = '{"errors":[{"message":"execution error","code":1675002,"summary":"Incorrect Query"}],"status":"ok"}';
    const ig = new FakeInstagram().withWebApp().on('POST', GRAPHQL, respond(400, body));
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe('platform_changed');
  });
});

describe('the page a query needs', () => {
  it.each([
    ['429', respond(429, '<html>Please wait</html>'), 'rate_limited'],
    ['500', respond(500, '<html>Oops</html>'), 'http_error'],
    ['a login redirect', redirect('https://www.instagram.com/accounts/login/?next=%2Fstar.demo%2F'), 'login_required'],
    ['a checkpoint redirect', redirect('https://www.instagram.com/challenge/AbC/'), 'login_required'],
  ])('never calls a page that failed with %s anything it was not', async (_name, answer, kind) => {
    const ig = new FakeInstagram().on('GET', '/star.demo/', answer);
    expect((await rejection(postsGraphql.fetchPage(ig, ACCOUNT, null, NONE_LISTED))).kind).toBe(kind);
  });
});
