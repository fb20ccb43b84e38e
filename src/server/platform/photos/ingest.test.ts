import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import exifReader from 'exif-reader';
import sharp, { type CreateRaw, type Sharp } from 'sharp';
import { stopHeicDecoder } from './heic.ts';
import { ingestPhoto, PhotoRefused, type PhotoRefusalReason } from './ingest.ts';

after(() => stopHeicDecoder());

type Rgb = [number, number, number];
const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];
const GREEN: Rgb = [0, 255, 0];

/**
 * A picture whose orientation can be read back: left half red, right half blue, and a green square
 * in the top-left corner (a sixth of the short edge).
 */
function patternPixels(width: number, height: number): { pixels: Buffer; raw: CreateRaw } {
  const pixels = Buffer.alloc(width * height * 3);
  const square = Math.floor(Math.min(width, height) / 6);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = x < square && y < square ? GREEN : x < width / 2 ? RED : BLUE;
      pixels.set(colour, (y * width + x) * 3);
    }
  }
  return { pixels, raw: { width, height, channels: 3 } };
}

function pattern(width: number, height: number): Sharp {
  const { pixels, raw } = patternPixels(width, height);
  return sharp(pixels, { raw });
}

/** The colour at a point of an encoded image, given as fractions of its width and height. */
async function colourAt(image: Buffer, fx: number, fy: number): Promise<Rgb> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const x = Math.min(info.width - 1, Math.floor(fx * info.width));
  const y = Math.min(info.height - 1, Math.floor(fy * info.height));
  const i = (y * info.width + x) * info.channels;
  return [data[i], data[i + 1], data[i + 2]];
}

function assertNear(actual: Rgb, expected: Rgb, label: string): void {
  const off = actual.some((value, i) => Math.abs(value - expected[i]) > 40);
  assert.ok(!off, `${label}: expected about ${expected.join(',')}, got ${actual.join(',')}`);
}

/** JPEG marker codes before the scan: a stripped file has APP0 (JFIF) and coding tables only. */
function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    markers.push(marker);
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

async function assertNoMetadata(jpeg: Buffer, label: string): Promise<void> {
  const meta = await sharp(jpeg).metadata();
  assert.equal(meta.format, 'jpeg', label);
  assert.equal(meta.exif, undefined, `${label}: EXIF`);
  assert.equal(meta.xmp, undefined, `${label}: XMP`);
  assert.equal(meta.iptc, undefined, `${label}: IPTC`);
  assert.equal(meta.icc, undefined, `${label}: ICC`);
  const appSegments = jpegMarkers(jpeg).filter((m) => m >= 0xe1 && m <= 0xef);
  assert.deepEqual(appSegments, [], `${label}: APP1..APP15 segments`);
  assert.equal(jpeg.indexOf('Exif\0'), -1, `${label}: Exif header bytes`);
}

async function assertRefused(input: Buffer | Promise<Buffer>, reason: PhotoRefusalReason, opts?: Parameters<typeof ingestPhoto>[1]) {
  await assert.rejects(ingestPhoto(await input, opts), (error: unknown) => {
    assert.ok(error instanceof PhotoRefused, `expected PhotoRefused, got ${String(error)}`);
    assert.equal(error.reason, reason);
    return true;
  });
}

const SHANGHAI_GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '31/1 13/1 4944/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '121/1 28/1 2532/100',
};

test('a phone JPEG gives its position and time, and the stored images keep neither', async () => {
  const original = await pattern(2400, 1600)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Xiaomi', Model: '14' },
      IFD2: { DateTimeOriginal: '2024:05:06 14:30:00' },
      IFD3: SHANGHAI_GPS,
    })
    .withIccProfile('p3')
    .toBuffer();
  assert.ok(exifReader((await sharp(original).metadata()).exif!).GPSInfo?.GPSLatitude, 'the original carries GPS');

  const photo = await ingestPhoto(original);

  assert.deepEqual(photo.gps, [121.4737, 31.2304]);
  assert.equal(photo.takenAt?.toISOString(), '2024-05-06T06:30:00.000Z');
  assert.equal(photo.originalFormat, 'jpeg');
  assert.equal(photo.mime, 'image/jpeg');
  assert.deepEqual([photo.width, photo.height], [1600, 1067]);
  assert.equal(photo.bytes, photo.display.length);
  assert.match(photo.sha256, /^[0-9a-f]{64}$/);
  const thumb = await sharp(photo.thumbnail).metadata();
  assert.deepEqual([thumb.width, thumb.height], [320, 213]);
  await assertNoMetadata(photo.display, 'display');
  await assertNoMetadata(photo.thumbnail, 'thumbnail');
  assertNear(await colourAt(photo.display, 0.3, 0.5), RED, 'left half');
  assertNear(await colourAt(photo.display, 0.8, 0.5), BLUE, 'right half');
});

