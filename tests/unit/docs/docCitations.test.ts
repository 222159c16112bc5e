import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Comments cite the repository's docs as `docs/<page>.md, "<heading>"`. A heading renamed or a page
 * moved would leave them pointing nowhere, which is how the code once came to cite files that are
 * not in the repository; this keeps every citation answerable.
 */
const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['lib', 'entrypoints', 'tests', 'bench', 'scripts', 'README.md'];
const SOURCE = /\.(ts|tsx|md)$/;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return SOURCE.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => (name === 'node_modules' || name === 'fixtures' ? [] : filesUnder(join(path, name))));
}

/** `docs/<page>.md, "A", "B"` or `docs/<page>.md ("A")`, also across comment line breaks. */
const CITATION = /docs\/([\w-]+\.md)(?:[,;:]?\s*\(?\s*((?:"[^"\n]+"\s*[,;]?\s*)+))?/g;

function citations(text: string): { page: string; headings: string[] }[] {
  const joined = text.replace(/\n\s*(?:\*|\/\/)\s*/g, ' ');
  return [...joined.matchAll(CITATION)].map((match) => ({
    page: match[1]!,
    headings: [...(match[2] ?? '').matchAll(/"([^"]+)"/g)].map((quoted) => quoted[1]!),
  }));
}

function headingsOf(page: string): Set<string> {
  const text = readFileSync(join(ROOT, 'docs', page), 'utf8');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]!.trim()));
}

describe('citations of docs/ in the code', () => {
  const found = SCANNED.flatMap((entry) => filesUnder(join(ROOT, entry))).flatMap((file) =>
    citations(readFileSync(file, 'utf8')).map((citation) => ({ ...citation, file: relative(ROOT, file) })),
  );

  it('finds the citations it checks', () => {
    expect(found.filter((citation) => citation.headings.length > 0).length).toBeGreaterThan(40);
  });

  it('name pages and headings that exist', () => {
    const broken = found.flatMap(({ file, page, headings }) => {
      if (!existsSync(join(ROOT, 'docs', page))) return [`${file}: docs/${page} does not exist`];
      const known = headingsOf(page);
      return headings.filter((heading) => !known.has(heading)).map((heading) => `${file}: docs/${page} has no heading "${heading}"`);
    });
    expect(broken).toEqual([]);
  });
});
