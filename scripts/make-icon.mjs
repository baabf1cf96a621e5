#!/usr/bin/env node
// Draws the app's icon with code (no image editor, no network) and writes resources/icon.png
// (512x512, what electron-builder wants for Linux) and resources/icon.ico (16 to 256 px, each a
// PNG inside the ICO, which Windows Vista and later read; electron-builder needs the 256 px one).
// The picture: the navy of the gate screen, a QR finder square (the card) and the "TERCATAT"
// tick in the gate's bluish green. Run it again only to change the picture: `node scripts/make-icon.mjs`.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.resolve(import.meta.dirname, '..')
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

const NAVY = [11, 31, 51]
const WHITE = [255, 255, 255]
const GREEN = [0, 158, 115]

/** Signed distance to a rounded square centred on (0.5, 0.5); negative inside. */
function roundedSquare(x, y, half, radius) {
  const dx = Math.abs(x - 0.5) - half + radius
  const dy = Math.abs(y - 0.5) - half + radius
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0))
  return outside + Math.min(Math.max(dx, dy), 0) - radius
}

/** Distance from (x, y) to the segment a-b. */
function segment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  )
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)))
}

/** The colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(x, y) {
  if (roundedSquare(x, y, 0.47, 0.11) > 0) return null
  // The card's finder pattern, top left: a ring and its centre.
  const fx = x - 0.29 + 0.5
  const fy = y - 0.29 + 0.5
  const ring = roundedSquare(fx, fy, 0.17, 0.03)
  const hole = roundedSquare(fx, fy, 0.115, 0.02)
  const dot = roundedSquare(fx, fy, 0.07, 0.015)
  if ((ring <= 0 && hole > 0) || dot <= 0) return WHITE
  // The tick, bottom right, with round ends.
  const tick = Math.min(
    segment(x, y, [0.42, 0.64], [0.56, 0.78]),
    segment(x, y, [0.56, 0.78], [0.82, 0.46]),
  )
  if (tick <= 0.055) return GREEN
  return NAVY
}

/** RGBA pixels of the icon at `size`, each pixel the average of 4x4 samples (smooth edges). */
export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4)
  const n = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
          if (!c) continue
          r += c[0]
          g += c[1]
          b += c[2]
          a += 1
        }
      }
      const o = (py * size + px) * 4
      if (a > 0) {
        pixels[o] = Math.round(r / a)
        pixels[o + 1] = Math.round(g / a)
        pixels[o + 2] = Math.round(b / a)
      }
      pixels[o + 3] = Math.round((255 * a) / (n * n))
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A PNG (8-bit RGBA, no interlace) of square RGBA pixels. */
export function encodePng(size, pixels) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** An ICO whose entries are PNGs; a size of 256 is written as 0 in the directory, as the format says. */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, e)
    header.writeUInt8(size >= 256 ? 0 : size, e + 1)
    header.writeUInt16LE(1, e + 4)
    header.writeUInt16LE(32, e + 6)
    header.writeUInt32LE(png.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((i) => i.png)])
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const out = path.join(root, 'resources')
  fs.writeFileSync(path.join(out, 'icon.png'), encodePng(512, drawIcon(512)))
  const images = ICO_SIZES.map((size) => ({ size, png: encodePng(size, drawIcon(size)) }))
  fs.writeFileSync(path.join(out, 'icon.ico'), encodeIco(images))
  console.log(`resources/icon.png (512) dan resources/icon.ico (${ICO_SIZES.join(', ')}) ditulis.`)
}
