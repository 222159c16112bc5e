import type { Manifest } from '../layout/manifest';
import { sanitizePathComponent } from '../layout/sanitizeName';
import type { ExportFormat } from '../types';
import { buildIndexHtml, INDEX_HTML_NAME } from './indexHtml';
import { buildPostsCsv } from './postsCsv';
import { buildSectionsCsv } from './sectionsCsv';

/** `{platform}-export-{jobId}.csv`, beside the main JSON. */
export function csvName(manifest: Pick<Manifest, 'platform' | 'jobId'>): string {
  return sanitizePathComponent(`${manifest.platform}-export-${manifest.jobId}.csv`, `${manifest.platform}-export.csv`);
}

/** `{platform}-sections-{jobId}.csv`: how each part of the account was read. */
export function sectionsCsvName(manifest: Pick<Manifest, 'platform' | 'jobId'>): string {
  return sanitizePathComponent(`${manifest.platform}-sections-${manifest.jobId}.csv`, `${manifest.platform}-sections.csv`);
}

/**
 * The files a format adds beside the main JSON (which every format keeps), as paths relative
 * to the export root.
 */
export function formatEntries(format: ExportFormat, manifest: Manifest): { path: string; text: string }[] {
  switch (format) {
    case 'json':
      return [];
    case 'csv':
      return [
        { path: csvName(manifest), text: buildPostsCsv(manifest) },
        { path: sectionsCsvName(manifest), text: buildSectionsCsv(manifest) },
      ];
    case 'html':
      return [{ path: INDEX_HTML_NAME, text: buildIndexHtml(manifest) }];
  }
}
