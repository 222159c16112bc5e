/** Text for element content and quoted attribute values alike: nothing a platform sends can open a tag or leave a quote. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A path relative to the export root as a URL relative to index.html: each segment is
 * percent-encoded, so a `#`, `?` or `%` left in a sanitized id names the file instead of
 * starting a fragment or query.
 */
export function relativeUrl(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Only web links leave the page; `javascript:` or `data:` from platform data never become a link. */
export function safeWebUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
