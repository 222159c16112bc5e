import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { UploadSource } from '../uploadSource';

/** Bytes read from the local file at a time when the hash has to catch up. */
const CATCH_UP_BLOCK = 4 * 1024 * 1024;

export interface RunningMd5 {
  /** Hashes the bytes of `chunk` (read from `start` in the file) that the hash has not seen yet. */
  update(start: number, chunk: Uint8Array): Promise<void>;
  /** The file's lowercase hex MD5, reading from the local file whatever was never sent. */
  hex(): Promise<string>;
}

/**
 * Google Drive reports the MD5 of what it stored; WebCrypto has no MD5, so @noble/hashes (already
 * a dependency) hashes the chunks as they are read for sending. A resent chunk is not hashed
 * twice, and after a worker stop the bytes Google already holds are read again from the local
 * file, one block at a time: hash state does not survive the worker, the file does.
 */
export function runningMd5(source: UploadSource): RunningMd5 {
  const hash = md5.create();
  let hashed = 0;
  let digest: string | undefined;
  const catchUp = async (until: number) => {
    while (hashed < until) {
      const end = Math.min(until, hashed + CATCH_UP_BLOCK);
      hash.update(new Uint8Array(await source.slice(hashed, end).arrayBuffer()));
      hashed = end;
    }
  };
  return {
    async update(start, chunk) {
      await catchUp(start);
      const end = start + chunk.byteLength;
      if (end <= hashed) return;
      hash.update(chunk.subarray(hashed - start));
      hashed = end;
    },
    async hex() {
      if (digest === undefined) {
        await catchUp(source.size);
        digest = bytesToHex(hash.digest());
      }
      return digest;
    },
  };
}
