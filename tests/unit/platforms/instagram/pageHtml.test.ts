import { describe, expect, it } from 'vitest';
import { bundleUrlsOf, pageTokensOf, profileIdOf, showsLoggedOut, viewerIdOf } from '../../../../lib/platforms/instagram/pageHtml';
import { jazoest } from '../../../../lib/platforms/shared/jazoest';
import { PAGE_TOKENS, VIEWER_ID, fixtureText } from './fakeInstagram';

const DTSG = '["DTSGInitialData",[],{"token":"NAcAbc:1:2"},258]';
const LSD = '["LSD",[],{"token":"AVqLsd1"},323]';
/** The web app's telemetry block: `f` repeats fb_dtsg, `l` the lsd (yt-dlp reads lsd there), `u` names the user. */
const EQMC =
  '<script type="application/json" id="__eqmc">{"u":"\\/ajax\\/qm\\/?__a=1&__user=51234567890&__comet_req=7&jazoest=26341","e":"AVqE","s":"0:1a2b","w":0,"f":"NAcEqmc:17:1788449426","l":"AVqEqmcL"}</script>';
const EQMC_LSD_ONLY = '<script type="application/json" id="__eqmc">{"u":"\\/ajax\\/qm\\/?__a=1","w":0,"l":"AVqEqmcL"}</script>';

describe('pageTokensOf', () => {
  it('reads fb_dtsg and lsd from the profile page, and computes jazoest from fb_dtsg', () => {
    expect(pageTokensOf(fixtureText('profile-page.html'))).toEqual({
      fbDtsg: PAGE_TOKENS.fbDtsg,
      lsd: PAGE_TOKENS.lsd,
      jazoest: jazoest(PAGE_TOKENS.fbDtsg),
    });
  });

  it.each([
    ['the define layout', `${DTSG},${LSD}`, { fbDtsg: 'NAcAbc:1:2', lsd: 'AVqLsd1' }],
    ['a token beside other fields', '["DTSGInitialData",[],{"async_get_token":"x","token":"NAcOther"},1],' + LSD, { fbDtsg: 'NAcOther', lsd: 'AVqLsd1' }],
    ['the dtsg/lsd object layout', '"dtsg":{"token":"NAcObj"},"lsd":{"name":"lsd","value":"AVqObj"}', { fbDtsg: 'NAcObj', lsd: 'AVqObj' }],
    ['no lsd', DTSG, undefined],
    ['no fb_dtsg', LSD, undefined],
    ['the empty fb_dtsg of a logged-out page', `["DTSGInitialData",[],{"token":""},258],${LSD}`, undefined],
    ['both from __eqmc (f, l) when the page defines neither module', EQMC, { fbDtsg: 'NAcEqmc:17:1788449426', lsd: 'AVqEqmcL' }],
    ['lsd from __eqmc beside the fb_dtsg module', `${EQMC_LSD_ONLY}${DTSG}`, { fbDtsg: 'NAcAbc:1:2', lsd: 'AVqEqmcL' }],
    ['the modules over __eqmc', `${EQMC}${DTSG},${LSD}`, { fbDtsg: 'NAcAbc:1:2', lsd: 'AVqLsd1' }],
    ['no fb_dtsg from __eqmc when the page declares it empty', `${EQMC}["DTSGInitialData",[],{"token":""},258]`, undefined],
  ])('%s', (_name, html, expected) => {
    const tokens = pageTokensOf(html);
    expect(tokens === undefined ? undefined : { fbDtsg: tokens.fbDtsg, lsd: tokens.lsd }).toEqual(expected);
  });
});

describe('jazoest', () => {
  it.each([
    ['A', '265'],
    ['AB', '2131'],
    ['NAc:1', `2${[...'NAc:1'].reduce((sum, c) => sum + c.charCodeAt(0), 0)}`],
  ])('is "2" and the sum of the character codes of %j', (token, expected) => {
    expect(jazoest(token)).toBe(expected);
  });
});

describe('viewerIdOf', () => {
  it.each([
    ['actorID', '{"actorID":"123"}', '123'],
    ['viewerId', '{"viewerId":"456"}', '456'],
    ['USER_ID', '["CurrentUserInitialData",[],{"USER_ID":"789"}]', '789'],
    ['a logged-out page ("0")', '{"actorID":"0","USER_ID":"0"}', undefined],
    ['none at all', '<html></html>', undefined],
  ])('%s', (_name, html, expected) => {
    expect(viewerIdOf(html)).toBe(expected);
  });

  it('reads the viewer of the profile page fixture', () => {
    expect(viewerIdOf(fixtureText('profile-page.html'))).toBe(VIEWER_ID);
    expect(viewerIdOf(fixtureText('profile-page-logged-out.html'))).toBeUndefined();
  });
});

describe('showsLoggedOut', () => {
  it.each([
    ['the logged-out page', fixtureText('profile-page-logged-out.html'), true],
    ['the logged-in page', fixtureText('profile-page.html'), false],
    ['a page without any web app data (no evidence either way)', '<html><body><h2>star.demo</h2></body></html>', false],
    ['an empty fb_dtsg alone', '["DTSGInitialData",[],{"token":""},258]', true],
    ['a viewer "0" beside a real fb_dtsg (the tokens win)', `{"actorID":"0"}${DTSG},${LSD}`, false],
    ['a viewer "0" beside __eqmc tokens (only the modules stand for a session)', `{"actorID":"0"}${EQMC}`, true],
  ])('%s', (_name, html, expected) => {
    expect(showsLoggedOut(html)).toBe(expected);
  });
});

describe('profileIdOf', () => {
  it('reads "profile_id" from a profile page', () => {
    expect(profileIdOf(fixtureText('profile-page.html'))).toBe(VIEWER_ID);
    expect(profileIdOf('<html>no profile</html>')).toBeUndefined();
  });
});

describe('bundleUrlsOf', () => {
  it('lists the web app’s bundles once each, preloads too, only over https from its static host', () => {
    expect(bundleUrlsOf(fixtureText('profile-page.html'))).toEqual([
      'https://static.cdninstagram.com/rsrc.php/v4/yA/r/Polaris1a2b.js',
      'https://static.cdninstagram.com/rsrc.php/v4/yC/r/Relay3c4d.js?_nc_x=Ij3Wp8lg5Kz&v=2',
    ]);
  });

  it('ignores stylesheets and repeats', () => {
    const src = '<script src="https://static.cdninstagram.com/rsrc.php/a.js"></script>';
    expect(bundleUrlsOf(`${src}${src}<link href="https://static.cdninstagram.com/rsrc.php/b.css">`)).toEqual([
      'https://static.cdninstagram.com/rsrc.php/a.js',
    ]);
  });
});
