import type { MediaVariant } from '../types';

/**
 * The rendition a Facebook video URL names in its `efg` parameter: base64 JSON whose `vencode_tag`
 * reads like `xpv_progressive.FACEBOOK..C3.360.dash_h264-basic-gen2_360p`, the number being the
 * rendition's "p" (its shorter side). The progressive files carry no size anywhere else (yt-dlp and
 * gallery-dl rank them by their HD/SD label alone), so this is read, never assumed; the URL itself
 * is not touched.
 */
export function renditionLines(url: string): number | undefined {
  let efg: string | null;
  try {
    efg = new URL(url).searchParams.get('efg');
  } catch {
    return undefined;
  }
  if (!efg) return undefined;
  let tag: unknown;
  try {
    tag = (JSON.parse(atob(efg.replace(/-/g, '+').replace(/_/g, '/'))) as { vencode_tag?: unknown }).vencode_tag;
  } catch {
    return undefined;
  }
  if (typeof tag !== 'string') return undefined;
  const match = /\.C3\.(\d{3,4})\./.exec(tag) ?? /_(\d{3,4})p(?:$|[^\d])/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

/**
 * A rendition of `lines` ("360p") of a video shaped `width`×`height`: its shorter side is the
 * lines, its longer one in the video's proportion. Undefined without a known shape or lines.
 */
export function renditionSize(lines: number | undefined, width: number | undefined, height: number | undefined): Pick<MediaVariant, 'width' | 'height'> | undefined {
  if (lines === undefined || !width || !height) return undefined;
  const longer = Math.round((lines * Math.max(width, height)) / Math.min(width, height));
  return width >= height ? { width: longer, height: lines } : { width: lines, height: longer };
}
