// Draws Newsbar's toolbar icon (a rounded red square with three white "headline" bars) as PNGs.
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed in public/icon/.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.2;
  const inRounded = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const bars = [
    [0.22, 0.26, 0.78, 0.36],
    [0.22, 0.46, 0.78, 0.54],
    [0.22, 0.64, 0.6, 0.72],
  ];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const px = x + 0.5, py = y + 0.5;
      if (!inRounded(px, py)) continue;
      const bar = bars.some(([x0, y0, x1, y1]) => px >= x0 * size && px <= x1 * size && py >= y0 * size && py <= y1 * size);
      const [R, G, B] = bar ? [255, 255, 255] : [196, 30, 58];
      raw.set([R, G, B, 255], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const s of [16, 32, 48, 128]) writeFileSync(`public/icon/${s}.png`, png(s));
