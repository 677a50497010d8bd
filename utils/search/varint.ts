// Unsigned varints (7 bits a byte, low bits first), for the search index's lists of numbers. Written
// with arithmetic, not bit operations, so numbers past 2^31 (times in milliseconds) survive.

/** Appends `n` (a non-negative safe integer) to `out`. */
export function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Reads the varints of `bytes` from `start` to the end, handing each to `each`. */
export function readVarints(bytes: Uint8Array, start: number, each: (n: number) => void): void {
  for (let i = start; i < bytes.length; ) {
    let n = 0;
    let scale = 1;
    let b: number;
    do {
      b = bytes[i++]!;
      n += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b & 0x80);
    each(n);
  }
}

/** A signed difference as an unsigned number (0, -1, 1, -2 ... -> 0, 1, 2, 3 ...). */
export const zigzag = (d: number): number => (d >= 0 ? 2 * d : -2 * d - 1);
export const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
