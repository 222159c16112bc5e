import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashedSinks, sha256OfBlob, sha256Stream } from '../../../../lib/export/checksums/sha256';
import { fakeSink } from '../../support/fakes';

function bytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

function nodeSha256(...chunks: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

describe('sha256Stream', () => {
  it('gives the digest of the whole input however it was cut into chunks', () => {
    const data = bytes(200_000, 7);
    const stream = sha256Stream();
    for (const [start, end] of [[0, 1], [1, 64], [64, 65_600], [65_600, 200_000]] as const) stream.update(data.subarray(start, end));
    expect(stream.hex()).toBe(nodeSha256(data));
  });

  it('gives the known digest of nothing', () => {
    expect(sha256Stream().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('hashedSinks', () => {
  it('passes every byte on and knows the digest only once the sink closed', async () => {
    const target = fakeSink();
    const sinks = hashedSinks(async () => target);
    const sink = await sinks.open();
    await sink.write(bytes(10, 1));
    await sink.write(bytes(5000, 2));
    expect(sinks.sha256()).toBeUndefined();
    await sink.close();
    expect(target.closed).toBe(true);
    expect(target.written).toBe(5010);
    expect(sinks.sha256()).toBe(nodeSha256(bytes(10, 1), bytes(5000, 2)));
  });

  it('keeps the digest of the attempt that closed, not of one aborted before it', async () => {
    const sinks = hashedSinks(async () => fakeSink());
    const failed = await sinks.open();
    await failed.write(bytes(300, 3));
    await failed.abort(new Error('network'));
    const retried = await sinks.open();
    await retried.write(bytes(400, 4));
    await retried.close();
    expect(sinks.sha256()).toBe(nodeSha256(bytes(400, 4)));
  });

  it('has no digest when the last attempt was aborted', async () => {
    const sinks = hashedSinks(async () => fakeSink());
    const first = await sinks.open();
    await first.close();
    const second = await sinks.open();
    await second.write(bytes(3, 5));
    await second.abort();
    expect(sinks.sha256()).toBeUndefined();
  });
});

describe('sha256OfBlob', () => {
  it('hashes a blob read as a stream', async () => {
    const parts = [bytes(70_000, 8), bytes(3, 9)];
    expect(await sha256OfBlob(new Blob(parts))).toBe(nodeSha256(...parts));
  });
});