test('a small photo is re-encoded but never enlarged', async () => {
  const photo = await ingestPhoto(await pattern(800, 600).jpeg().toBuffer());
  assert.deepEqual([photo.width, photo.height], [800, 600]);
  assert.deepEqual([photo.gps, photo.takenAt, photo.orientation], [null, null, 1]);
  const tiny = await ingestPhoto(await pattern(120, 90).png().toBuffer());
  assert.deepEqual([tiny.width, tiny.height], [120, 90]);
  assert.deepEqual((await sharp(tiny.thumbnail).metadata()).width, 120);
});

test('the same photo always gives the same content hash', async () => {
  const original = await pattern(640, 480).jpeg().toBuffer();
  const [a, b] = await Promise.all([ingestPhoto(original), ingestPhoto(original)]);
  assert.equal(a.sha256, b.sha256);
});

test('EXIF orientation is applied so the stored photo stands upright', async () => {
  // Stored sideways as the sensor saw it; orientation 6 means "turn 90° clockwise to view".
  const sideways6 = await pattern(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const turned = await ingestPhoto(sideways6);
  assert.equal(turned.orientation, 6);
  assert.deepEqual([turned.width, turned.height], [400, 600]);
  // Turning clockwise carries the top-left corner to the top-right and the left half to the top.
  assertNear(await colourAt(turned.display, 0.97, 0.03), GREEN, 'top-right after 6');
  assertNear(await colourAt(turned.display, 0.5, 0.3), RED, 'top half after 6');
  assertNear(await colourAt(turned.display, 0.5, 0.8), BLUE, 'bottom half after 6');
  assertNear(await colourAt(turned.thumbnail, 0.97, 0.03), GREEN, 'thumbnail top-right after 6');

  const upsideDown = await ingestPhoto(await pattern(600, 400).jpeg().withMetadata({ orientation: 3 }).toBuffer());
  assert.deepEqual([upsideDown.width, upsideDown.height], [600, 400]);
  assertNear(await colourAt(upsideDown.display, 0.97, 0.97), GREEN, 'bottom-right after 3');
  await assertNoMetadata(upsideDown.display, 'rotated display');
});

test('colours tagged with a Display P3 profile are converted to sRGB, and the profile dropped', async () => {
  // sharp stores sRGB (200,100,50) as P3 coordinates (about 187,106,63) and tags the file P3.
  const p3 = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 100, b: 50 } } })
    .withIccProfile('p3')
    .jpeg({ quality: 98 })
    .toBuffer();
  assert.ok((await sharp(p3).metadata()).icc, 'the original carries an ICC profile');
  const photo = await ingestPhoto(p3);
  const [r, g, b] = await colourAt(photo.display, 0.5, 0.5);
  assert.ok(Math.abs(r - 200) <= 4 && Math.abs(g - 100) <= 4 && Math.abs(b - 50) <= 4, `got ${r},${g},${b}`);
  await assertNoMetadata(photo.display, 'converted display');
});

test('PNG (with transparency) and WebP are accepted and become JPEG', async () => {
  const transparent = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0 } } })
    .png()
    .toBuffer();
  const png = await ingestPhoto(transparent);
  assert.equal(png.originalFormat, 'png');
  assertNear(await colourAt(png.display, 0.5, 0.5), [255, 255, 255], 'transparent becomes white');

  const webp = await ingestPhoto(await pattern(500, 300).webp({ quality: 90 }).toBuffer());
  assert.equal(webp.originalFormat, 'webp');
  assert.deepEqual([webp.width, webp.height], [500, 300]);
  assertNear(await colourAt(webp.display, 0.8, 0.5), BLUE, 'WebP right half');
  assert.equal((await sharp(webp.display).metadata()).format, 'jpeg');
});

test('a 16-bit greyscale PNG is accepted', async () => {
  const grey = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
    .greyscale()
    .toColourspace('grey16')
    .png()
    .toBuffer();
  const photo = await ingestPhoto(grey);
  assert.deepEqual([photo.width, photo.height], [64, 48]);
});

test('an iPhone HEIC is decoded, its GPS read, and stored as plain JPEG', async () => {
  const heic = await readFile(new URL('./fixtures/photo.heic', import.meta.url));
  const photo = await ingestPhoto(heic);
  assert.equal(photo.originalFormat, 'heic');
  assert.deepEqual([photo.width, photo.height], [192, 128]);
  assert.deepEqual(photo.gps, [121.4737, 31.2304]);
  assert.equal(photo.takenAt?.toISOString(), '2024-05-06T06:30:00.000Z');
  assertNear(await colourAt(photo.display, 0.05, 0.05), GREEN, 'HEIC top-left');
  assertNear(await colourAt(photo.display, 0.35, 0.6), RED, 'HEIC left half');
  assertNear(await colourAt(photo.display, 0.8, 0.6), BLUE, 'HEIC right half');
  await assertNoMetadata(photo.display, 'HEIC display');
  await assertNoMetadata(photo.thumbnail, 'HEIC thumbnail');
});

