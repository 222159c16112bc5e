/**
 * Where a download's bytes go; abort() discards everything written so far. Storage owns it: a
 * staged file is one, and the engine's hashing and downloads write through it.
 */
export interface ByteSink {
  /** Once it resolves the chunk is the caller's again (downloads read into one reused buffer): keep a copy, never the chunk. */
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
