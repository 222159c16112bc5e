import { BLOCK_SPAN, Keystream, seedByte } from './keystream';
import { type PlannedLayout, planFrames } from './file-layout';
import { JPEG_FRAME_OVERHEAD, JPEG_HEAD, jpegComFrame, jpegTail } from './jpeg';
import { PNG_FRAME_OVERHEAD, pngHead, pngPaddingFrame, pngTail } from './png';
import { mdatHeader, videoPrefix } from './mp4';
import { GIF_MIN_FRAME, gifCommentFrame, gifFrameData, gifHead, gifTail } from './gif';

export type MediaFormat = 'jpg' | 'png' | 'gif' | 'mp4' | 'mov';

/** What the CDN needs to produce one file: its bytes follow from these three values alone. */
export interface MediaFileSpec {
  format: MediaFormat;
  /** Wanted size; tiny sizes are raised to the format's minimum. */
  bytes: number;
  seed: string;
  /** Only for mp4: which `ftyp` major brand (real uploads carry either). */
  brand?: 'isom' | 'mp42';
}

export const CONTENT_TYPES: Record<MediaFormat, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

export function mediaKind(format: MediaFormat): 'image' | 'video' {
  return format === 'mp4' || format === 'mov' ? 'video' : 'image';
}

function colour(seed: string): [number, number, number] {
  return [40 + (seedByte(seed, 'c1') % 176), 60 + (seedByte(seed, 'c2') % 136), 60 + (seedByte(seed, 'c3') % 136)];
}

function framed(head: Buffer, tail: Buffer, padding: number, overhead: number, wrap: (payload: Buffer) => Buffer, seed: string): PlannedLayout {
  const keystream = new Keystream(seed);
  const plan = planFrames(padding, BLOCK_SPAN);
  return {
    size: head.length + padding + tail.length,
    head,
    tail,
    plan,
    frameCount: plan.count,
    frame: (index, length) => (overhead === 0 ? keystream.block(index, length) : wrap(keystream.block(index, length - overhead))),
  };
}

export function buildLayout(spec: MediaFileSpec): PlannedLayout {
  const { format, seed } = spec;
  if (format === 'jpg') {
    const tail = jpegTail(colour(seed), 0);
    const padding = Math.max(0, spec.bytes - JPEG_HEAD.length - tail.length);
    // Fewer than 4 bytes cannot form a COM segment: they become fill bytes before a marker.
    if (padding > 0 && padding < JPEG_FRAME_OVERHEAD) {
      const filled = jpegTail(colour(seed), padding);
      return framed(JPEG_HEAD, filled, 0, JPEG_FRAME_OVERHEAD, jpegComFrame, seed);
    }
    return framed(JPEG_HEAD, tail, padding, JPEG_FRAME_OVERHEAD, jpegComFrame, seed);
  }
  if (format === 'png') {
    const head = pngHead();
    const tail = pngTail(colour(seed));
    let padding = Math.max(0, spec.bytes - head.length - tail.length);
    if (padding > 0 && padding < PNG_FRAME_OVERHEAD) padding = PNG_FRAME_OVERHEAD;
    return framed(head, tail, padding, PNG_FRAME_OVERHEAD, pngPaddingFrame, seed);
  }
  if (format === 'gif') return gifLayout(spec);
  const prefix = videoPrefix(format === 'mov' ? 'qt' : (spec.brand ?? 'isom'));
  let payload = Math.max(0, spec.bytes - prefix.length - 8);
  if (payload + 8 > 0xffffffff) payload = Math.max(0, spec.bytes - prefix.length - 16);
  return framed(Buffer.concat([prefix, mdatHeader(payload)]), Buffer.alloc(0), payload, 0, (p) => p, seed);
}

/** Comment frames vary their sub-block count with their length, so they are built per frame. */
function gifLayout(spec: MediaFileSpec): PlannedLayout {
  const head = gifHead(colour(spec.seed));
  const tail = gifTail();
  let padding = Math.max(0, spec.bytes - head.length - tail.length);
  if (padding > 0 && padding < GIF_MIN_FRAME) padding = GIF_MIN_FRAME;
  const keystream = new Keystream(spec.seed);
  const plan = planFrames(padding, BLOCK_SPAN);
  return {
    size: head.length + padding + tail.length,
    head,
    tail,
    plan,
    frameCount: plan.count,
    frame: (index, length) => gifCommentFrame(keystream.block(index, gifFrameData(length)), length),
  };
}
