import type { Manifest } from '../layout/manifest';
import { csvDocument } from './csv';

const COLUMNS = ['section', 'label', 'status', 'strategy', 'listed', 'expected', 'reason'] as const;

/** One row per part of the account (posts, reels, stories…): whether it was read completely, and if not, why. */
export function buildSectionsCsv(manifest: Pick<Manifest, 'sections'>): string {
  return csvDocument(
    COLUMNS,
    manifest.sections.map((s) => [s.name, s.label, s.status, s.strategy, s.listed, s.expected, s.reason]),
  );
}
