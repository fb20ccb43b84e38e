import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('photos on a report', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  const phoneJpeg = () =>
    sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 120, b: 160 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 39/1 2340/100', GPSLongitudeRef: 'E', GPSLongitude: '91/1 8/1 60/100' } })
      .toBuffer();

  test('an upload suggests the place from EXIF and stores the image without it; a report carries it', async () => {
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: await phoneJpeg(), headers: { 'content-type': 'image/jpeg' } });
    assert.equal(up.statusCode, 201, up.body);
    const photo = body(up);
    assert.ok(Math.abs(photo.suggestedLocation.lat - 29.6565) < 0.0001);
    assert.ok(Math.abs(photo.suggestedLocation.lng - 91.13350) < 0.0001);
    const served = await t.app.inject({ url: photo.url });
    assert.equal(served.headers['content-type'], 'image/jpeg');
    const meta = await sharp(served.rawPayload).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF (so no location) in what is served');
    const thumb = await sharp((await t.app.inject({ url: photo.thumbnailUrl })).rawPayload).metadata();
    assert.ok(thumb.width! <= 320);

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { description: '路边垃圾堆了好几天', location: IN_CSK_03, category: '0101', photoIds: [photo.id] } });
    assert.equal(created.statusCode, 201, created.body);
    const detail = body(await t.app.inject({ url: `/api/v1/cases/${body(created).id}`, headers: t.as.gridworker }));
    assert.deepEqual(detail.photos.map((p: any) => [p.id, p.role]), [[photo.id, 'report']]);
  });

  test('a disguised or broken file is refused with the reason in the caller\'s language, and nothing is stored', async () => {
    const before = (await t.db.selectFrom('photos').select('id').execute()).length;
    const fake = await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: Buffer.from('MZ this is not a photo at all'), headers: { 'content-type': 'image/jpeg', 'accept-language': 'en' } });
    assert.equal(fake.statusCode, 400);
    assert.equal(body(fake).error.code, 'PHOTO_REFUSED');
    assert.match(body(fake).error.message, /only JPEG, PNG, WebP and HEIC/);
    const jpeg = await phoneJpeg();
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: jpeg.subarray(0, 200), headers: { 'content-type': 'image/jpeg' } });
    assert.equal(broken.statusCode, 400);
    assert.match(body(broken).error.message, /损坏/);
    const pdf = await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: '%PDF-1.4', headers: { 'content-type': 'text/plain' } });
    assert.equal(pdf.statusCode, 415);
    assert.equal((await t.db.selectFrom('photos').select('id').execute()).length, before);
  });
});
