/**
 * Reads the parts of a PROPFIND multistatus body an uploader needs: each response's href and
 * size. Service workers have no DOMParser, and servers pick their own namespace prefixes
 * (`d:`, `D:`, none), so the elements are matched by local name.
 */
export interface DavEntry {
  /** The href decoded, as the server wrote it (a path or a full URL). */
  href: string;
  size?: number;
}

const RESPONSE = /<(?:[\w.-]+:)?response\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?response\s*>/g;
const HREF = /<(?:[\w.-]+:)?href\b[^>]*>([^<]*)<\/(?:[\w.-]+:)?href\s*>/;
const LENGTH = /<(?:[\w.-]+:)?getcontentlength\b[^>]*>\s*(\d+)\s*<\/(?:[\w.-]+:)?getcontentlength\s*>/;

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function parseMultistatus(xml: string): DavEntry[] {
  const entries: DavEntry[] = [];
  for (const match of xml.matchAll(RESPONSE)) {
    const body = match[1] ?? '';
    const href = HREF.exec(body)?.[1];
    if (href === undefined) continue;
    const length = LENGTH.exec(body)?.[1];
    entries.push({ href: decodeURIComponent(decodeXmlText(href.trim())), ...(length !== undefined ? { size: Number(length) } : {}) });
  }
  return entries;
}

/** The last path segment of an href, without a trailing slash. */
export function hrefName(href: string): string {
  const path = href.replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}
