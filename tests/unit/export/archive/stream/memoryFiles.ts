import type { PositionalFile } from '../../../../../lib/export/archive/stream/positionalFile';

/** A positional file in memory that can be made to stop, as a worker stop cuts a write short. */
export class MemoryFile implements PositionalFile {
  private store = new Uint8Array(1024);
  private length = 0;
  writes = 0;
  /** The write (counted from 1) that stops the "worker", and how many of its bytes reach the disk. */
  stopAt?: { write: number; keep: (length: number) => number };
  /** Where the stopped write was aimed and how long it was. */
  stopped?: { at: number; length: number; kept: number };

  get bytes(): Uint8Array {
    return this.store.subarray(0, this.length);
  }

  write(bytes: Uint8Array, at: number): void {
    this.writes += 1;
    if (this.stopAt?.write === this.writes) {
      const kept = Math.min(bytes.length, this.stopAt.keep(bytes.length));
      this.place(bytes.subarray(0, kept), at);
      this.stopped = { at, length: bytes.length, kept };
      throw new Error('stopped');
    }
    this.place(bytes, at);
  }

  truncate(size: number): void {
    this.reserve(size);
    if (size > this.length) this.store.fill(0, this.length, size);
    this.length = size;
  }

  getSize(): number {
    return this.length;
  }

  flush(): void {}

  private reserve(size: number): void {
    if (size <= this.store.length) return;
    const grown = new Uint8Array(Math.max(size, this.store.length * 2));
    grown.set(this.store.subarray(0, this.length));
    this.store = grown;
  }

  private place(bytes: Uint8Array, at: number): void {
    this.reserve(at + bytes.length);
    if (at > this.length) this.store.fill(0, this.length, at);
    this.store.set(bytes, at);
    this.length = Math.max(this.length, at + bytes.length);
  }
}

/** A file whose unwritten ranges read as zeros and take no memory: offsets past 4 GiB in a test. */
export class SparseFile implements PositionalFile {
  private segments: { at: number; bytes: Uint8Array }[] = [];
  private size = 0;

  write(bytes: Uint8Array, at: number): void {
    this.segments.push({ at, bytes: bytes.slice() });
    this.size = Math.max(this.size, at + bytes.length);
  }

  truncate(size: number): void {
    this.segments = this.segments.filter((s) => s.at < size).map((s) => ({ at: s.at, bytes: s.bytes.subarray(0, size - s.at) }));
    this.size = size;
  }

  getSize(): number {
    return this.size;
  }

  flush(): void {}

  read(index: number, length: number): Uint8Array {
    const end = Math.min(index + length, this.size);
    const out = new Uint8Array(Math.max(0, end - index));
    // Later writes win, as on a disk.
    for (const { at, bytes } of this.segments) {
      const from = Math.max(at, index);
      const to = Math.min(at + bytes.length, end);
      if (from < to) out.set(bytes.subarray(from - at, to - at), from - index);
    }
    return out;
  }
}
