#!/usr/bin/env node
/**
 * Draws the extension icon, images/icon.png: a white shield with a checkmark on a rounded square of
 * Kubernetes blue, 128×128, anti-aliased by 4×4 supersampling. Uses only node's zlib: the PNG
 * chunks (IHDR, IDAT, IEND) and their CRCs are written by hand. Run `node scripts/make-icon.js`
 * after changing a shape or a colour; the output is deterministic.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 128;
const SAMPLES = 4;
const KUBERNETES_BLUE = [0x32, 0x6c, 0xe5];
const DEEP_BLUE = [0x1f, 0x4f, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

/** Inside the rounded-square background? */
function inBackground(x, y) {
  const radius = 26;
  const cx = Math.min(Math.max(x, radius), SIZE - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** A shield centred on x = 64: a gently curved top, straight sides, then a curved point. */
function inShield(x, y, inset) {
  const halfWidth = 36 - inset;
  const top = 18 + inset;
  const shoulder = 62;
  const bottom = 114 - inset * 1.6;
  const dx = Math.abs(x - 64);
  if (dx > halfWidth) return false;
  if (y < top + 5 * (dx / halfWidth) ** 2) return false;
  if (y <= shoulder) return true;
  if (y > bottom) return false;
  const t = (y - shoulder) / (bottom - shoulder);
  return dx <= halfWidth * (1 - t) * (1 + 0.7 * t);
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** A thick checkmark with round ends. */
function inCheck(x, y) {
  const points = [[44, 64], [58, 78], [85, 47]];
  const halfStroke = 6;
  return segmentDistance(x, y, points[0], points[1]) <= halfStroke || segmentDistance(x, y, points[1], points[2]) <= halfStroke;
}

/** The colour of one sample point, or null where the icon is transparent. */
function sample(x, y) {
  if (!inBackground(x, y)) return null;
  if (inCheck(x, y)) return KUBERNETES_BLUE;
  if (inShield(x, y, 0)) return inShield(x, y, 5) ? WHITE : DEEP_BLUE;
  return KUBERNETES_BLUE;
}

/** One RGBA scanline per row: the mean colour of the covered samples, with coverage as alpha. */
function render() {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (None), then RGBA
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = 1 + px * 4;
      if (covered > 0) {
        row[offset] = Math.round(r / covered);
        row[offset + 1] = Math.round(g / covered);
        row[offset + 2] = Math.round(b / covered);
        row[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
      }
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

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, scanlines) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const output = path.join(__dirname, '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, encodePng(SIZE, SIZE, render()));
console.log(`wrote ${path.relative(process.cwd(), output)}`);
