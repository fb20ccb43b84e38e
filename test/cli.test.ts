import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { hashSecret } from '../src/server/platform/secrets.ts';
import { freshStore } from './support/store.ts';

const run = promisify(execFile);
const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];

describe('the lianxin command', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-cli-'));

  const lianxin = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/lianxin.mjs', ...args], { env: { ...process.env, DATABASE_URL: store.url, LANG: 'zh_CN.UTF-8' } });
      return { code: 0, stdout, stderr };
    } catch (err: any) {
      return { code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
    }
  };

  before(async () => {
    store = await freshStore();
  });
  after(() => store.drop());

  test('--help lists the commands', async () => {
    const { stdout, code } = await lianxin('--help');
    assert.equal(code, 0);
    for (const cmd of ['serve', 'migrate', 'demo', 'import', 'route', 'user', 'apikey']) assert.match(stdout, new RegExp(`\\b${cmd}\\b`));
  });

  test('a GeoJSON file with an invalid feature is refused with its index and reason, nothing written', async () => {
    const file = join(dir, 'bad.geojson');
    writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'A-1', name: '好' }, geometry: { type: 'Polygon', coordinates: square(91.1, 29.6, 0.01) } },
        { type: 'Feature', properties: { code: 'A-2', name: '坏' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } },
      ],
    }));
    const { code, stderr } = await lianxin('import', 'grids', file);
    assert.equal(code, 1);
    assert.match(stderr, /要素 #1 \(A-2\): 边界自相交/);
    assert.equal((await store.database.db.selectFrom('org_nodes').select('id').execute()).length, 0);
  });

  test('grids import under --community and route finds them', async () => {
    const file = join(dir, 'good.geojson');
    writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'JC-05', name: '五号网格' }, geometry: { type: 'Polygon', coordinates: square(91.08, 29.65, 0.01) } }],
    }));
    const imported = await lianxin('import', 'grids', file, '--community', 'JC');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /新建 1 个/);
    const routed = await lianxin('route', '91.085', '29.655', '--json');
    assert.equal(JSON.parse(routed.stdout).grid.code, 'JC-05');
    assert.equal(JSON.parse(routed.stdout).community.code, 'JC');
    const outside = await lianxin('route', '100', '20');
    assert.match(outside.stdout, /不在任何网格内/);
  });

  test('user add grants a role at a node; apikey create prints the key last and stores only its hash', async () => {
    const added = await lianxin('user', 'add', 'zhaxi', '--password', 'zhaxi-pass', '--role', 'grid_worker', '--at', 'JC-05');
    assert.equal(added.code, 0, added.stderr);
    const grant = await store.database.db.selectFrom('account_roles').innerJoin('accounts', 'accounts.id', 'account_roles.account_id').select(['role', 'path']).where('username', '=', 'zhaxi').executeTakeFirstOrThrow();
    assert.equal(grant.role, 'grid_worker');
    assert.match(grant.path, /\/$/);
    const badRole = await lianxin('user', 'add', 'x', '--password', 'long-enough', '--role', 'king', '--at', 'JC-05');
    assert.equal(badRole.code, 2);

    const created = await lianxin('apikey', 'create', '12345 hotline');
    assert.equal(created.code, 0);
    const key = created.stdout.trim().split('\n').at(-1)!;
    const row = await store.database.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.key_hash, hashSecret(key));
  });
});
