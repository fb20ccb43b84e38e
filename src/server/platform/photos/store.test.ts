import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { ingestPhoto, type IngestedPhoto } from './ingest.ts';
import { PhotoStore } from './store.ts';

let root: string;
let photo: IngestedPhoto;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'lianxin-photos-'));
  const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
  photo = await ingestPhoto(jpeg);
});

after(() => rm(root, { recursive: true, force: true }));

/** Every file under the store, relative to its root. */
async function filesIn(store: PhotoStore): Promise<string[]> {
  const entries = await readdir(store.root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(store.root.length + 1))
    .sort();
}

test('a photo is stored under its content hash and read back byte for byte', async () => {
  const store = new PhotoStore(join(root, 'readback'));
  const { key } = await store.put(photo);
  assert.equal(key, photo.sha256);
  assert.ok(await store.has(key));
  assert.deepEqual(await store.get(key, 'display'), photo.display);
  assert.deepEqual(await store.get(key, 'thumb'), photo.thumbnail);
  assert.deepEqual(await store.get(key), photo.display);
  const prefix = key.slice(0, 2);
  assert.deepEqual(await filesIn(store), [`${prefix}/${key}.jpg`, `${prefix}/${key}_thumb.jpg`]);
});

test('the same content twice gives the same key and is written once', async () => {
  const store = new PhotoStore(join(root, 'dedup'));
  const first = await store.put(photo);
  const displayPath = store.path(first.key, 'display');
  const long_ago = new Date('2020-01-01T00:00:00Z');
  await utimes(displayPath, long_ago, long_ago);

  const second = await store.put({ display: Buffer.from(photo.display), thumbnail: Buffer.from(photo.thumbnail) });
  const [third, fourth] = await Promise.all([store.put(photo), store.put(photo)]);

  assert.equal(second.key, first.key);
  assert.equal(third.key, first.key);
  assert.equal(fourth.key, first.key);
  assert.equal((await stat(displayPath)).mtime.getTime(), long_ago.getTime(), 'not rewritten');
  assert.equal((await filesIn(store)).length, 2, 'one display and one thumbnail, no temp files');
});

test('the key is computed from the display bytes, not taken from the caller', async () => {
  const store = new PhotoStore(join(root, 'honest'));
  const { key } = await store.put({ ...photo, sha256: '0'.repeat(64) } as IngestedPhoto);
  assert.equal(key, photo.sha256);
});

test('unknown and malformed keys read as nothing and never leave the folder', async () => {
  const store = new PhotoStore(join(root, 'keys'));
  await store.put(photo);
  assert.equal(await store.get('f'.repeat(64), 'display'), null);
  assert.equal(await store.has('f'.repeat(64)), false);
  for (const bad of ['../../etc/passwd', `${photo.sha256.slice(0, 2)}/../${photo.sha256}`, photo.sha256.toUpperCase(), '']) {
    assert.equal(await store.get(bad, 'display'), null, bad);
    assert.equal(await store.has(bad), false, bad);
    assert.throws(() => store.path(bad, 'display'));
  }
});

test('an empty store answers has/get without creating anything', async () => {
  const store = new PhotoStore(join(root, 'never-created'));
  assert.equal(await store.has(photo.sha256), false);
  assert.equal(await store.get(photo.sha256, 'thumb'), null);
  await assert.rejects(stat(store.root), { code: 'ENOENT' });
});

test('different photos share a fan-out folder without clashing', async () => {
  const store = new PhotoStore(join(root, 'many'));
  const keys = new Set<string>();
  for (const colour of ['#f00', '#0f0', '#00f', '#ff0', '#0ff']) {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: colour } }).jpeg().toBuffer();
    keys.add((await store.put(await ingestPhoto(jpeg))).key);
  }
  assert.equal(keys.size, 5);
  assert.equal((await filesIn(store)).length, 10);
  for (const key of keys) assert.ok(await store.has(key));
});
