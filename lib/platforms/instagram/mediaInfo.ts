import { isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { asObjects, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, getJson } from './api';
import { mediaPk, type MediaPk } from './json';

/** One post as `/media/{pk}/info/` gives it, or undefined when it is gone. */
export async function readMediaInfo(ctx: PlatformContext, pk: MediaPk): Promise<JsonObject | undefined> {
  try {
    const body = await getJson(ctx, apiUrl(`/media/${pk}/info/`), 'media info');
    return asObjects(body.items).find((media) => mediaPk(media) === pk);
  } catch (error) {
    // A deleted or hidden post answers 404, or 400 "Media not found or unavailable".
    if (isExportError(error) && error.kind === 'http_error' && error.details.status === 400) return undefined;
    if (isExportError(error) && error.details.status === 404) return undefined;
    throw error;
  }
}
