import * as zlib from 'node:zlib';

// A small PNG reader for the icon tests: header, CRCs and (for 8-bit RGB/RGBA) the pixels.

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** RGBA pixels, row by row; only for 8-bit colour types 2 (RGB) and 6 (RGBA). */
  rgba?: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(file: Buffer): Png {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let header: Omit<Png, 'rgba'> | undefined;
  let interlace = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    const crc = file.readUInt32BE(offset + 8 + length);
    // zlib.crc32 exists from Node 20.15; older Node skips this check.
    if (typeof zlib.crc32 === 'function' && zlib.crc32(file.subarray(offset + 4, offset + 8 + length)) !== crc) {
      throw new Error(`bad CRC in ${type} chunk`);
    }
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colorType: body[9]! };
      interlace = body[12]!;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (header === undefined) throw new Error('PNG without IHDR');
  const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 0;
  if (channels === 0 || header.bitDepth !== 8 || interlace !== 0) return header;
  const raw = zlib.inflateSync(Buffer.concat(data));
  return { ...header, rgba: toRgba(unfilter(raw, header.width, header.height, channels), channels) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const a = x >= bpp ? out[at - bpp]! : 0;
      const b = y > 0 ? out[at - stride]! : 0;
      const c = x >= bpp && y > 0 ? out[at - stride - bpp]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[at] = (raw[src + x]! + predictor) & 0xff;
    }
  }
  return out;
}

function toRgba(pixels: Buffer, channels: number): Buffer {
  if (channels === 4) return pixels;
  const out = Buffer.alloc((pixels.length / 3) * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    out[j] = pixels[i]!;
    out[j + 1] = pixels[i + 1]!;
    out[j + 2] = pixels[i + 2]!;
    out[j + 3] = 255;
  }
  return out;
}

/** Alpha of the pixel at (x, y). */
export function alphaAt(png: Png, x: number, y: number): number {
  if (png.rgba === undefined) throw new Error('PNG pixels not decoded');
  return png.rgba[(y * png.width + x) * 4 + 3]!;
}
