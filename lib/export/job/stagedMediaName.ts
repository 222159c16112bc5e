import type { MediaRecord } from '../../storage/exportDb';

/** Staged files are named by sequence number: platform ids never reach the file system here. */
export function stagedMediaName(record: Pick<MediaRecord, 'seq'>): string {
  return `media-${record.seq}`;
}
