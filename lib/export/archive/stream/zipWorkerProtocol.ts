/**
 * The messages between the job (background) and the ZIP worker, over one MessagePort: a
 * structured-clone channel, so chunks travel as transferred bytes, unlike runtime messages
 * (JSON in Chrome). Each request carries an id; the worker answers each, in order.
 */
import type { ZipEntryRecord } from './zipFormat';

/** What a new entry is called and dated; the worker adds where it starts, its size and CRC. */
export interface ZipEntryInfo {
  name: string;
  /** Milliseconds since the epoch. */
  modified: number;
  /** Text compresses; media are stored as they are. */
  deflate?: boolean;
}

export interface ZipWorkerCalls {
  /** Opens (or creates) `fileName` in the job's OPFS folder and cuts it to `resumeAt`. */
  open(params: { jobId: string; fileName: string; resumeAt: number }): { offset: number };
  /** Appends a staged file of the job's folder as one entry, read by the worker itself. */
  appendStaged(params: { stagedName: string; entry: ZipEntryInfo }): ZipEntryRecord;
  /** Starts an entry whose bytes follow in `entryChunks` messages, until `endEntry`. */
  beginEntry(params: { entry: ZipEntryInfo }): void;
  entryChunks(params: { chunks: Uint8Array[] }): void;
  endEntry(params: Record<string, never>): ZipEntryRecord;
  /** Writes the central directory of every entry, in order, and the end records. */
  finish(params: { records: ZipEntryRecord[] }): { size: number };
  /** Lets go of the file: only then can the job's folder be removed or the ZIP be read. */
  close(params: Record<string, never>): void;
}

export type ZipWorkerCall = keyof ZipWorkerCalls;

export type ZipWorkerRequest = {
  [K in ZipWorkerCall]: { id: number; call: K; params: Parameters<ZipWorkerCalls[K]>[0] };
}[ZipWorkerCall];

export type ZipWorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

/** The part of a MessagePort (or a Worker) both ends use. */
export interface ZipWorkerPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}
