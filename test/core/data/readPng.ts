/**
 * Reads an 8-bit RGBA, non-interlaced PNG (what matplotlib writes) into its pixels, for tests
 * that look at a picture: chunks, zlib, then each row's filter undone (PNG spec, section 9).
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** A decoded picture: `rgba[(y * width + x) * 4 + c]`. */
export interface Picture {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Decodes the PNG at `path` (8-bit RGBA, not interlaced; anything else throws). */
export function readPng(path: URL | string): Picture {
  const file = readFileSync(path);
  if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const kind = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0)
        throw new Error('only 8-bit RGBA, non-interlaced PNGs');
    }
    if (kind === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? rgba[row + i - 4] : 0;
      const b = y > 0 ? rgba[row - stride + i] : 0;
      const c = i >= 4 && y > 0 ? rgba[row - stride + i - 4] : 0;
      rgba[row + i] = (line[i] + predict(filter, a, b, c)) & 255;
    }
  }
  return { width, height, rgba };
}

/** The value a PNG filter predicts from the left (a), upper (b) and upper-left (c) bytes. */
function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
}
