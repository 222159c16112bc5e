import type { Manifest } from '../layout/manifest';
import type { ManifestSource } from '../layout/manifestStream';
import { sanitizePathComponent } from '../layout/sanitizeName';
import type { ExportFormat } from '../types';
import { indexHtmlChunks, INDEX_HTML_NAME } from './indexHtml';
import { postsCsvChunks } from './postsCsv';
import { buildSectionsCsv } from './sectionsCsv';

/** `{platform}-export-{jobId}.csv`, beside the main JSON. */
export function csvName(manifest: Pick<Manifest, 'platform' | 'jobId'>): string {
  return sanitizePathComponent(`${manifest.platform}-export-${manifest.jobId}.csv`, `${manifest.platform}-export.csv`);
}

/** `{platform}-sections-{jobId}.csv`: how each part of the account was read. */
export function sectionsCsvName(manifest: Pick<Manifest, 'platform' | 'jobId'>): string {
  return sanitizePathComponent(`${manifest.platform}-sections-${manifest.jobId}.csv`, `${manifest.platform}-sections.csv`);
}

/** One text file of a format: its text comes a piece at a time, once iterated. */
export interface FormatEntry {
  path: string;
  text: AsyncIterable<string>;
}

async function* whole(text: string): AsyncGenerator<string> {
  yield text;
}

/**
 * The files a format adds beside the main JSON (which every format keeps), as paths relative
 * to the export root.
 */
export function formatEntries(format: ExportFormat, source: ManifestSource): FormatEntry[] {
  switch (format) {
    case 'json':
      return [];
    case 'csv':
      return [
        { path: csvName(source.head), text: postsCsvChunks(source) },
        // One row per section: small enough to build whole.
        { path: sectionsCsvName(source.head), text: whole(buildSectionsCsv(source.head)) },
      ];
    case 'html':
      return [{ path: INDEX_HTML_NAME, text: indexHtmlChunks(source) }];
  }
}
