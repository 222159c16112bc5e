/**
 * The ZIP worker's side: answers the job's requests (zipWorkerProtocol.ts) with one
 * StreamingZipWriter over the job's ZIP. Files come through `ZipWorkerFiles`, OPFS sync access
 * handles in the browser and memory in unit tests.
 */
import type { PositionalFile } from './positionalFile';
import { StreamingZipWriter, type Chunks } from './streamingZipWriter';
import type { ZipEntryRecord } from './zipFormat';
import type { ZipEntryInfo, ZipWorkerCalls, ZipWorkerPort, ZipWorkerReply, ZipWorkerRequest } from './zipWorkerProtocol';

export interface ClosableFile extends PositionalFile {
  close(): void | Promise<void>;
}

export interface ZipWorkerFiles {
  openZip(jobId: string, fileName: string): Promise<ClosableFile>;
  /** The bytes of a staged file of the job's folder (read as the writer asks), or undefined when it is not there. */
  readStaged(jobId: string, stagedName: string): Promise<Chunks | undefined>;
}

type Handlers = { [K in keyof ZipWorkerCalls]: (params: Parameters<ZipWorkerCalls[K]>[0]) => Promise<ReturnType<ZipWorkerCalls[K]>> };

/** Bytes handed over message by message to an entry being appended, taken as the writer asks. */
class ChunkFeed implements AsyncIterable<Uint8Array> {
  private queued: Uint8Array[] = [];
  private ended = false;
  private wake?: () => void;
  private consumed?: () => void;

  /** Resolves once the writer has taken every chunk given so far: messages never pile up. */
  give(chunks: Uint8Array[]): Promise<void> {
    this.queued.push(...chunks);
    this.wake?.();
    return new Promise((resolve) => {
      this.consumed = resolve;
      if (this.queued.length === 0) resolve();
    });
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const chunk = this.queued.shift();
      if (chunk) {
        yield chunk;
        continue;
      }
      this.consumed?.();
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}

interface OpenZip {
  jobId: string;
  file: ClosableFile;
  writer: StreamingZipWriter;
}

export function zipWorkerHandlers(files: ZipWorkerFiles): Handlers {
  let open: OpenZip | undefined;
  let pending: { feed: ChunkFeed; record: Promise<ZipEntryRecord> } | undefined;

  const current = (): OpenZip => {
    if (!open) throw new Error('No ZIP is open in the ZIP worker.');
    return open;
  };
  const closeOpen = async () => {
    const was = open;
    open = undefined;
    pending = undefined;
    await was?.file.close();
  };
  const begin = (entry: ZipEntryInfo) => {
    const feed = new ChunkFeed();
    const record = current().writer.append(entry.name, entry.modified, feed, { deflate: entry.deflate === true });
    // Its failure is reported by the entryChunks or endEntry that meets it.
    record.catch(() => undefined);
    pending = { feed, record };
    return pending;
  };
  const pendingEntry = () => {
    if (!pending) throw new Error('No entry is being written.');
    return pending;
  };

  return {
    async open({ jobId, fileName, resumeAt }) {
      await closeOpen();
      const file = await files.openZip(jobId, fileName);
      try {
        open = { jobId, file, writer: await StreamingZipWriter.open(file, resumeAt) };
      } catch (error) {
        await file.close();
        throw error;
      }
      return { offset: resumeAt };
    },
    async appendStaged({ stagedName, entry }) {
      const { jobId, writer } = current();
      const staged = await files.readStaged(jobId, stagedName);
      if (!staged) throw new Error(`The staged file ${stagedName} is missing.`);
      return writer.append(entry.name, entry.modified, staged);
    },
    async beginEntry({ entry }) {
      begin(entry);
    },
    async entryChunks({ chunks }) {
      const { feed, record } = pendingEntry();
      await Promise.race([feed.give(chunks), record]);
    },
    async endEntry() {
      const { feed, record } = pendingEntry();
      pending = undefined;
      feed.end();
      return record;
    },
    async finish({ records }) {
      return { size: await current().writer.finish(records) };
    },
    async close() {
      await closeOpen();
    },
  };
}

/** Answers requests arriving on `port` one at a time, in order. */
export function serveZipWorker(port: ZipWorkerPort, files: ZipWorkerFiles): void {
  const handlers = zipWorkerHandlers(files);
  let queue = Promise.resolve();
  port.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as ZipWorkerRequest;
    queue = queue.then(async () => {
      let reply: ZipWorkerReply;
      try {
        const handler = handlers[request.call] as (params: unknown) => Promise<unknown>;
        reply = { id: request.id, ok: true, value: await handler(request.params) };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        reply = { id: request.id, ok: false, error: { name: failure.name, message: failure.message } };
      }
      port.postMessage(reply, []);
    });
  });
  port.start?.();
}
