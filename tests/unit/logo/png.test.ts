// The 8-bit RGB and RGBA PNGs read without pngjs (electron/logos/png.ts): the same pixels pngjs gives, under every
// row filter and however the data is split into chunks; every other PNG, and a damaged one, left to pngjs (null).
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { readPlainRgbPng } from '../../../electron/logos/png';

/** RGBA pixels with gradients, flat runs, noise and, when asked, partial transparency. */
function picture(width: number, height: number, seed: number, alpha: boolean): Uint8Array {
  const next = rng(seed);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const flat = (x >> 3) % 2 === 0;
      data[p] = flat ? 200 : (x * 7 + y * 3) & 255;
      data[p + 1] = flat ? 30 : next() & 255;
      data[p + 2] = (y * 11) & 255;
      data[p + 3] = alpha ? (x + y) % 5 === 0 ? next() & 255 : 255 : 255;
    }
  }
  return data;
}

function pngjsWrite(width: number, height: number, rgba: Uint8Array, colorType: 2 | 6, filterType: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png, { colorType, filterType });
}

/** What pngjs reads (RGBA), as the channels the reader gives. */
function pngjsPixels(bytes: Buffer, channels: 3 | 4): Uint8Array {
  const rgba = PNG.sync.read(bytes).data;
  if (channels === 4) return new Uint8Array(rgba);
  return Uint8Array.from({ length: (rgba.length / 4) * 3 }, (_, i) => rgba[Math.floor(i / 3) * 4 + (i % 3)]!);
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** The chunks of a PNG, in order. */
function chunks(png: Buffer): Array<{ type: string; body: Buffer }> {
  const out: Array<{ type: string; body: Buffer }> = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    out.push({ type: png.toString('latin1', at + 4, at + 8), body: png.subarray(at + 8, at + 8 + png.readUInt32BE(at)) });
  }
  return out;
}

/** The same PNG with its compressed data split across `parts` IDAT chunks, and any chunks given put before them. */
function rechunked(png: Buffer, parts: number, before: Buffer[] = []): Buffer {
  const list = chunks(png);
  const data = Buffer.concat(list.filter((c) => c.type === 'IDAT').map((c) => c.body));
  const step = Math.ceil(data.length / parts);
  const idats = Array.from({ length: parts }, (_, i) => chunk('IDAT', data.subarray(i * step, (i + 1) * step)));
  return Buffer.concat([png.subarray(0, 8), chunk('IHDR', list[0]!.body), ...before, ...idats, chunk('IEND', new Uint8Array(0))]);
}

describe('reading 8-bit RGB and RGBA PNGs', () => {
  it('gives the pixels pngjs gives, under each row filter, for RGB and RGBA, in odd sizes', () => {
    for (const [width, height] of [[37, 23], [1, 5], [64, 1], [96, 64]] as const) {
      for (const colorType of [2, 6] as const) {
        const channels = colorType === 2 ? 3 : 4;
        for (let filterType = 0; filterType <= 4; filterType++) {
          const bytes = pngjsWrite(width, height, picture(width, height, width + filterType, colorType === 6), colorType, filterType);
          const read = readPlainRgbPng(bytes);
          expect(read && { width: read.width, height: read.height, channels: read.channels }).toEqual({ width, height, channels });
          expect(Buffer.from(read!.data).equals(Buffer.from(pngjsPixels(bytes, channels)))).toBe(true);
        }
      }
    }
  });

  it('reads what libpng writes with its adaptive filters, and data split across chunks', async () => {
    const width = 203;
    const height = 157;
    const rgb = Buffer.from(picture(width, height, 5, false).filter((_, i) => i % 4 !== 3));
    const bytes = await sharp(rgb, { raw: { width, height, channels: 3 } }).png({ adaptiveFiltering: true }).toBuffer();
    for (const png of [bytes, rechunked(bytes, 7)]) {
      const read = readPlainRgbPng(png);
      expect(read?.channels).toBe(3);
      expect(Buffer.from(read!.data).equals(rgb)).toBe(true);
    }
  });

  it('leaves gray, palette, transparency keys, 16 bits and interlacing to pngjs and libvips', async () => {
    const raw = { raw: { width: 20, height: 10, channels: 3 as const } };
    const rgb = Buffer.from(picture(20, 10, 9, false).filter((_, i) => i % 4 !== 3));
    const plain = await sharp(rgb, raw).png().toBuffer();
    expect(readPlainRgbPng(plain)).not.toBeNull();
    expect(readPlainRgbPng(await sharp(rgb, raw).toColourspace('b-w').png().toBuffer())).toBeNull();
    expect(readPlainRgbPng(await sharp(rgb, raw).png({ palette: true }).toBuffer())).toBeNull();
    expect(readPlainRgbPng(await sharp(rgb, raw).toColourspace('rgb16').png().toBuffer())).toBeNull();
    expect(readPlainRgbPng(await sharp(rgb, raw).png({ progressive: true }).toBuffer())).toBeNull();
    expect(readPlainRgbPng(rechunked(plain, 1, [chunk('tRNS', new Uint8Array([0, 200, 0, 30, 0, 11]))]))).toBeNull();
  });

  it('refuses a damaged PNG rather than guess: a wrong checksum, cut short, rows of the wrong length, an unknown filter', () => {
    const bytes = pngjsWrite(16, 8, picture(16, 8, 3, false), 2, 1);
    expect(readPlainRgbPng(bytes)).not.toBeNull();
    const idatAt = bytes.indexOf(Buffer.from('IDAT', 'latin1'));
    // the data intact, its checksum wrong
    const badChecksum = Buffer.from(bytes);
    const crcAt = idatAt + 4 + bytes.readUInt32BE(idatAt - 4);
    badChecksum[crcAt] = badChecksum[crcAt]! ^ 1;
    expect(readPlainRgbPng(badChecksum)).toBeNull();
    expect(readPlainRgbPng(bytes.subarray(0, bytes.length - 20))).toBeNull();
    const ihdr = chunks(bytes)[0]!.body;
    const rows = (filter: number, stride: number, count: number) => {
      const raw = Buffer.alloc((stride + 1) * count);
      for (let y = 0; y < count; y++) raw[y * (stride + 1)] = filter;
      return Buffer.concat([bytes.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
    };
    expect(readPlainRgbPng(rows(0, 16 * 3, 8))).not.toBeNull();
    expect(readPlainRgbPng(rows(0, 16 * 3, 7))).toBeNull();
    expect(readPlainRgbPng(rows(5, 16 * 3, 8))).toBeNull();
  });
});
