import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { findRepoRoot } from './package-app';

// Draws the two Teams icons (a map pin: a place, not a person) and writes them as RGBA PNGs
// with Node's zlib only, so the icons can be regenerated without an image tool.
// Run: npm run build && node dist/scripts/make-icons.js [outDir]

type Rgba = readonly [number, number, number, number];

const WHITE: Rgba = [255, 255, 255, 255];
const BRAND_BLUE: Rgba = [0x1f, 0x4e, 0x79, 255];
const TRANSPARENT: Rgba = [255, 255, 255, 0];
const SUPERSAMPLE = 4;

/** Whether a point of the unit square (0..1, y down) lies on the map-pin glyph. */
export function insidePin(x: number, y: number): boolean {
  const cx = 0.5;
  const cy = 0.4;
  const radius = 0.27;
  const tipY = 0.92;
  const holeRadius = 0.11;
  const dx = x - cx;
  const dy = y - cy;
  const distance = Math.hypot(dx, dy);
  if (distance <= holeRadius) return false;
  if (distance <= radius) return true;
  // Below the circle, the pin narrows to its tip between the two tangent lines from the tip.
  const tipDistance = tipY - cy;
  const halfAngle = Math.asin(radius / tipDistance);
  const tangentY = cy + (radius * radius) / tipDistance;
  if (y < tangentY || y > tipY) return false;
  return Math.abs(x - cx) <= (tipY - y) * Math.tan(halfAngle);
}

/** Fraction of a pixel covered by the glyph, by supersampling. */
function coverage(px: number, py: number, size: number, inset: number): number {
  let hits = 0;
  const scale = size - 2 * inset;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE - inset) / scale;
      const y = (py + (sy + 0.5) / SUPERSAMPLE - inset) / scale;
      if (insidePin(x, y)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

/** RGBA pixels of the glyph over a background; `inset` leaves a margin around the glyph. */
export function drawIcon(size: number, background: Rgba, glyph: Rgba, inset: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, inset);
      const at = (y * size + x) * 4;
      if (background[3] === 0) {
        // On a transparent background the glyph colour stays pure; coverage goes to alpha.
        pixels.set([glyph[0], glyph[1], glyph[2], Math.round(glyph[3] * c)], at);
      } else {
        for (let i = 0; i < 3; i++) pixels[at + i] = Math.round(background[i]! * (1 - c) + glyph[i]! * c);
        pixels[at + 3] = background[3];
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no filtering). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(outDir: string): void {
  // Teams crops the colour icon into a rounded tile: keep the glyph inside the middle area.
  writeFileSync(join(outDir, 'color.png'), encodePng(192, 192, drawIcon(192, BRAND_BLUE, WHITE, 40)));
  writeFileSync(join(outDir, 'outline.png'), encodePng(32, 32, drawIcon(32, TRANSPARENT, WHITE, 2)));
}

if (require.main === module) {
  writeIcons(process.argv[2] ?? join(findRepoRoot(), 'appPackage'));
}
