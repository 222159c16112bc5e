import { describe, expect, it } from 'vitest';
import { extensionFor, formatFromContentType, kindOf, looksLikeMarkup, sniffFormat } from '../../../../lib/export/media/mediaFormat';
import type { MediaFormat } from '../../../../lib/platforms/types';
import { SAMPLES } from '../../support/fakes';

describe('sniffFormat', () => {
  it.each([
    ['jpg', SAMPLES.jpg, 'jpg'],
    ['png', SAMPLES.png, 'png'],
    ['GIF87a', SAMPLES.gif87, 'gif'],
    ['GIF89a', SAMPLES.gif89, 'gif'],
    ['webp', SAMPLES.webp, 'webp'],
    ['mp4 isom', SAMPLES.mp4Isom, 'mp4'],
    ['mp4 mp42', SAMPLES.mp4Mp42, 'mp4'],
    ['mp4 dash', SAMPLES.mp4Dash, 'mp4'],
    ['m4v', SAMPLES.mp4M4v, 'mp4'],
    ['mp4 by compatible brand', SAMPLES.mp4ByCompatibleBrand, 'mp4'],
    ['mov ftyp qt', SAMPLES.movFtyp, 'mov'],
    ['mov wide atom', SAMPLES.movWide, 'mov'],
    ['mov moov atom', SAMPLES.movMoov, 'mov'],
    ['html', SAMPLES.html, undefined],
    ['garbage', SAMPLES.garbage, undefined],
    ['3gp', SAMPLES.threeGp, undefined],
    ['empty', new Uint8Array(0), undefined],
    ['truncated png signature', SAMPLES.png.subarray(0, 5), undefined],
    ['RIFF that is not WEBP', new Uint8Array([...'RIFF\0\0\0\0WAVEfmt '].map((c) => c.charCodeAt(0))), undefined],
    ['jpg sniffed through a subarray', new Uint8Array([0, ...SAMPLES.jpg]).subarray(1), 'jpg'],
    ['mp4 sniffed through a subarray', new Uint8Array([9, 9, ...SAMPLES.mp4Mp42]).subarray(2), 'mp4'],
  ])('%s → %j', (_label, bytes, expected) => {
    expect(sniffFormat(bytes)).toBe(expected);
  });
});

describe('looksLikeMarkup', () => {
  it.each([
    [SAMPLES.html, true],
    [new TextEncoder().encode('\ufeff<?xml version="1.0"?>'), true],
    [SAMPLES.garbage, false],
    [SAMPLES.jpg, false],
  ])('%#', (bytes, expected) => {
    expect(looksLikeMarkup(bytes)).toBe(expected);
  });
});

describe('formatFromContentType', () => {
  it.each([
    ['image/jpeg', 'jpg'],
    ['IMAGE/JPEG; charset=binary', 'jpg'],
    ['image/jpg', 'jpg'],
    ['image/png', 'png'],
    ['image/gif', 'gif'],
    ['image/webp', 'webp'],
    ['video/mp4', 'mp4'],
    ['video/quicktime', 'mov'],
    ['text/html; charset=utf-8', undefined],
    ['application/octet-stream', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (contentType, expected) => {
    expect(formatFromContentType(contentType)).toBe(expected);
  });
});

describe('extensionFor and kindOf', () => {
  it.each([
    ['jpg', 'jpg', 'image'],
    ['png', 'png', 'image'],
    ['gif', 'gif', 'image'],
    ['webp', 'webp', 'image'],
    ['mp4', 'mp4', 'video'],
    ['mov', 'mov', 'video'],
  ] as const)('%s → .%s, %s', (format: MediaFormat, ext, kind) => {
    expect(extensionFor(format)).toBe(ext);
    expect(kindOf(format)).toBe(kind);
  });
});