test('a broken HEIC is refused as corrupt and the decoder keeps working', async () => {
  const heic = await readFile(new URL('./fixtures/photo.heic', import.meta.url));
  // The container still parses (so the header check passes) but the HEVC bitstream is gone.
  const broken = Buffer.from(heic);
  broken.fill(0, broken.indexOf('mdat') + 4);
  await assertRefused(broken, 'CORRUPT');
  await assertRefused(heic.subarray(0, heic.length - 100), 'CORRUPT');
  assert.equal((await ingestPhoto(heic)).originalFormat, 'heic');
});

test('an AVIF (the same HEIF container with AV1) is accepted', async () => {
  const avif = await pattern(300, 200).heif({ compression: 'av1', quality: 60 }).toBuffer();
  const photo = await ingestPhoto(avif);
  assert.equal(photo.originalFormat, 'avif');
  assert.deepEqual([photo.width, photo.height], [300, 200]);
});

test('text, programs, PDFs, SVGs and GIFs named .jpg are refused as unsupported', async () => {
  const disguised = [
    Buffer.from('This is definitely a JPEG, trust me. 这是照片。'),
    Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]),
    Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } }).gif().toBuffer(),
    await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } }).tiff().toBuffer(),
    Buffer.from([0xff, 0xd8]),
  ];
  for (const bytes of disguised) await assertRefused(bytes, 'UNSUPPORTED_FORMAT');
});

test('truncated or garbled photos are refused as corrupt', async () => {
  const jpeg = await pattern(1200, 900).jpeg({ quality: 90 }).toBuffer();
  await assertRefused(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'CORRUPT');
  await assertRefused(jpeg.subarray(0, 200), 'CORRUPT');
  await assertRefused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 0x41)]), 'CORRUPT');
  const png = await pattern(300, 300).png().toBuffer();
  await assertRefused(png.subarray(0, Math.floor(png.length / 2)), 'CORRUPT');
  // The magic bytes of one format in front of another's body.
  const webp = await pattern(64, 64).webp().toBuffer();
  await assertRefused(Buffer.concat([png.subarray(0, 8), webp]), 'CORRUPT');
});

/** A PNG whose header declares the given size, followed by a few bytes of compressed zeros. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))), chunk('IEND', Buffer.alloc(0))]);
}

/** A real small JPEG whose frame header (SOF) is rewritten to declare the given size. */
async function jpegDeclaring(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(await pattern(64, 64).jpeg().toBuffer());
  let at = 2;
  while (jpeg[at + 1] !== 0xc0 && jpeg[at + 1] !== 0xc2) at += 2 + jpeg.readUInt16BE(at + 2);
  jpeg.writeUInt16BE(height, at + 5);
  jpeg.writeUInt16BE(width, at + 7);
  return jpeg;
}

test('decompression bombs are refused from their header, quickly and without decoding', async () => {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const bomb = pngDeclaring(50_000, 50_000);
  assert.ok(bomb.length < 1024, 'the bomb itself is tiny');
  await assert.rejects(ingestPhoto(bomb), (error: unknown) => {
    assert.ok(error instanceof PhotoRefused);
    assert.equal(error.reason, 'TOO_MANY_PIXELS');
    assert.deepEqual(error.details, { width: 50_000, height: 50_000, maxPixels: 120_000_000 });
    return true;
  });
  await assertRefused(jpegDeclaring(65_000, 65_000), 'TOO_MANY_PIXELS');
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 1000, `refused in ${elapsed.toFixed(0)} ms`);
  const grownMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  assert.ok(grownMb < 200, `memory grew by ${grownMb.toFixed(0)} MB`);
});

test('the pixel limit is configurable and applies to HEIC too', async () => {
  await assertRefused(pattern(400, 300).jpeg().toBuffer(), 'TOO_MANY_PIXELS', { maxPixels: 100_000 });
  const heic = await readFile(new URL('./fixtures/photo.heic', import.meta.url));
  await assertRefused(heic, 'TOO_MANY_PIXELS', { maxPixels: 10_000 });
});

test('empty and oversized uploads are refused before anything is parsed', async () => {
  await assertRefused(Buffer.alloc(0), 'EMPTY');
  const jpeg = await pattern(400, 300).jpeg().toBuffer();
  await assert.rejects(ingestPhoto(jpeg, { maxBytes: 1000 }), (error: unknown) => {
    assert.ok(error instanceof PhotoRefused);
    assert.equal(error.reason, 'TOO_LARGE');
    assert.deepEqual(error.details, { bytes: jpeg.length, maxBytes: 1000 });
    return true;
  });
  await assertRefused(Buffer.alloc(21 * 1024 * 1024, 0x41), 'TOO_LARGE');
});
