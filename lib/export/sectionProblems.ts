import type { SectionReport } from './types';

/**
 * One sentence for each section that was not read to its end, e.g. "Stories could not be read:
 * Instagram answered 500.", so neither the popup nor the export ever calls a short export complete.
 */
export function sectionProblems(sections: readonly SectionReport[] | undefined): string[] {
  return (sections ?? []).flatMap((section) => {
    const reason = section.reason ? `: ${section.reason}` : '.';
    if (section.status === 'unavailable') return [`${section.label} could not be read${reason}`];
    if (section.status === 'partial') return [`${section.label} were read only in part${reason}`];
    return [];
  });
}
