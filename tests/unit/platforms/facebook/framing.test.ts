import { describe, expect, it } from 'vitest';
import { mergeParts, splitParts } from '../../../../lib/platforms/facebook/framing';
import { fixtureText } from './fakeFacebook';

describe('splitParts', () => {
  it.each([
    ['one object', '{"data":{"a":1}}', 1],
    ['the for (;;); guard', 'for (;;);{"__ar":1,"error":1357004}', 1],
    ['one object per line, blank lines and CRLF', '{"data":{}}\r\n\r\n{"label":"x","path":[],"data":{}}\n', 2],
    ['an object pretty-printed over lines', '{\n  "data": {\n    "node": null\n  }\n}', 1],
    ['a byte-order mark', '\uFEFF{"data":{}}', 1],
  ])('reads %s', (_name, text, count) => {
    expect(splitParts(text)).toHaveLength(count);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html></html>'],
    ['an empty body', ''],
    ['a JSON array', '[1,2]'],
    ['a cut-off object', '{"data":{"curr'],
  ])('refuses %s', (_name, text) => {
    expect(splitParts(text)).toBeUndefined();
  });
});

describe('mergeParts', () => {
  it('merges deferred parts into the first at their path, deeply', () => {
    const payload = mergeParts(splitParts(fixtureText('photo-detail.ndjson'))!);
    const media = (payload.data as { currMedia: Record<string, unknown> }).currMedia;
    expect(media.message).toMatchObject({ text: 'Sunset in Porto 🌅\nمرحبا — “quoted” <b>not html</b>' });
    expect(media.owner).toEqual({ __typename: 'User', id: '100012345678901', name: 'Maria Test' });
    expect((payload.data as Record<string, unknown>).nextMediaAfterNodeId).toEqual({ __typename: 'Photo', id: '10160123456789013' });
    expect(payload.errors).toEqual([]);
  });

  it('puts a deferred page_info inside the connection', () => {
    const payload = mergeParts(splitParts(fixtureText('reels-page.ndjson'))!);
    expect(payload.data).toMatchObject({ node: { aggregated_fb_shorts: { page_info: { has_next_page: false } } } });
  });

  it('collects errors of every part and reads an ajax error code', () => {
    const payload = mergeParts(splitParts('{"data":{"x":1},"errors":[{"message":"a"}]}\n{"path":["x"],"data":{},"errors":[{"message":"b"}]}')!);
    expect(payload.errors.map((e) => e.message)).toEqual(['a', 'b']);
    expect(mergeParts(splitParts('for (;;);{"__ar":1,"error":1357001,"errorSummary":"Log in to continue"}')!).ajaxError).toEqual({
      code: 1357001,
      summary: 'Log in to continue',
    });
  });

  it('ignores a deferred part whose path leads nowhere', () => {
    const payload = mergeParts(splitParts('{"data":{"currMedia":null}}\n{"path":["currMedia"],"data":{"message":{"text":"x"}}}')!);
    expect(payload.data).toEqual({ currMedia: null });
  });
});
