import { toExportError, type ExportError } from '../../errors';
import type { MediaItem } from '../../platforms/types';

/** The server has no file at that address: for a size on a ladder, that size was never made. */
function isMissing(error: ExportError): boolean {
  return error.kind === 'http_error' && error.details.status === 404;
}

/**
 * Downloads the item's own size or, while the server answers 404 for it, the next of its
 * `fallbacks`; any other failure, or a 404 for the last size, is the file's. Returns what was
 * downloaded and the item as it now is: the address and size of the file that existed, with no
 * fallbacks left.
 */
export async function downloadFirstExisting<T>(item: MediaItem, download: (url: string) => Promise<T>): Promise<{ result: T; item: MediaItem }> {
  const { fallbacks = [], ...plain } = item;
  try {
    return { result: await download(item.url), item: plain };
  } catch (error) {
    const failure = toExportError(error);
    const [next, ...smaller] = fallbacks;
    if (!next || !isMissing(failure)) throw failure;
    const nextSize: MediaItem = { ...plain, url: next.url, width: next.width, height: next.height, ...(smaller.length > 0 ? { fallbacks: smaller } : {}) };
    return downloadFirstExisting(nextSize, download);
  }
}
