import { describe, expect, it } from 'vitest';
import { jazoest } from '../../../../lib/platforms/shared/jazoest';
import { readPageTokens } from '../../../../lib/platforms/facebook/pageTokens';
import { fixtureText, VIEWER_DTSG, VIEWER_ID } from './fakeFacebook';

describe('readPageTokens', () => {
  it('reads fb_dtsg, lsd, the user and the revision values from the data-sjs blocks', () => {
    expect(readPageTokens(fixtureText('home-logged-in.html'))).toEqual({
      fbDtsg: VIEWER_DTSG,
      lsd: 'AVpQ7x_bM3k',
      userId: VIEWER_ID,
      name: 'Maria Test',
      revision: '1029384756',
      hsi: '7456123456789012345',
      hasteSession: '20431.HYP:comet_pkg.2.1...0',
      spinBranch: 'trunk',
      spinTime: '1765900000',
    });
  });

  it('finds nothing on the logged-out page (no fb_dtsg), on a block page or on plain HTML', () => {
    for (const name of ['home-logged-out.html', 'block-page.html']) expect(readPageTokens(fixtureText(name))).toBeUndefined();
    expect(readPageTokens('<html><body>hi</body></html>')).toBeUndefined();
  });

  it('reports USER_ID "0" so the caller can say "logged out"', () => {
    const html = '<script type="application/json" data-sjs>{"define":[["DTSGInitialData",[],{"token":"NAcX:1:2"},1],["CurrentUserInitialData",[],{"USER_ID":"0"},2]]}</script>';
    expect(readPageTokens(html)).toMatchObject({ userId: '0', fbDtsg: 'NAcX:1:2' });
  });

  it('skips script blocks that are not JSON, and JSON that is not data-sjs', () => {
    const html =
      '<script type="application/json" data-sjs>{not json</script>' +
      '<script type="application/json">{"define":[["DTSGInitialData",[],{"token":"wrong"},1]]}</script>' +
      '<script data-sjs type="application/json">{"define":[["DTSGInitialData",[],{"token":"right"},1],["CurrentUserInitialData",[],{"USER_ID":"42"},2]]}</script>';
    expect(readPageTokens(html)).toMatchObject({ fbDtsg: 'right', userId: '42' });
  });
});

describe('jazoest', () => {
  it('is "2" and the sum of the token’s character codes', () => {
    expect(jazoest('ab')).toBe('2195');
    expect(jazoest(VIEWER_DTSG)).toBe(`2${[...VIEWER_DTSG].reduce((sum, c) => sum + c.charCodeAt(0), 0)}`);
  });
});
