/**
 * SHA-256 while bytes stream. WebCrypto's digest() takes the whole input at once, which for a
 * 1 GB video would mean holding it in memory; @noble/hashes hashes incrementally in a few KB.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ByteSink } from '../../storage/byteSink';

export interface Sha256Stream {
  update(chunk: Uint8Array): void;
  /** The lowercase hex digest; the stream cannot be updated afterwards. */
  hex(): string;
}

export function sha256Stream(): Sha256Stream {
  const hash = sha256.create();
  return {
    update: (chunk) => void hash.update(chunk),
    hex: () => bytesToHex(hash.digest()),
  };
}

/** A sink that hashes every byte it passes on, calling `closed` with the digest once the target closed. */
export function hashingSink(target: ByteSink, closed: (sha256: string) => void): ByteSink {
  const hash = sha256Stream();
  return {
    async write(chunk) {
      hash.update(chunk);
      await target.write(chunk);
    },
    async close() {
      await target.close();
      closed(hash.hex());
    },
    abort: (reason) => target.abort(reason),
  };
}

/**
 * Opens hashing sinks for a download that may be tried several times, each attempt into a fresh
 * sink: `sha256()` is the digest of the last one that closed, the bytes that were kept.
 */
export function hashedSinks(open: () => Promise<ByteSink>): { open(): Promise<ByteSink>; sha256(): string | undefined } {
  let digest: string | undefined;
  return {
    open: async () => {
      digest = undefined;
      return hashingSink(await open(), (sha256) => (digest = sha256));
    },
    sha256: () => digest,
  };
}

/** The digest of a disk-backed file, read a chunk at a time. */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  const hash = sha256Stream();
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return hash.hex();
    hash.update(value);
  }
}
