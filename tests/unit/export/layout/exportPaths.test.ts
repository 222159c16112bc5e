import { describe, expect, it } from 'vitest';
import {
  MediaLayout,
  UniqueNames,
  exportRoot,
  mainJsonName,
  mediaFolder,
  utcDate,
  zipEntryPath,
  zipFileName,
} from '../../../../lib/export/layout/exportPaths';
import { unsafeReasons } from '../../support/safeName';

const JOB = '20261124-7f3a9c';

function components(path: string): string[] {
  return path.split('/');
}

describe('export layout', () => {
  it('names the root folder and the main JSON after the job', () => {
    expect(exportRoot(JOB)).toBe('export-20261124-7f3a9c');
    expect(mainJsonName('instagram', JOB)).toBe('instagram-export-20261124-7f3a9c.json');
    expect(zipEntryPath(JOB, mainJsonName('youtube', JOB))).toBe('export-20261124-7f3a9c/youtube-export-20261124-7f3a9c.json');
  });

  it.each([
    ['jpg', 'media/images/instagram'],
    ['png', 'media/images/instagram'],
    ['gif', 'media/images/instagram'],
    ['webp', 'media/images/instagram'],
    ['mp4', 'media/videos/instagram'],
    ['mov', 'media/videos/instagram'],
  ] as const)('puts %s files in %s', (format, folder) => {
    expect(mediaFolder('instagram', format)).toBe(folder);
  });

  it.each([
    ['2024-05-01T23:30:00Z', '2024-05-01'],
    ['2024-05-01T23:30:00-02:00', '2024-05-02'],
    ['2024-05-02T00:30:00+02:00', '2024-05-01'],
    ['not a date', 'undated'],
    ['', 'undated'],
  ])('dates %j as %j in UTC', (iso, date) => {
    expect(utcDate(iso)).toBe(date);
  });

  it('lays out a file and its sidecar side by side', () => {
    const layout = new MediaLayout('instagram');
    expect(layout.pathsFor({ id: '3141_59', publishedAt: '2024-05-01T10:00:00Z' }, 'jpg')).toEqual({
      file: 'media/images/instagram/2024-05-01_3141_59.jpg',
      sidecar: 'media/images/instagram/3141_59.jpg.meta.json',
    });
    expect(layout.pathsFor({ id: 'v1', publishedAt: '2024-05-01T10:00:00Z' }, 'mov')).toEqual({
      file: 'media/videos/instagram/2024-05-01_v1.mov',
      sidecar: 'media/videos/instagram/v1.mov.meta.json',
    });
  });

  it('gives colliding ids distinct names, case-insensitively, for file and sidecar alike', () => {
    const layout = new MediaLayout('facebook');
    const ids = ['abc', 'abc', 'ABC', 'a/b/c', 'a\\b\\c', 'a_b_c', '..', '', 'Abc_2', 'ß', 'SS', 'ss'];
    const paths = ids.map((id, i) => layout.pathsFor({ id, publishedAt: `2024-01-0${(i % 9) + 1}T00:00:00Z` }, 'jpg'));
    const fold = (p: string) => p.toUpperCase().toLowerCase();
    const all = paths.flatMap((p) => [p.file, p.sidecar]);
    expect(new Set(all.map(fold)).size).toBe(all.length);
    expect(paths.slice(0, 3).map((p) => p.sidecar)).toEqual([
      'media/images/facebook/abc.jpg.meta.json',
      'media/images/facebook/abc_2.jpg.meta.json',
      'media/images/facebook/ABC_3.jpg.meta.json',
    ]);
    for (const path of all) {
      for (const component of components(path)) expect(unsafeReasons(component)).toEqual([]);
    }
  });

  it('keeps the same id apart only within one folder', () => {
    const layout = new MediaLayout('youtube');
    expect(layout.pathsFor({ id: 'x', publishedAt: '2024-01-01' }, 'jpg').sidecar).toBe('media/images/youtube/x.jpg.meta.json');
    expect(layout.pathsFor({ id: 'x', publishedAt: '2024-01-01' }, 'png').sidecar).toBe('media/images/youtube/x.png.meta.json');
    expect(layout.pathsFor({ id: 'x', publishedAt: '2024-01-01' }, 'mp4').sidecar).toBe('media/videos/youtube/x.mp4.meta.json');
  });

  it.each([
    '../../../../etc/passwd',
    'CON',
    'aux.jpg',
    '\u202Egpj.exe',
    'x'.repeat(10_000),
    `${'a'.repeat(79)}😀`,
    '. .',
  ])('keeps every component of hostile id %j safe and short', (id) => {
    const { file, sidecar } = new MediaLayout('instagram').pathsFor({ id, publishedAt: '2024-01-01T00:00:00Z' }, 'mp4');
    for (const path of [file, sidecar]) {
      expect(components(path).slice(0, 3)).toEqual(['media', 'videos', 'instagram']);
      expect(components(path)).toHaveLength(4);
      for (const component of components(path)) expect(unsafeReasons(component, 255)).toEqual([]);
      expect(new TextEncoder().encode(components(path)[3]).length).toBeLessThanOrEqual(110);
    }
  });

  it('UniqueNames inserts the suffix before the extension', () => {
    const names = new UniqueNames();
    expect(['a', 'A', 'a'].map((name) => names.claim(name, '.json'))).toEqual(['a.json', 'A_2.json', 'a_3.json']);
    expect(names.claim('a_2', '.json')).toBe('a_2_2.json');
  });

  it.each([
    ['instagram', 'jane.doe', 'star-export_instagram_jane.doe_2026-11-24_20261124-7f3a9c.zip'],
    ['youtube', '@Channel', 'star-export_youtube_@Channel_2026-11-24_20261124-7f3a9c.zip'],
    ['facebook', '../../evil', 'star-export_facebook__._evil_2026-11-24_20261124-7f3a9c.zip'],
    ['facebook', '', 'star-export_facebook_account_2026-11-24_20261124-7f3a9c.zip'],
    ['instagram', 'CON', 'star-export_instagram__CON_2026-11-24_20261124-7f3a9c.zip'],
  ] as const)('names the ZIP for %s account %j', (platform, account, expected) => {
    const name = zipFileName(platform, account, new Date('2026-11-24T23:59:00Z'), JOB);
    expect(name).toBe(expected);
    expect(unsafeReasons(name, 255)).toEqual([]);
  });

  it('bounds the ZIP name for a very long handle', () => {
    const name = zipFileName('instagram', 'h'.repeat(500), new Date('2026-11-24T00:00:00Z'), JOB);
    expect(name.endsWith(`_2026-11-24_${JOB}.zip`)).toBe(true);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(150);
  });
});
