import type { UploadSource } from '../uploadSource';

const BLOCK = 4 * 1024 * 1024;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Dropbox's content_hash: SHA-256 of the concatenated SHA-256 of every 4 MiB block. Read one
 * block at a time, so a file of many GB costs 4 MiB of memory.
 */
export async function dropboxContentHash(source: UploadSource): Promise<string> {
  const digests = new Uint8Array(Math.ceil(source.size / BLOCK) * 32);
  for (let start = 0, index = 0; start < source.size; start += BLOCK, index++) {
    const block = await source.slice(start, Math.min(source.size, start + BLOCK)).arrayBuffer();
    digests.set(new Uint8Array(await crypto.subtle.digest('SHA-256', block)), index * 32);
  }
  return hex(await crypto.subtle.digest('SHA-256', digests));
}
