/**
 * zip.js locks the stream it writes to and has no way to abandon an archive. A stage that fails
 * or is cancelled must still let go of the OPFS writable: while it is open the job's files cannot
 * be removed, and its swap file stays on disk. This pass-through keeps the target's writer so the
 * stage can abort it whatever zip.js is doing.
 */
export function abortableStream(target: WritableStream<Uint8Array>): { stream: WritableStream<Uint8Array>; abort(reason: unknown): Promise<void> } {
  const writer = target.getWriter();
  let aborted = false;
  return {
    stream: new WritableStream<Uint8Array>({
      write: (chunk) => writer.write(chunk),
      close: () => writer.close(),
      abort: (reason) => writer.abort(reason),
    }),
    async abort(reason) {
      if (aborted) return;
      aborted = true;
      await writer.abort(reason).catch(() => undefined);
    },
  };
}
