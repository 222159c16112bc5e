import type { MediaFormat } from '../types';
import { parseUrl } from './urlPaths';

const EXTENSIONS: Record<string, MediaFormat> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', mp4: 'mp4', mov: 'mov' };

/** The format a file extension names (any case), when it is one the export keeps. */
export function formatOfExtension(extension: string | undefined): MediaFormat | undefined {
  const key = extension?.toLowerCase();
  // Own keys only: a path ending in `.constructor` must not reach Object's built-ins.
  return key !== undefined && Object.hasOwn(EXTENSIONS, key) ? EXTENSIONS[key] : undefined;
}

/**
 * The format a media URL promises: the extension `conversion` reads from it first (a CDN told to
 * convert the file serves that, whatever the path says), then the path's own extension. Only a
 * hint; the downloaded bytes decide.
 */
export function formatFromUrl(url: string, conversion?: (url: URL) => string | undefined): MediaFormat | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  return formatOfExtension(conversion?.(parsed)) ?? formatOfExtension(/\.([a-z0-9]+)$/i.exec(parsed.pathname)?.[1]);
}
