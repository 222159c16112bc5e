import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, UTF8_BOM } from '../../../../lib/export/formats/csv';
import { csvName, formatEntries } from '../../../../lib/export/formats';
import { buildSectionsCsv } from '../../../../lib/export/formats/sectionsCsv';
import { HOSTILE_CAPTIONS, manifest, post, postsCsvOf, sourceOf } from './manifestFixture';

/** A strict RFC 4180 reader, so the tests check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  const body = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < body.length) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      expect(field, 'a quote only opens a field').toBe('');
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      expect(body[i + 1], 'a bare CR outside quotes').toBe('\n');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      expect(c, 'a bare LF outside quotes').not.toBe('\n');
      field += c;
      i += 1;
    }
  }
  expect(quoted).toBe(false);
  expect(field === '' && row.length === 0, 'the last record ends with CRLF').toBe(true);
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rinside', '"cr\rinside"'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers, booleans and missing values as they are', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});

describe('csvDocument', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csvDocument(['a', 'b'], [['1', 2]])).toBe(`${UTF8_BOM}a,b\r\n1,2\r\n`);
  });
});

describe('postsCsvChunks', async () => {
  it('reads back every hostile caption unchanged but for the formula guard, one record per post', async () => {
    const captions = Object.values(HOSTILE_CAPTIONS);
    const rows = parseCsv(await postsCsvOf(manifest(captions.map((caption, i) => post({ id: `p${i}`, caption })))));
    const header = rows[0]!;
    const captionColumn = header.indexOf('caption');
    expect(rows).toHaveLength(captions.length + 1);
    for (const [i, caption] of captions.entries()) {
      const cell = rows[i + 1]![captionColumn]!;
      const guarded = /^[=+\-@\t\r]/.test(caption);
      expect(cell).toBe(guarded ? `'${caption}` : caption);
    }
  });

  it('never lets a cell start a formula, whatever the field', async () => {
    const hostile = post({
      id: '=1+1',
      kind: '@kind',
      caption: '-x',
      permalink: '+http://x',
      metadata: { note: '=IMPORTXML("http://evil")', nested: { a: '=1' } },
    });
    const rows = parseCsv(await postsCsvOf(manifest([hostile], { account: { id: '1', handle: '=handle' } })));
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('lists saved media paths joined by ";" and failed files with their reason', async () => {
    const row = post({
      media: [
        { id: 'm1', kind: 'image', sourceUrl: 's', path: 'media/images/instagram/2024-05-01_m1.jpg', format: 'jpg', byteSize: 10 },
        { id: 'm2', kind: 'video', sourceUrl: 's', path: 'media/videos/instagram/2024-05-01_m2.mp4', format: 'mp4', byteSize: 20 },
        { id: 'm3', kind: 'image', sourceUrl: 's', failure: { reason: 'too_large', message: 'The file is larger than 1024 MB.' } },
      ],
      metadata: { like_count: 7, location: { name: 'Lake, "North"' }, pinned: false },
    });
    const [header, values] = parseCsv(await postsCsvOf(manifest([row])));
    const cell = (name: string) => values![header!.indexOf(name)];
    expect(cell('media_paths')).toBe('media/images/instagram/2024-05-01_m1.jpg;media/videos/instagram/2024-05-01_m2.mp4');
    expect(cell('media_count')).toBe('3');
    expect(cell('saved_files')).toBe('2');
    expect(cell('failed_media')).toBe('m3: The file is larger than 1024 MB.');
    expect(cell('metadata.like_count')).toBe('7');
    expect(cell('metadata.pinned')).toBe('false');
    expect(JSON.parse(cell('metadata.location')!)).toEqual({ name: 'Lake, "North"' });
    expect(cell('platform')).toBe('instagram');
    expect(cell('account')).toBe('star.demo');
  });

  it('gives every row the same columns, in first-seen order of the metadata keys', async () => {
    const rows = parseCsv(await postsCsvOf(manifest([post({ id: 'a', metadata: { b: 1 } }), post({ id: 'c', metadata: { a: 2, b: 3 } })])));
    expect(rows[0]!.slice(-2)).toEqual(['metadata.b', 'metadata.a']);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(rows[1]!.slice(-2)).toEqual(['1', '']);
  });

  it('is a header alone for an account without posts', async () => {
    expect(parseCsv(await postsCsvOf(manifest([])))).toHaveLength(1);
  });
});

describe('formatEntries', () => {
  it('adds nothing for JSON, the posts and sections CSVs for csv and index.html for html', () => {
    const m = manifest([post()]);
    expect(formatEntries('json', sourceOf(m))).toEqual([]);
    expect(formatEntries('csv', sourceOf(m)).map((e) => e.path)).toEqual(['instagram-export-20240601-abcdef.csv', 'instagram-sections-20240601-abcdef.csv']);
    expect(formatEntries('html', sourceOf(m)).map((e) => e.path)).toEqual(['index.html']);
    expect(csvName(m)).toBe('instagram-export-20240601-abcdef.csv');
  });
});

describe('buildSectionsCsv', () => {
  it('gives each section a row saying whether it was read completely and why not', () => {
    const m = manifest([post()], {
      sections: [
        { name: 'posts', label: 'Posts', status: 'partial', strategy: 'graphql', listed: 40, expected: 60, reason: 'Listed 40 of the 60 the platform counts.' },
        { name: 'stories', label: 'Stories', status: 'unavailable', strategy: 'graphql', listed: 0, reason: 'Instagram answered 500, "x"' },
      ],
    });
    const lines = buildSectionsCsv(m).slice(UTF8_BOM.length).split('\r\n');
    expect(lines).toEqual([
      'section,label,status,strategy,listed,expected,reason',
      'posts,Posts,partial,graphql,40,60,Listed 40 of the 60 the platform counts.',
      'stories,Stories,unavailable,graphql,0,,"Instagram answered 500, ""x"""',
      '',
    ]);
  });
});
