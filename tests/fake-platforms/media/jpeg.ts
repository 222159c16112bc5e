/**
 * A real baseline JPEG: an 8×8 solid-colour image (one MCU, DC-only), padded to the wanted size
 * with COM segments, which every decoder skips. Written by hand so the fake needs no image library.
 */

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xff00 | marker, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

export const JPEG_HEAD = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
]);

/** A COM segment of exactly `length` bytes (4..65537) wrapping `payload`. */
export function jpegComFrame(payload: Buffer): Buffer {
  return segment(0xfe, payload);
}
export const JPEG_FRAME_OVERHEAD = 4;

// With every quantiser at 8 the quantised DC coefficient of a flat block equals (sample − 128).
const DQT = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 8)]));

function sof0(): Buffer {
  const components = [1, 2, 3].flatMap((id) => [id, 0x11, 0]);
  return segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 3, ...components]));
}

// DC table: categories 0..11 all get 4-bit codes (0000..1011). AC table: EOB = "00".
const DHT_DC = segment(0xc4, Buffer.from([0x00, 0, 0, 0, 12, ...Array(12).fill(0), ...Array.from({ length: 12 }, (_, i) => i)]));
const DHT_AC = segment(0xc4, Buffer.from([0x10, 0, 2, ...Array(14).fill(0), 0x00, 0x01]));
const SOS = segment(0xda, Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]));

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.used === 8) this.flushByte();
    }
  }

  finish(): Buffer {
    if (this.used > 0) this.write(0xff, 8 - this.used);
    return Buffer.from(this.bytes);
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00);
    this.current = 0;
    this.used = 0;
  }
}

function scanData(ycbcr: [number, number, number]): Buffer {
  const bits = new BitWriter();
  for (const sample of ycbcr) {
    const diff = sample - 128;
    const magnitude = Math.abs(diff);
    const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
    bits.write(category, 4);
    if (category > 0) bits.write(diff >= 0 ? diff : diff + (1 << category) - 1, category);
    bits.write(0b00, 2);
  }
  return bits.finish();
}

/** Everything after the padding: tables, one MCU of colour and EOI. `fill` 0xFF bytes may precede a marker. */
export function jpegTail(ycbcr: [number, number, number], fill: number): Buffer {
  return Buffer.concat([Buffer.alloc(fill, 0xff), DQT, sof0(), DHT_DC, DHT_AC, SOS, scanData(ycbcr), Buffer.from([0xff, 0xd9])]);
}
