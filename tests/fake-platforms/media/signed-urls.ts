import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CDN URL signatures like Meta's: `oh` is an HMAC over the path and every other query parameter
 * (so any edit, including to the expiry `oe`, breaks it), `oe` is the expiry as hex Unix seconds.
 */
export class UrlSigner {
  constructor(private readonly secret: string) {}

  private digest(path: string, params: Iterable<[string, string]>): string {
    // Sorted decoded pairs: a client that merely re-encodes or reorders the query still matches.
    const canonical = [...params]
      .filter(([name]) => name !== 'oh')
      .map(([name, value]) => `${name}=${value}`)
      .sort()
      .join('&');
    return `00_${createHmac('sha256', this.secret).update(`${path}?${canonical}`).digest('hex')}`;
  }

  /** The query string for `path`: leading params, then `oh` and `oe`, then trailing params, like real URLs. */
  sign(path: string, leading: [string, string][], trailing: [string, string][], expiresAt: number): string {
    const oe = Math.floor(expiresAt).toString(16).toUpperCase().padStart(8, '0');
    const oh = this.digest(path, [...leading, ['oe', oe], ...trailing]);
    const query = [...leading, ['oh', oh], ['oe', oe], ...trailing] as [string, string][];
    return query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  }

  verify(url: URL, nowSeconds: number): 'ok' | 'mismatch' | 'expired' {
    const oh = url.searchParams.get('oh');
    const oe = url.searchParams.get('oe');
    if (!oh || !oe || url.searchParams.getAll('oh').length !== 1 || url.searchParams.getAll('oe').length !== 1) return 'mismatch';
    const expected = Buffer.from(this.digest(url.pathname, url.searchParams.entries()));
    const given = Buffer.from(oh);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'mismatch';
    const expiry = Number.parseInt(oe, 16);
    if (!/^[0-9a-fA-F]{8}$/.test(oe) || expiry < nowSeconds) return 'expired';
    return 'ok';
  }
}
