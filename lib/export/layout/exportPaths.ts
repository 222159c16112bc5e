import type { MediaFormat, PlatformId } from '../../platforms/types';
import { extensionFor, kindOf } from '../media/mediaFormat';
import { sanitizePathComponent } from './sanitizeName';

/**
 * The ZIP layout of docs/export-format.md, a contract users' scripts rely on:
 *
 *   export-{jobId}/{platform}-export-{jobId}.json
 *   export-{jobId}/media/{images|videos}/{platform}/{date}_{id}.{ext}
 *   export-{jobId}/media/{images|videos}/{platform}/{id}.{ext}.meta.json
 */

/** Ids get less than a whole component so `{date}_`, a `_N` suffix and `.ext.meta.json` still fit. */
const MAX_ID_BYTES = 80;

/** `YYYY-MM-DD` in UTC, or `undated` when the platform gave no usable time. */
export function utcDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'undated' : new Date(time).toISOString().slice(0, 10);
}

export function exportRoot(jobId: string): string {
  return `export-${sanitizePathComponent(jobId, 'job')}`;
}

/** The main JSON's path relative to the export root. */
export function mainJsonName(platform: PlatformId, jobId: string): string {
  return sanitizePathComponent(`${platform}-export-${jobId}.json`, `${platform}-export.json`);
}

/** A path relative to the export root as a ZIP entry name. */
export function zipEntryPath(jobId: string, relativePath: string): string {
  return `${exportRoot(jobId)}/${relativePath}`;
}

export function mediaFolder(platform: PlatformId, format: MediaFormat): string {
  return `media/${kindOf(format) === 'video' ? 'videos' : 'images'}/${platform}`;
}

/**
 * Hands out names that differ from every name handed out before, compared the way Windows and
 * macOS compare them (case-insensitively), by adding `_2`, `_3`… before the extension.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** Upper-then-lower folds more pairs than lower alone (ς/σ, ß/SS): erring towards a suffix is harmless. */
  private static key(name: string): string {
    return name.normalize('NFC').toUpperCase().toLowerCase();
  }

  claim(name: string, extension = ''): string {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? `${name}${extension}` : `${name}_${n}${extension}`;
      const key = UniqueNames.key(candidate);
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}

export interface MediaPaths {
  /** `media/images/instagram/2024-05-01_123.jpg`, relative to the export root. */
  file: string;
  /** `media/images/instagram/123.jpg.meta.json`, beside the file. */
  sidecar: string;
}

/**
 * Paths for every media file of one export. An id is made unique within its folder (once
 * sanitized, case-insensitively), and both the file and its sidecar use that unique id, so two
 * items never overwrite each other. Names depend on the order of calls: call it in a stable
 * order (the stored item order) so a resumed job names files the same way.
 */
export class MediaLayout {
  private readonly ids = new UniqueNames();

  constructor(private readonly platform: PlatformId) {}

  pathsFor(item: { id: string; publishedAt: string }, format: MediaFormat): MediaPaths {
    const folder = mediaFolder(this.platform, format);
    const ext = `.${extensionFor(format)}`;
    const safeId = sanitizePathComponent(item.id, 'media', MAX_ID_BYTES);
    const unique = this.ids.claim(`${folder}/${safeId}`, ext);
    const id = unique.slice(folder.length + 1, -ext.length);
    return { file: `${folder}/${utcDate(item.publishedAt)}_${id}${ext}`, sidecar: `${folder}/${id}${ext}.meta.json` };
  }

  /** Takes paths handed out before a restart (in the streaming ZIP already), so no later file gets them. */
  reserve(paths: MediaPaths): void {
    this.ids.claim(paths.sidecar.slice(0, -'.meta.json'.length));
  }
}

/** `star-export_instagram_{account}_{YYYY-MM-DD}_{jobId}.zip`: what the user sees in Downloads. */
export function zipFileName(platform: PlatformId, accountHandle: string, date: Date, jobId: string): string {
  const account = sanitizePathComponent(accountHandle, 'account', 60);
  const job = sanitizePathComponent(jobId, 'job', 40);
  const day = Number.isNaN(date.getTime()) ? 'undated' : date.toISOString().slice(0, 10);
  return `star-export_${platform}_${account}_${day}_${job}.zip`;
}

/** `…_{jobId}_part-01.zip`: the name of one part of a split export, from its whole name or another part's. */
export function partZipFileName(zipName: string, number: number): string {
  return zipName.replace(/(_part-\d{2,})?\.zip$/, `_part-${String(number).padStart(2, '0')}.zip`);
}
