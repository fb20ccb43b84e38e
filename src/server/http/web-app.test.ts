import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { App } from '../context.ts';
import { freshStore } from '../../../test/support/store.ts';
import { pageFor } from './web-app.ts';

test('each area answers its own deeper paths; server paths and missing assets are never pages', () => {
  assert.equal(pageFor('/'), 'index.html');
  assert.equal(pageFor('/cases/LX-2026-000001?x=1'), 'index.html');
  assert.equal(pageFor('/work'), 'work/index.html');
  assert.equal(pageFor('/work/cases/abc'), 'work/index.html');
  assert.equal(pageFor('/admin/figures'), 'admin/index.html');
  assert.equal(pageFor('/screen'), 'screen/index.html');
  assert.equal(pageFor('/workers'), 'index.html', 'a prefix match is by path segment');
  assert.equal(pageFor('/api/v1/nothing'), null);
  assert.equal(pageFor('/open311/v2/nothing'), null);
  assert.equal(pageFor('/grid/NOPE'), null);
  assert.equal(pageFor('/assets/missing-abc123.js'), null);
});

describe('serving the built web app', () => {
  let app: App;
  let webDir: string;
  let drop: () => Promise<void>;
  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'lianxin-web-'));
    for (const area of ['', 'work', 'admin', 'screen']) {
      mkdirSync(join(webDir, area), { recursive: true });
      writeFileSync(join(webDir, area, 'index.html'), `<!doctype html><title>${area || 'resident'}</title>`);
    }
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    const store = await freshStore();
    drop = store.drop;
    ({ app } = await buildApp(store.database, loadConfig({ databaseUrl: store.url, logLevel: 'silent', webDir, mapTileUrl: 'https://tiles.example/{z}/{x}/{y}.png' }, {})));
  });
  after(async () => {
    await app.close();
    await drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('pages are never cached, hashed assets for a year', async () => {
    const page = await app.inject({ url: '/work/cases/123' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>work<\/title>/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    const asset = await app.inject({ url: '/assets/app-1a2b3c.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    assert.match((await app.inject({ url: '/' })).body, /<title>resident<\/title>/);
  });

  test('an unknown API path is still the JSON 404 in the caller\'s language, and so is a POST to a page path', async () => {
    const api = await app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'en' } });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'ROUTE_NOT_FOUND');
    assert.equal((await app.inject({ method: 'POST', url: '/work/x' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/assets/missing.js' })).statusCode, 404);
  });

  test('the web config names the tile server when there is one and the centre of the grids', async () => {
    const res = await app.inject({ url: '/api/v1/web-config' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', tileAttribution: null, center: null, timeZone: 'Asia/Shanghai' });
  });
});

test('without a build the API still works and pages explain how to build', async () => {
  const store = await freshStore();
  const { app } = await buildApp(store.database, loadConfig({ databaseUrl: store.url, logLevel: 'silent', webDir: join(tmpdir(), 'lianxin-no-web-here') }, {}));
  try {
    const page = await app.inject({ url: '/admin' });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /npm run build:web/);
    assert.equal((await app.inject({ url: '/api/health' })).statusCode, 200);
  } finally {
    await app.close();
    await store.drop();
  }
});
