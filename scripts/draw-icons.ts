/**
 * Draws Upward's two Teams icons (an upward arrow) and writes them as PNG files into appPackage/.
 * Run `node scripts/draw-icons.ts` after changing the drawing; the PNGs are committed. This file
 * is not part of the app package (the zip holds only manifest.json and the two PNGs).
 *
 * The PNG encoder is hand-written on node:zlib so the icons need no image library and can be
 * redrawn, byte for byte in pixels, on any machine.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/** Straight (non-premultiplied) RGBA colour, 0..255 per channel. */
export type Rgba = readonly [number, number, number, number];

/** An RGBA bitmap, rows top to bottom, 4 bytes a pixel. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** The accent colour of the app; the manifest's `accentColor` uses the same value. */
export const ACCENT: Rgba = [0x2f, 0x5b, 0xd3, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0xff, 0xff, 0xff, 0x00];

// The arrow as strokes in a unit square: a shaft and a chevron head. Round caps and joins come for
// free from measuring distance to each segment.
type Segment = readonly [number, number, number, number];
const ARROW: readonly Segment[] = [
  [0.5, 0.8, 0.5, 0.24],
  [0.27, 0.46, 0.5, 0.23],
  [0.73, 0.46, 0.5, 0.23],
];

const distanceToSegment = (px: number, py: number, [ax, ay, bx, by]: Segment): number => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/**
 * Draws the arrow at `size` pixels square: `stroke` coloured strokes of `strokeWidth` (a fraction
 * of the size) over `background`. Each pixel is sampled 4x4 times so the edges are anti-aliased.
 */
export function drawArrow(size: number, background: Rgba, stroke: Rgba, strokeWidth: number): Bitmap {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  const half = strokeWidth / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (ARROW.some((segment) => distanceToSegment(u, v, segment) <= half)) inside++;
        }
      }
      const cover = inside / (samples * samples);
      const alpha = stroke[3] * cover + background[3] * (1 - cover);
      const at = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        // Blend in straight alpha: weight each colour by its own opacity, then un-weight.
        const sum = stroke[c]! * stroke[3] * cover + background[c]! * background[3] * (1 - cover);
        pixels[at + c] = alpha === 0 ? background[c]! : Math.round(sum / alpha);
      }
      pixels[at + 3] = Math.round(alpha);
    }
  }
  return { width: size, height: size, pixels };
}

const chunk = (type: string, data: Uint8Array): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
};

/** Encodes a bitmap as an 8-bit RGBA, non-interlaced PNG (filter 0 on every row). */
export function encodePng({ width, height, pixels }: Bitmap): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter 0, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row++) {
    raw[row * (stride + 1)] = 0;
    raw.set(pixels.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The colour icon Teams shows in the store and app bar: 192x192, white arrow on the accent colour. */
export const drawColorIcon = (): Bitmap => drawArrow(192, ACCENT, WHITE, 0.1);

/** The outline icon for the Teams app bar: 32x32, white strokes on transparency (Teams' rule). */
export const drawOutlineIcon = (): Bitmap => drawArrow(32, CLEAR, WHITE, 0.09);

if (import.meta.main) {
  writeFileSync(new URL('../appPackage/color.png', import.meta.url), encodePng(drawColorIcon()));
  writeFileSync(new URL('../appPackage/outline.png', import.meta.url), encodePng(drawOutlineIcon()));
  console.log('wrote appPackage/color.png and appPackage/outline.png');
}
