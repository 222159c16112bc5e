import { describe, expect, it } from 'vitest';
import { authorizationHeader, sapisidToken } from '../../../../lib/platforms/youtube/sapisidHash';

const COOKIE = 'AbCdEfGhIjKlMnOp/QrStUvWxYzAbCdEfG';
const TS = 1_700_000_000;
const U = '110123456789012345678';
// Computed independently: python3 -c "import hashlib; print(hashlib.sha1(b'<input>').hexdigest())"
const WITHOUT_U = '3b4d8252e52863662e094aa62c8727d0da99d537'; // sha1("1700000000 <cookie> https://www.youtube.com")
const WITH_U = 'fe21a597495f0e8ec1f8144c4b9b2baf543919de'; // sha1("110123456789012345678 1700000000 <cookie> https://www.youtube.com")

describe('SAPISIDHASH', () => {
  it('matches the known vector without the user session id: <ts>_<sha1>', async () => {
    expect(await sapisidToken(COOKIE, TS)).toBe(`${TS}_${WITHOUT_U}`);
  });

  it('matches the known vector with the user session id: <ts>_<sha1>_u', async () => {
    expect(await sapisidToken(COOKIE, TS, U)).toBe(`${TS}_${WITH_U}_u`);
  });

  it('sends one token per session cookie present, in the web client’s order', async () => {
    const header = await authorizationHeader({ SAPISID: COOKIE, '__Secure-1PAPISID': COOKIE, '__Secure-3PAPISID': COOKIE }, TS, U);
    expect(header).toBe(`SAPISIDHASH ${TS}_${WITH_U}_u SAPISID1PHASH ${TS}_${WITH_U}_u SAPISID3PHASH ${TS}_${WITH_U}_u`);
  });

  it('signs only the cookies that exist', async () => {
    expect(await authorizationHeader({ '__Secure-3PAPISID': COOKIE }, TS)).toBe(`SAPISID3PHASH ${TS}_${WITHOUT_U}`);
    expect(await authorizationHeader({}, TS, U)).toBeUndefined();
  });
});
