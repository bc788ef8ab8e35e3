/**
 * Draws the Teams app icons in manifest/: color.png (192×192, white mark on the accent colour) and
 * outline.png (32×32, white mark on transparent). The mark is a "Q" with a "+".
 * Run after changing it: `npm run build && node dist/scripts/make-icons.js`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgba = readonly [number, number, number, number];

/** #1F6F8B, the manifest's accentColor. */
const accent: Rgba = [0x1f, 0x6f, 0x8b, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels (row by row) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Whether a point of the unit square belongs to the mark: a ring with a tail, and a plus. */
function inMark(x: number, y: number): boolean {
  const r = Math.hypot(x - 0.44, y - 0.52);
  const ring = r <= 0.26 && r >= 0.165;
  const tail = distanceToSegment(x, y, 0.53, 0.63, 0.66, 0.78) <= 0.048;
  const plus =
    (Math.abs(x - 0.79) <= 0.032 && Math.abs(y - 0.24) <= 0.09) ||
    (Math.abs(y - 0.24) <= 0.032 && Math.abs(x - 0.79) <= 0.09);
  return ring || tail || plus;
}

/** Renders the mark, anti-aliased by 4×4 supersampling, enlarged by `zoom` around the centre. */
function render(size: number, zoom: number, background: Rgba | undefined): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = 0.5 + ((px + (sx + 0.5) / samples) / size - 0.5) / zoom;
          const y = 0.5 + ((py + (sy + 0.5) / samples) / size - 0.5) / zoom;
          if (inMark(x, y)) hits++;
        }
      }
      const cover = hits / (samples * samples);
      const at = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) {
          pixels[at + c] = Math.round(background[c] * (1 - cover) + 255 * cover);
        }
        pixels[at + 3] = 255;
      } else {
        pixels.set([255, 255, 255, Math.round(255 * cover)], at);
      }
    }
  }
  return pixels;
}

function main(): void {
  const dir = path.join(__dirname, '..', '..', 'manifest');
  fs.writeFileSync(path.join(dir, 'color.png'), encodePng(192, 192, render(192, 1, accent)));
  fs.writeFileSync(path.join(dir, 'outline.png'), encodePng(32, 32, render(32, 1.25, undefined)));
  console.log(`Wrote ${dir}/color.png and outline.png`);
}

if (require.main === module) main();
