import { ExportError } from '../../errors';
import type { JobRecord, MediaRecord } from '../../storage/exportDb';
import { buildSidecar } from './sidecar';

/** A media file's entries are dated by its post; a post with no usable date, by when it was added. */
export function entryDate(iso: string, fallback: Date): Date {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? fallback : new Date(time);
}

/** The sidecar written beside a kept file, as the ZIP holds it. */
export function sidecarText(job: JobRecord, record: MediaRecord, byteSize: number, sha256: string, fallbackDate: Date): string {
  if (!record.format) throw new ExportError('internal', `The downloaded file of ${record.mediaId} has no known format; resume the export.`);
  const sidecar = buildSidecar({
    platform: job.request.platform,
    item: record.item,
    format: record.format,
    byteSize,
    sha256,
    downloadedAt: new Date(record.downloadedAt ?? fallbackDate),
    ...(record.original ? { original: record.original } : {}),
  });
  return JSON.stringify(sidecar, null, 2);
}
