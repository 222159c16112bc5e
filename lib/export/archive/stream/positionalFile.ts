/**
 * A file written at explicit offsets: in the browser an OPFS sync access handle (in a dedicated
 * worker), in unit tests a Buffer. Positional writes are what let a ZIP entry's header be patched
 * after its data and a half-written entry be cut off on resume.
 */
export interface PositionalFile {
  /** The caller may reuse `bytes` once this returns (or resolves). */
  write(bytes: Uint8Array, at: number): void | Promise<void>;
  truncate(size: number): void | Promise<void>;
  getSize(): number | Promise<number>;
  /** Makes what was written durable before its record is checkpointed elsewhere. */
  flush(): void | Promise<void>;
}
