import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp, { type Exif } from 'sharp';
import { dmsToDecimal, readPhotoExif } from './exif.ts';

/** The raw EXIF block sharp reads back from a tiny JPEG written with these tags. */
async function exifBlock(tags: Exif, orientation = 1): Promise<Buffer | undefined> {
  // sharp writes Orientation itself, from withMetadata, over whatever withExif says.
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg()
    .withExif(tags)
    .withMetadata({ orientation })
    .toBuffer();
  return (await sharp(jpeg).metadata()).exif;
}

test('degrees, minutes and seconds become signed decimal degrees', () => {
  assert.equal(dmsToDecimal([31, 13, 49.44], 'N', 90), 31.2304);
  assert.equal(dmsToDecimal([121, 28, 25.32], 'E', 180), 121.4737);
  assert.equal(dmsToDecimal([33, 52, 4.8], 'S', 90), -33.868);
  assert.equal(dmsToDecimal([70, 0, 0], 'W', 180), -70);
  // Some writers put decimal degrees in the first rational.
  assert.equal(dmsToDecimal([29.6525, 0, 0], 'N', 90), 29.6525);
  assert.equal(dmsToDecimal([29, 39, 9], undefined, 90), 29.6525);
});

test('impossible coordinates are dropped, not clamped', () => {
  assert.equal(dmsToDecimal([91, 0, 0], 'N', 90), null);
  assert.equal(dmsToDecimal([181, 0, 0], 'E', 180), null);
  assert.equal(dmsToDecimal([30, 61, 0], 'N', 90), null);
  assert.equal(dmsToDecimal([Number.NaN, 0, 0], 'N', 90), null); // a 0/0 rational
  assert.equal(dmsToDecimal([-5, 0, 0], 'N', 90), null);
  assert.equal(dmsToDecimal('31', 'N', 90), null);
  assert.equal(dmsToDecimal(undefined, 'N', 90), null);
});

test('a phone photo gives [lng, lat] and its capture instant in China time', async () => {
  const exif = readPhotoExif(
    await exifBlock(
      {
        IFD2: { DateTimeOriginal: '2024:05:06 14:30:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 39/1 9/1', GPSLongitudeRef: 'E', GPSLongitude: '91/1 7/1 1224/100' },
      },
      6,
    ),
    'Asia/Shanghai',
  );
  assert.deepEqual(exif.gps, [91.1200667, 29.6525]);
  assert.equal(exif.takenAt?.toISOString(), '2024-05-06T06:30:00.000Z');
  assert.equal(exif.orientation, 6);
});

test('a recorded OffsetTimeOriginal wins over the deployment zone', async () => {
  const exif = readPhotoExif(
    await exifBlock({ IFD2: { DateTimeOriginal: '2024:01:15 09:00:00', OffsetTimeOriginal: '-05:00' } }),
    'Asia/Shanghai',
  );
  assert.equal(exif.takenAt?.toISOString(), '2024-01-15T14:00:00.000Z');
});

test('a zone with daylight saving time is placed at the offset of that day', async () => {
  const block = await exifBlock({ IFD2: { DateTimeOriginal: '2024:07:01 12:00:00' } });
  assert.equal(readPhotoExif(block, 'Europe/Berlin').takenAt?.toISOString(), '2024-07-01T10:00:00.000Z');
});

test('0,0 from a phone without a fix and unset camera clocks count as unknown', async () => {
  const exif = readPhotoExif(
    await exifBlock({
      IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' },
    }),
    'Asia/Shanghai',
  );
  assert.equal(exif.gps, null);
  assert.equal(exif.takenAt, null);
  assert.equal(exif.orientation, 1);
});

test('missing or unreadable EXIF is no EXIF, never an error', () => {
  assert.deepEqual(readPhotoExif(undefined, 'Asia/Shanghai'), { gps: null, takenAt: null, orientation: 1 });
  assert.deepEqual(readPhotoExif(Buffer.from('Exif\0\0MM\0*garbage'), 'Asia/Shanghai'), {
    gps: null,
    takenAt: null,
    orientation: 1,
  });
});
