/**
 * ISO-BMFF / QuickTime files: an `ftyp` box with the brand real uploads carry, then one `mdat` box
 * whose payload is the padding. Enough for magic-byte sniffing; not a playable movie.
 */

function box(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
}

function ftyp(major: string, compatible: string[]): Buffer {
  const version = Buffer.alloc(4);
  version.writeUInt32BE(0x200, 0);
  return box('ftyp', Buffer.concat([Buffer.from(major, 'latin1'), version, ...compatible.map((b) => Buffer.from(b, 'latin1'))]));
}

export type VideoBrand = 'isom' | 'mp42' | 'qt';

export function videoPrefix(brand: VideoBrand): Buffer {
  if (brand === 'qt') return Buffer.concat([ftyp('qt  ', ['qt  ']), box('wide', Buffer.alloc(0))]);
  if (brand === 'mp42') return ftyp('mp42', ['isom', 'mp42']);
  return ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']);
}

/** The `mdat` header for `payload` bytes; 64-bit size past 4 GiB like real muxers. */
export function mdatHeader(payload: number): Buffer {
  if (payload + 8 <= 0xffffffff) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(payload + 8, 0);
    header.write('mdat', 4, 'latin1');
    return header;
  }
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write('mdat', 4, 'latin1');
  header.writeBigUInt64BE(BigInt(payload + 16), 8);
  return header;
}
