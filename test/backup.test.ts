import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import sharp from 'sharp';
import { STORE, freshStore } from './support/store.ts';

const run = promisify(execFile);
const lianxin = async (env: Record<string, string>, ...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/lianxin.mjs', ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
  }
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('lianxin backup and restore', { skip: STORE !== 'sqlite' && 'the embedded store only; the PostgreSQL run checks the refusal below' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-backup-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'live.db')}`, PHOTO_DIR: join(dir, 'photos'), LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_SECONDS: '0' };
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('a backup taken while reports stream in is a consistent snapshot, and a restore holds all of it with its photos', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/lianxin.mjs', 'serve', '--demo', '--no-history'], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    await waitForHealth(base);

    const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg().toBuffer();
    const photo = await (await fetch(`${base}/api/v1/photos`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: jpeg })).json() as { id: string };
    const acknowledged: string[] = [];
    let streaming = true;
    const stream = (async () => {
      for (let i = 0; streaming; i++) {
        const res = await fetch(`${base}/api/v1/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ description: `第${i}次反映：路灯不亮`, location: { lng: 91.1335, lat: 29.6565 }, category: '0501', photoIds: i === 0 ? [photo.id] : undefined }),
        });
        if (res.status === 201) acknowledged.push((await res.json()).id);
      }
    })();
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    const before = acknowledged.length;
    const backupFile = join(dir, 'lianxin-backup.db');
    const backedUp = await lianxin(env, 'backup', backupFile);
    const afterBackup = acknowledged.length;
    streaming = false;
    await stream;
    assert.equal(backedUp.code, 0, backedUp.stderr);
    assert.match(backedUp.stdout, /已备份到/);
    assert.equal(readdirSync(dir).filter((f) => f.includes('partial')).length, 0, 'no partial file left');

    const snapshot = new SQLite(backupFile, { readonly: true });
    const ids = snapshot.prepare('select id from cases').pluck().all() as string[];
    const received = snapshot.prepare("select coalesce(sum(received), 0) from case_rollups s join org_nodes n on n.id = s.node_id where n.kind = 'district'").pluck().get() as number;
    const firstEvents = snapshot.prepare("select count(*) from case_events where seq = 1 and action = 'submit'").pluck().get() as number;
    snapshot.close();
    assert.ok(ids.length >= before && ids.length <= afterBackup + 1, `${ids.length} cases between ${before} and ${afterBackup}`);
    assert.equal(received, ids.length, 'roll-ups and cases from the same instant');
    assert.equal(firstEvents, ids.length, 'every case with its first event');
    for (const id of acknowledged.slice(0, before)) assert.ok(ids.includes(id), `acknowledged case ${id} is in the backup`);

    server.kill('SIGKILL');
    server = undefined;
    const restoredEnv = { ...env, DATABASE_URL: `sqlite:${join(dir, 'restored.db')}`, PHOTO_DIR: join(dir, 'restored-photos') };
    const restored = await lianxin(restoredEnv, 'restore', backupFile);
    assert.equal(restored.code, 0, restored.stderr);
    const copy = new SQLite(join(dir, 'restored.db'), { readonly: true });
    assert.deepEqual((copy.prepare('select id from cases').pluck().all() as string[]).sort(), [...ids].sort());
    assert.equal(copy.prepare("select count(*) from sqlite_master where name = 'lianxin_backup_photos'").pluck().get(), 0, 'the photo table is not left in the store');
    const key = copy.prepare('select storage_key from photos where id = ?').pluck().get(photo.id) as string;
    copy.close();
    assert.ok(existsSync(join(dir, 'restored-photos', key.slice(0, 2), `${key}.jpg`)), 'the photo file is back');

    const again = await lianxin(env, 'backup', backupFile);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /已存在/);
    const notBackup = await lianxin(restoredEnv, 'restore', join(dir, 'restored-photos', key.slice(0, 2), `${key}.jpg`));
    assert.equal(notBackup.code, 1);
    assert.match(notBackup.stderr, /不是连心的备份文件/);
  });
});

test('on PostgreSQL, backup explains that pg_dump is the tool', { skip: STORE !== 'postgres' && 'the PostgreSQL run checks this' }, async () => {
  const store = await freshStore();
  try {
    const r = await lianxin({ DATABASE_URL: store.url }, 'backup', join(tmpdir(), 'never-written.db'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /pg_dump/);
  } finally {
    await store.drop();
  }
});
