/**
 * The job's handle on the ZIP worker: one call per request, answered in order. An error the
 * worker met comes back as a DOMException of the same name, so a full disk is still a
 * QuotaExceededError to the code that explains errors.
 */
import type { ZipEntryRecord } from './zipFormat';
import type { ZipEntryInfo, ZipWorkerCall, ZipWorkerCalls, ZipWorkerPort, ZipWorkerReply } from './zipWorkerProtocol';

/** Bytes per entryChunks message: large enough to keep messages few, small enough to stay cheap. */
const MESSAGE_BYTES = 1024 * 1024;

export class ZipWorkerClient {
  private nextId = 1;
  private waiting = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  private readonly listener = (event: MessageEvent) => {
    const reply = event.data as ZipWorkerReply;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new DOMException(reply.error.message, reply.error.name));
  };

  constructor(private readonly port: ZipWorkerPort) {
    port.addEventListener('message', this.listener);
    port.start?.();
  }

  open(jobId: string, fileName: string, resumeAt: number): Promise<{ offset: number }> {
    return this.call('open', { jobId, fileName, resumeAt });
  }

  appendStaged(stagedName: string, entry: ZipEntryInfo): Promise<ZipEntryRecord> {
    return this.call('appendStaged', { stagedName, entry });
  }

  /** An entry made of bytes produced here (a sidecar, the main JSON streamed in pieces). */
  async appendChunks(entry: ZipEntryInfo, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<ZipEntryRecord> {
    await this.call('beginEntry', { entry });
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    for await (const chunk of chunks) {
      // A copy of its own, so transferring it leaves the producer's buffer alone.
      batch.push(chunk.slice());
      batchBytes += chunk.length;
      if (batchBytes >= MESSAGE_BYTES) {
        await this.call('entryChunks', { chunks: batch }, batch.map((c) => c.buffer));
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length) await this.call('entryChunks', { chunks: batch }, batch.map((c) => c.buffer));
    return this.call('endEntry', {});
  }

  appendBytes(entry: ZipEntryInfo, bytes: Uint8Array): Promise<ZipEntryRecord> {
    return this.appendChunks(entry, [bytes]);
  }

  finish(records: ZipEntryRecord[]): Promise<{ size: number }> {
    return this.call('finish', { records });
  }

  async close(): Promise<void> {
    try {
      await this.call('close', {});
    } finally {
      this.port.removeEventListener('message', this.listener);
    }
  }

  /** Fails every request still waiting: the worker is gone and will not answer. */
  abandon(reason: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(reason);
    this.waiting.clear();
    this.port.removeEventListener('message', this.listener);
  }

  private call<K extends ZipWorkerCall>(
    call: K,
    params: Parameters<ZipWorkerCalls[K]>[0],
    transfer: Transferable[] = [],
  ): Promise<ReturnType<ZipWorkerCalls[K]>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.port.postMessage({ id, call, params }, transfer);
    });
  }
}
