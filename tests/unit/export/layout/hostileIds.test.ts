import { describe, expect, it } from 'vitest';
import { MediaLayout, zipEntryPath, zipFileName } from '../../../../lib/export/layout/exportPaths';
import { extractMediaItems, toPost } from '../../../../lib/platforms/instagram/parseMedia';
import type { MediaFormat } from '../../../../lib/platforms/types';
import { collisions, componentProblems, entryPathProblems } from './portableNames';

const JOB = '20261124-7f3a9c';

/** Ids a broken or malicious answer could carry, and ids that differ only where a file system does not look. */
const HOSTILE_IDS = [
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '/absolute',
  'C:\\boot.ini',
  '..',
  '.',
  '',
  ' ',
  '...',
  'CON',
  'con',
  'aux.jpg',
  'COM1',
  'com¹',
  'LPT9.txt',
  'nul ',
  'CONIN$',
  'a\u0000b',
  'tab\there',
  'esc\u001b[31m',
  'del\u007f',
  'c1\u0085',
  '999\u202Egpj.exe',
  'isolate\u2066x\u2069',
  'bom\ufeff',
  'line\u2028sep',
  'lone\ud800',
  'AbC',
  'abc',
  'ABC',
  'e\u0301',
  'é',
  'trailing.',
  'trailing',
  'trailing ',
  'ß',
  'SS',
  'ss',
  '👩🏽‍💻',
  'x'.repeat(300),
  `${'x'.repeat(299)}y`,
  `${'7'.repeat(200)}1`,
  `${'7'.repeat(200)}2`,
  '🙂'.repeat(100),
  `${'🙂'.repeat(99)}😀`,
  'a<b>c:d"e|f?g*h',
  'a_b',
  'a/b',
  'a\\b',
];

describe('hostile ids through the export layout', () => {
  const formats: MediaFormat[] = ['jpg', 'png', 'mp4'];

  it('gives every id portable file and sidecar names, inside the export root, none colliding', () => {
    const layout = new MediaLayout('instagram');
    const entries: string[] = [];
    for (const [i, id] of HOSTILE_IDS.entries()) {
      for (const format of formats) {
        const paths = layout.pathsFor({ id, publishedAt: i % 2 ? '2026-01-02T03:04:05Z' : 'not a date' }, format);
        entries.push(zipEntryPath(JOB, paths.file), zipEntryPath(JOB, paths.sidecar));
      }
    }
    const problems = entries.flatMap((e) => entryPathProblems(e).map((p) => `${JSON.stringify(e)}: ${p}`));
    expect(problems).toEqual([]);
    for (const entry of entries) expect(entry.startsWith(`export-${JOB}/media/`), entry).toBe(true);
    expect(collisions(entries)).toEqual([]);
  });

  it('names the ZIP portably whatever the account handle', () => {
    for (const handle of HOSTILE_IDS) {
      const name = zipFileName('instagram', handle, new Date('2026-11-24T12:00:00Z'), JOB);
      expect(componentProblems(name), JSON.stringify(handle)).toEqual([]);
      expect(name).toMatch(/^star-export_instagram_.+_2026-11-24_20261124-7f3a9c\.zip$/);
    }
    expect(componentProblems(zipFileName('instagram', 'star.demo', new Date(Number.NaN), '../../x'))).toEqual([]);
  });
});

/** A v1 media item as the API shapes it, with the given pk, id and (for a carousel) children. */
function media(pk: unknown, children?: unknown[]): Record<string, unknown> {
  const image = { image_versions2: { candidates: [{ url: 'https://scontent-lax3-1.cdninstagram.com/v/a.jpg?stp=dst-jpg', width: 10, height: 10 }] } };
  return {
    pk,
    id: `${String(pk)}_51234567890`,
    taken_at: 1_790_000_000,
    media_type: children ? 8 : 1,
    caption: { text: 'hi' },
    ...(children ? { carousel_media: children } : image),
  };
}

describe('where the Instagram adapter sends hostile pks', () => {
  it.each(['../../etc/passwd', 'CON', 'a\u0000b', '999\u202Egpj.exe', 'AbC', 'a/b', '12a'])('keeps a post whose pk is %j under that pk, with its file', (pk) => {
    const post = toPost(media(pk));
    expect(post.id).toBe(pk);
    expect(post.media.map((m) => [m.id, m.postId])).toEqual([[pk, pk]]);
  });

  it('keeps a post whose pk is empty under its `id` text', () => {
    expect(toPost(media('')).id).toBe('_51234567890');
  });

  it('gives a kept hostile id a portable name inside the export root', () => {
    const layout = new MediaLayout('instagram');
    const names = ['../../etc/passwd', 'CON', 'AbC', 'abc'].map((pk) => zipEntryPath(JOB, layout.pathsFor(toPost(media(pk)).media[0]!, 'jpg').file));
    expect(names.flatMap(entryPathProblems)).toEqual([]);
    expect(collisions(names)).toEqual([]);
  });

  it('keeps a post whose pk is numeric, however long', () => {
    const long = '7'.repeat(250);
    expect(toPost(media(long)).id).toBe(long);
  });

  it('reads an unsafe numeric pk from the id string instead of a rounded number', () => {
    const post = toPost({ ...media(3_000_000_000_000_000_001), id: '3000000000000000001_51234567890' });
    expect(post.id).toBe('3000000000000000001');
  });

  it('renames carousel children with no usable pk after the post and their position, keeping the pk as sent', () => {
    const child = (pk: string) => ({ pk, media_type: 1, image_versions2: { candidates: [{ url: `https://scontent-lax3-1.cdninstagram.com/v/${encodeURIComponent(pk)}.jpg`, width: 1, height: 1 }] } });
    const carousel = media('3000000000000000004', [child('../../evil'), child('CON'), child('3000000000000000044')]);
    expect(extractMediaItems(carousel).map((i) => i.id)).toEqual(['3000000000000000004_1', '3000000000000000004_2', '3000000000000000044']);
    expect(toPost(carousel).metadata.media_ids_as_sent).toEqual([
      { id: '3000000000000000004_1', as_sent: '../../evil' },
      { id: '3000000000000000004_2', as_sent: 'CON' },
    ]);
  });
});
