import { describe, expect, it } from 'vitest';
import { renditionLines, renditionSize } from '../../../../lib/platforms/facebook/renditionSize';

const efg = (tag: unknown) => Buffer.from(JSON.stringify({ vencode_tag: tag, urlgen_source: 'www' })).toString('base64url');
const url = (query: string) => `https://video.fopo3-1.fna.fbcdn.net/o1/v/t2/f2/m366/AQx.mp4?strext=1&${query}&oh=00_AYB&oe=6947A1B2`;

describe('renditionLines', () => {
  it('reads the rendition’s lines from the efg tag', () => {
    expect(renditionLines(url(`efg=${efg('xpv_progressive.FACEBOOK..C3.360.dash_h264-basic-gen2_360p')}`))).toBe(360);
    expect(renditionLines(url(`efg=${efg('xpv_progressive.FACEBOOK..C3.720.dash_h264-basic-gen2_720p')}`))).toBe(720);
    expect(renditionLines(url(`efg=${efg('dash_h264-basic-gen2_480p')}`))).toBe(480);
    // Standard base64 with padding, URL-encoded, as some answers carry it.
    const padded = encodeURIComponent(Buffer.from(JSON.stringify({ vencode_tag: 'xpv_progressive.FACEBOOK..C3.540.svenc' })).toString('base64'));
    expect(renditionLines(url(`efg=${padded}`))).toBe(540);
  });

  it('knows nothing without a readable tag', () => {
    expect(renditionLines(url('ccb=9-4'))).toBeUndefined();
    expect(renditionLines(url('efg=not-base64-json'))).toBeUndefined();
    expect(renditionLines(url(`efg=${efg(42)}`))).toBeUndefined();
    expect(renditionLines(url(`efg=${efg('xpv_progressive.FACEBOOK..audio')}`))).toBeUndefined();
    expect(renditionLines('not a url')).toBeUndefined();
  });
});

describe('renditionSize', () => {
  it('gives the rendition the video’s shape, its lines the shorter side', () => {
    expect(renditionSize(360, 1280, 720)).toEqual({ width: 640, height: 360 });
    expect(renditionSize(360, 1080, 1920)).toEqual({ width: 360, height: 640 });
    expect(renditionSize(480, 1920, 1080)).toEqual({ width: 853, height: 480 });
  });

  it('gives no size without the lines or the shape', () => {
    expect(renditionSize(undefined, 1280, 720)).toBeUndefined();
    expect(renditionSize(360, undefined, 720)).toBeUndefined();
  });
});
