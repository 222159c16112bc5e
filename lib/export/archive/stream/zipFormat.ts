/**
 * The byte layout of a ZIP of stored and deflated entries (PKWARE APPNOTE 6.3): local headers, central
 * directory headers and the end records, ZIP64 where a size, an offset or the entry count needs it.
 */

/** What a ZIP keeps of one entry, enough to write its central directory header later. */
export interface ZipEntryRecord {
  /** The path inside the ZIP. */
  name: string;
  /** Where the entry's local header starts. */
  offset: number;
  /** Bytes of the entry's content. */
  size: number;
  /** Deflated entries (text): the bytes in the ZIP; stored ones have none, their size is both. */
  compressedSize?: number;
  crc32: number;
  /** Milliseconds since the epoch. */
  modified: number;
}

const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const VERSION_STORED = 10;
const VERSION_DEFLATED = 20;
const VERSION_ZIP64 = 45;
/**
 * A Unix host, as zip.js writes it: Info-ZIP's unzip reads the names of an MS-DOS host's entries
 * through an OEM code page, UTF-8 flag or not, and then finds local and central names differ.
 */
const VERSION_MADE_BY = (3 << 8) | VERSION_ZIP64;
/** A regular file, rw-r--r--, in the high half as Unix hosts keep it. */
const UNIX_FILE_ATTRIBUTES = 0o100644 * 0x10000;
const ZIP64_EXTRA = 0x0001;
const TIMESTAMP_EXTRA = 0x5455;
/**
 * A local header is written before its size is known, and a file past 4 GiB needs a ZIP64 extra
 * field there. The space is reserved as a "growth hint" field (APPNOTE 4.6.10, an id readers skip)
 * and turned into the ZIP64 field when the patched sizes need it, so no header ever moves.
 */
const GROWTH_HINT_EXTRA = 0xa220;
const GROWTH_HINT_SIGNATURE = 0xa028;
const SIZE_FIELD_BYTES = 4 + 16;
const LOCAL_FIXED_BYTES = 30;
const CENTRAL_FIXED_BYTES = 46;
const ZIP64_END_BYTES = 56;
const ZIP64_LOCATOR_BYTES = 20;
const END_BYTES = 22;

const encoder = new TextEncoder();

export function encodeName(name: string): Uint8Array {
  const bytes = encoder.encode(name);
  if (bytes.length === 0 || bytes.length > MAX_16) throw new RangeError(`A ZIP entry name must have 1 to 65535 bytes: ${name.slice(0, 80)}`);
  return bytes;
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 0x1_0000_0000, true);
  view.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
}

