/**
 * A media URL fit to keep in the export: origin and path only. The query of a signed CDN URL is
 * its signature (and sometimes identifies the session), which must not end up in files users share.
 */
export function urlWithoutSignature(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}
