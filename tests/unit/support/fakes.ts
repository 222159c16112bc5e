import type { ByteSink } from '../../../lib/storage/byteSink';

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const ch of part) out.push(ch.charCodeAt(0));
    else out.push(...part);
  }
  return new Uint8Array(out);
}

const pad = (n: number) => Array.from({ length: n }, (_, i) => (i * 37) & 0xff);

/** The first bytes of real files of each format, padded past the sniffing window. */
export const SAMPLES = {
  jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0], pad(53)),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', pad(48)),
  gif87: bytes('GIF87a', pad(58)),
  gif89: bytes('GIF89a', pad(58)),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', pad(48)),
  mp4Isom: bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2', [0, 0, 0, 8], 'free', pad(32)),
  mp4Mp42: bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'mp42isom', pad(40)),
  mp4Dash: bytes([0, 0, 0, 0x18], 'ftypdash', [0, 0, 0, 0], 'iso6mp41', pad(40)),
  mp4M4v: bytes([0, 0, 0, 0x14], 'ftypM4V ', [0, 0, 0, 1], 'M4V ', pad(44)),
  mp4ByCompatibleBrand: bytes([0, 0, 0, 0x18], 'ftypXYZ1', [0, 0, 0, 0], 'XYZ2mp42', pad(40)),
  movFtyp: bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  ', pad(44)),
  movWide: bytes([0, 0, 0, 8], 'wide', [0, 0, 0x10, 0], 'mdat', pad(48)),
  movMoov: bytes([0, 0, 0x10, 0], 'moov', pad(56)),
  html: bytes('\n  <!DOCTYPE html><html><head><title>Log in</title></head><body></body></html>'),
  garbage: bytes('this is certainly not a media file at all, just text'),
  threeGp: bytes([0, 0, 0, 0x14], 'ftyp3gp4', [0, 0, 0, 0], '3gp4', pad(44)),
};

/** A file of `size` bytes that starts like `head`. */
export function fileOf(head: Uint8Array, size: number): Uint8Array {
  const file = new Uint8Array(size);
  file.set(head.subarray(0, size));
  for (let i = head.length; i < size; i += 1) file[i] = i & 0xff;
  return file;
}

export interface BodyProbe {
  /** Chunks handed to the reader so far. */
  pulls: number;
  cancelled: boolean;
}

/** A body that hands out `data` in chunks of `chunkSize`; with `endless`, zero chunks follow forever. */
export function bodyStream(data: Uint8Array, chunkSize: number, probe: BodyProbe, endless = false): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        probe.pulls += 1;
        // "Endless" stops somewhere, so a broken size limit fails the test instead of hanging it.
        if (offset >= data.length && (!endless || probe.pulls > 10_000)) {
          controller.close();
          return;
        }
        const chunk = offset < data.length ? data.slice(offset, offset + chunkSize) : new Uint8Array(chunkSize);
        offset += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        probe.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
}

export interface FakeResponseInit {
  status?: number;
  headers?: Record<string, string>;
  /** 'opaqueredirect': what fetch with redirect: 'manual' gives for a 3xx (status 0, no headers). */
  type?: 'opaqueredirect';
  chunkSize?: number;
  endless?: boolean;
}

export function fakeResponse(data: Uint8Array, init: FakeResponseInit = {}, probe: BodyProbe = { pulls: 0, cancelled: false }): Response {
  const response = new Response(bodyStream(data, init.chunkSize ?? 7, probe, init.endless), {
    status: init.status ?? 200,
    headers: init.headers ?? {},
  });
  if (init.type) Object.defineProperties(response, { type: { value: init.type }, status: { value: 0 } });
  return response;
}

export interface FakeSink extends ByteSink {
  chunks: Uint8Array[];
  closed: boolean;
  aborted: boolean;
  readonly written: number;
}

export function fakeSink(): FakeSink {
  const sink = {
    chunks: [] as Uint8Array[],
    closed: false,
    aborted: false,
    get written() {
      return sink.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    },
    async write(chunk: Uint8Array) {
      sink.chunks.push(chunk.slice());
    },
    async close() {
      sink.closed = true;
    },
    async abort() {
      sink.aborted = true;
    },
  };
  return sink;
}

/** A fetch that answers each call with the next response (the last one repeats) and records calls. */
export function fakeFetch(responses: (() => Response)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    const next = responses[Math.min(calls.length - 1, responses.length - 1)];
    if (!next) throw new Error('no response configured');
    return next();
  };
  return { impl: impl as typeof fetch, calls };
}