/** DOS date and time in local time, as unzip shows them; clamped to the years DOS can hold. */
export function dosDateTime(modified: number): { date: number; time: number } {
  const d = new Date(modified);
  const year = d.getFullYear();
  if (year < 1980) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** Unix seconds for the extended timestamp field (UTC, second precision), when 32 bits hold them. */
function unixSeconds(modified: number): number | undefined {
  const seconds = Math.floor(modified / 1000);
  return seconds >= -0x8000_0000 && seconds <= 0x7fff_ffff ? seconds : undefined;
}

function timestampBytes(modified: number): number {
  return unixSeconds(modified) === undefined ? 0 : 9;
}

function writeTimestamp(view: DataView, at: number, modified: number): number {
  const seconds = unixSeconds(modified);
  if (seconds === undefined) return at;
  view.setUint16(at, TIMESTAMP_EXTRA, true);
  view.setUint16(at + 2, 5, true);
  view.setUint8(at + 4, 1);
  view.setInt32(at + 5, seconds, true);
  return at + 9;
}

export function localHeaderLength(name: Uint8Array, modified: number): number {
  return LOCAL_FIXED_BYTES + name.length + timestampBytes(modified) + SIZE_FIELD_BYTES;
}

function versionNeeded(zip64: boolean, deflated: boolean): number {
  if (zip64) return VERSION_ZIP64;
  return deflated ? VERSION_DEFLATED : VERSION_STORED;
}

/**
 * The local header of an entry. Before its data is written `final` is absent (sizes and CRC
 * zero); once written, the same bytes are written again with them, at the same length.
 */
export function localHeader(
  name: Uint8Array,
  modified: number,
  final?: { size: number; compressedSize?: number; crc32: number },
  deflated = final?.compressedSize !== undefined,
): Uint8Array {
  const bytes = new Uint8Array(localHeaderLength(name, modified));
  const view = new DataView(bytes.buffer);
  const size = final?.size ?? 0;
  const compressedSize = final?.compressedSize ?? size;
  const zip64 = size >= MAX_32 || compressedSize >= MAX_32;
  const { date, time } = dosDateTime(modified);
  view.setUint32(0, LOCAL_SIGNATURE, true);
  view.setUint16(4, versionNeeded(zip64, deflated), true);
  view.setUint16(6, UTF8_NAMES, true);
  view.setUint16(8, deflated ? DEFLATED : STORED, true);
  view.setUint16(10, time, true);
  view.setUint16(12, date, true);
  view.setUint32(14, final?.crc32 ?? 0, true);
  view.setUint32(18, zip64 ? MAX_32 : compressedSize, true);
  view.setUint32(22, zip64 ? MAX_32 : size, true);
  view.setUint16(26, name.length, true);
  view.setUint16(28, bytes.length - LOCAL_FIXED_BYTES - name.length, true);
  bytes.set(name, LOCAL_FIXED_BYTES);
  const extra = writeTimestamp(view, LOCAL_FIXED_BYTES + name.length, modified);
  view.setUint16(extra + 2, 16, true);
  if (zip64) {
    view.setUint16(extra, ZIP64_EXTRA, true);
    setUint64(view, extra + 4, size);
    setUint64(view, extra + 12, compressedSize);
  } else {
    view.setUint16(extra, GROWTH_HINT_EXTRA, true);
    view.setUint16(extra + 4, GROWTH_HINT_SIGNATURE, true);
  }
  return bytes;
}

/** Where an entry's data ends, given its record: the offset the next entry starts at. */
export function entryEnd(record: ZipEntryRecord): number {
  return record.offset + localHeaderLength(encodeName(record.name), record.modified) + (record.compressedSize ?? record.size);
}

export function centralHeader(record: ZipEntryRecord): Uint8Array {
  const name = encodeName(record.name);
  const compressedSize = record.compressedSize ?? record.size;
  const deflated = record.compressedSize !== undefined;
  const bigSize = record.size >= MAX_32 || compressedSize >= MAX_32;
  const bigOffset = record.offset >= MAX_32;
  const zip64Bytes = bigSize || bigOffset ? 4 + (bigSize ? 16 : 0) + (bigOffset ? 8 : 0) : 0;
  const bytes = new Uint8Array(CENTRAL_FIXED_BYTES + name.length + timestampBytes(record.modified) + zip64Bytes);
  const view = new DataView(bytes.buffer);
  const { date, time } = dosDateTime(record.modified);
  view.setUint32(0, CENTRAL_SIGNATURE, true);
  view.setUint16(4, VERSION_MADE_BY, true);
  view.setUint16(6, versionNeeded(zip64Bytes > 0, deflated), true);
  view.setUint16(8, UTF8_NAMES, true);
  view.setUint16(10, deflated ? DEFLATED : STORED, true);
  view.setUint16(12, time, true);
  view.setUint16(14, date, true);
  view.setUint32(16, record.crc32, true);
  view.setUint32(20, bigSize ? MAX_32 : compressedSize, true);
  view.setUint32(24, bigSize ? MAX_32 : record.size, true);
  view.setUint16(28, name.length, true);
  view.setUint16(30, bytes.length - CENTRAL_FIXED_BYTES - name.length, true);
  // Comment length, disk number and internal attributes stay zero.
  view.setUint32(38, UNIX_FILE_ATTRIBUTES, true);
  view.setUint32(42, bigOffset ? MAX_32 : record.offset, true);
  bytes.set(name, CENTRAL_FIXED_BYTES);
  let at = writeTimestamp(view, CENTRAL_FIXED_BYTES + name.length, record.modified);
  if (zip64Bytes) {
    view.setUint16(at, ZIP64_EXTRA, true);
    view.setUint16(at + 2, zip64Bytes - 4, true);
    at += 4;
    if (bigSize) {
      setUint64(view, at, record.size);
      setUint64(view, at + 8, compressedSize);
      at += 16;
    }
    if (bigOffset) setUint64(view, at, record.offset);
  }
  return bytes;
}

/** The end records after a central directory of `count` entries, `size` bytes long, at `offset`. */
export function endRecords(count: number, offset: number, size: number): Uint8Array {
  const zip64 = count >= MAX_16 || offset >= MAX_32 || size >= MAX_32;
  const bytes = new Uint8Array((zip64 ? ZIP64_END_BYTES + ZIP64_LOCATOR_BYTES : 0) + END_BYTES);
  const view = new DataView(bytes.buffer);
  let at = 0;
  if (zip64) {
    view.setUint32(0, ZIP64_END_SIGNATURE, true);
    setUint64(view, 4, ZIP64_END_BYTES - 12);
    view.setUint16(12, VERSION_MADE_BY, true);
    view.setUint16(14, VERSION_ZIP64, true);
    // This disk and the central directory's disk stay zero.
    setUint64(view, 24, count);
    setUint64(view, 32, count);
    setUint64(view, 40, size);
    setUint64(view, 48, offset);
    view.setUint32(56, ZIP64_LOCATOR_SIGNATURE, true);
    setUint64(view, 64, offset + size);
    view.setUint32(72, 1, true);
    at = ZIP64_END_BYTES + ZIP64_LOCATOR_BYTES;
  }
  view.setUint32(at, END_SIGNATURE, true);
  view.setUint16(at + 8, zip64 ? MAX_16 : count, true);
  view.setUint16(at + 10, zip64 ? MAX_16 : count, true);
  view.setUint32(at + 12, zip64 ? MAX_32 : size, true);
  view.setUint32(at + 16, zip64 ? MAX_32 : offset, true);
  return bytes;
}
