import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ACCENT, drawColorIcon, drawOutlineIcon, encodePng, type Bitmap } from '../../scripts/draw-icons.ts';

/** Decodes an 8-bit RGBA PNG whose rows all use filter 0 (what the icon drawer writes). */
const decode = (bytes: Buffer): Bitmap => {
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    expect(raw[row * (width * 4 + 1)]).toBe(0);
    pixels.set(raw.subarray(row * (width * 4 + 1) + 1, (row + 1) * (width * 4 + 1)), row * width * 4);
  }
  return { width, height, pixels };
};

const pixel = (b: Bitmap, x: number, y: number): number[] => [...b.pixels.subarray((y * b.width + x) * 4, (y * b.width + x) * 4 + 4)];
const committed = (name: string): Bitmap => decode(readFileSync(new URL(`../../appPackage/${name}`, import.meta.url)));

describe('the app icons', () => {
  it('are the committed drawing, pixel for pixel', () => {
    expect(committed('color.png')).toEqual(drawColorIcon());
    expect(committed('outline.png')).toEqual(drawOutlineIcon());
  });

  it('colour icon: an opaque accent square with a white arrow up the middle', () => {
    const icon = committed('color.png');
    expect(pixel(icon, 0, 0)).toEqual([...ACCENT]);
    expect(pixel(icon, 191, 191)).toEqual([...ACCENT]);
    expect(pixel(icon, 96, 120)).toEqual([255, 255, 255, 255]);
    for (let i = 3; i < icon.pixels.length; i += 4) expect(icon.pixels[i]).toBe(255);
  });

  it('outline icon: white only, on a transparent background', () => {
    const icon = committed('outline.png');
    expect(pixel(icon, 0, 0)[3]).toBe(0);
    expect(pixel(icon, 16, 20)).toEqual([255, 255, 255, 255]);
    const opaque = [];
    for (let i = 0; i < icon.pixels.length; i += 4) {
      expect([icon.pixels[i], icon.pixels[i + 1], icon.pixels[i + 2]]).toEqual([255, 255, 255]);
      if (icon.pixels[i + 3]! > 0) opaque.push(i);
    }
    // An outline, not a filled square: most of the icon stays transparent.
    expect(opaque.length).toBeGreaterThan(50);
    expect(opaque.length).toBeLessThan(32 * 32 * 0.4);
  });

  it('the encoder round-trips any bitmap', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const bitmap = { width: 3, height: 2, pixels };
    expect(decode(encodePng(bitmap))).toEqual(bitmap);
  });
});
