#!/usr/bin/env node
// Draws the extension's icon (images/icon.png, 128 × 128, as the VS Code Marketplace and Open VSX
// want it): a tablet with a rim and a check mark, on a dark rounded square. Written with
// node:zlib only, so that the icon can be redrawn without an image editor.
//
//   node scripts/icon.mjs [OUT]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SUB = 4; // samples per pixel side (anti-aliasing)

const BACKGROUND = [0x1f, 0x29, 0x37];
const TABLET = [0xf5, 0x9e, 0x0b];
const RIM = [0xb4, 0x53, 0x09];
const CHECK = [0xff, 0xff, 0xff];

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** The colour at a point, or undefined outside the icon (transparent). */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 24)) return undefined;
  let c = BACKGROUND;
  const d = Math.hypot(x - 64, y - 64);
  if (d <= 42) c = RIM;
  if (d <= 38) c = TABLET;
  const check = [
    [42, 66],
    [58, 82],
    [88, 46],
  ];
  if (distanceToSegment(x, y, check[0], check[1]) <= 6 || distanceToSegment(x, y, check[1], check[2]) <= 6) c = CHECK;
  return c;
}

function pixels() {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUB; sy++)
        for (let sx = 0; sx < SUB; sx++) {
          const c = colourAt(px + (sx + 0.5) / SUB, py + (sy + 0.5) / SUB);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      const o = 1 + px * 4;
      if (a) {
        row[o] = Math.round(r / a);
        row[o + 1] = Math.round(g / a);
        row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((255 * a) / (SUB * SUB));
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  writeFileSync(process.argv[2] ?? 'images/icon.png', iconPng());
}
