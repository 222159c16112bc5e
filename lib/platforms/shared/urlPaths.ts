/** `text` as a URL (relative to `base` when given), or undefined when it is not one. */
export function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** `text` as a URL when it is one on `hosts` (a platform's pages), else undefined. */
export function urlOnHosts(text: string, hosts: readonly string[]): URL | undefined {
  const url = parseUrl(text);
  return url && hosts.includes(url.hostname) ? url : undefined;
}

/** The non-empty segments of a URL's path, still percent-encoded: `//a/b/` gives `['a', 'b']`. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean);
}

/** Percent-decoded text, or the text as given when an escape in it is broken (`%E0%A4%A`). */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
