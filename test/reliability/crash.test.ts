import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seededRandom } from '../../src/server/platform/random.ts';
import { freshDemoStore } from '../support/demo-app.ts';
import { STORE, type TestStore } from '../support/store.ts';

/**
 * Kill -9 under load: a real server process takes a stream of reports from several clients and is killed
 * at a random moment, several times. Every report it acknowledged (201) must be there after the restart,
 * intact and with its roll-ups; a report whose answer was lost is sent again with its Idempotency-Key, as a
 * phone does, and becomes exactly one case.
 */
const ROUNDS = 5;
const CLIENTS = 4;
const AREA = { lng: 91.1335, lat: 29.6565 };

interface Sent {
  key: string;
  description: string;
  location: { lng: number; lat: number };
  caseId?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe(`SIGKILL during a stream of reports (${STORE})`, () => {
  let store: TestStore;
  let server: ChildProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-crash-'));
  const random = seededRandom(Number(process.env.CRASH_SEED ?? 20261123));

  before(async () => {
    // The demo is in the store already (a copy of its template), so `serve --demo` finds it and the server
    // is up in a moment even on a busy machine; what is tested starts after that.
    store = await freshDemoStore();
    if (STORE === 'sqlite') {
      // The server process opens the file itself; this connection is only for the checks.
      await store.database.close();
    }
  });
  after(async () => {
    server?.kill('SIGKILL');
    if (STORE === 'postgres') await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['bin/lianxin.mjs', 'serve', '--demo', '--no-history'], {
      env: { ...process.env, DATABASE_URL: store.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PHOTO_DIR: join(dir, 'photos'), SCHEDULER_INTERVAL_SECONDS: '0' },
      stdio: 'ignore',
    });
    // Up to a minute: a start is slow on a busy machine (the suite runs files side by side), and how fast
    // the server starts is not what this test is about.
    for (let i = 0; i < 1200; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    throw new Error('server did not start');
  }

  async function send(port: number, s: Sent): Promise<'acknowledged' | 'lost'> {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
        body: JSON.stringify({ description: s.description, location: s.location, category: '0501' }),
      });
      if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      s.caseId = (await res.json()).id;
      return 'acknowledged';
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('unexpected')) throw err;
      return 'lost'; // the connection died with the server: the phone will retry
    }
  }

  test('every acknowledged report survives, and retried lost ones become exactly one case each', async () => {
    const acknowledged: Sent[] = [];
    let lost: Sent[] = [];
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      server = await start(port);
      // Phones resend what had no answer before sending anything new.
      const retry = lost;
      lost = [];
      for (const s of retry) ((await send(port, s)) === 'acknowledged' ? acknowledged : lost).push(s);
      let running = true;
      const clients = Array.from({ length: CLIENTS }, async () => {
        while (running) {
          const s: Sent = { key: randomUUID(), description: `第${++n}处路灯不亮，请尽快维修（第${round}轮）`, location: { lng: AREA.lng + (random() - 0.5) * 0.001, lat: AREA.lat + (random() - 0.5) * 0.001 } };
          ((await send(port, s)) === 'acknowledged' ? acknowledged : lost).push(s);
        }
      });
      await new Promise((r) => setTimeout(r, 300 + random() * 1200));
      server.kill('SIGKILL');
      await new Promise((r) => server!.once('exit', r));
      running = false;
      await Promise.all(clients);
    }
    // A last start to resend the remaining lost ones and read everything back through the store.
    const port = await freePort();
    server = await start(port);
    for (const s of lost) assert.equal(await send(port, s), 'acknowledged');
    acknowledged.push(...lost);
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    server = undefined;

    const { openDatabase } = await import('../../src/server/db/database.ts');
    const database = openDatabase(store.url);
    try {
      const db = database.db;
      const rows = await db.selectFrom('cases').select(['id', 'description', 'lng', 'lat', 'state']).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      assert.ok(acknowledged.length > ROUNDS * 5, `a real stream (${acknowledged.length} reports)`);
      for (const s of acknowledged) {
        const row = byId.get(s.caseId!);
        assert.ok(row, `acknowledged report ${s.key} is present`);
        assert.equal(row.description, s.description);
        assert.ok(Math.abs(row.lng - s.location.lng) < 1e-9 && Math.abs(row.lat - s.location.lat) < 1e-9);
        assert.equal(row.state, 'dispatched');
      }
      assert.equal(rows.length, new Set(acknowledged.map((s) => s.description)).size, 'no case without an acknowledged report, none twice');
      const keys = await db.selectFrom('idempotency_keys').select(['key', 'case_id']).execute();
      assert.equal(keys.length, rows.length, 'one key per case');
      const events = await db.selectFrom('case_events').select(['case_id', 'seq', 'action']).execute();
      assert.equal(events.length, rows.length, 'each case has its submit event and nothing else');
      assert.ok(events.every((e) => e.seq === 1 && e.action === 'submit'));
      const district = await db.selectFrom('org_nodes').select('id').where('kind', '=', 'district').executeTakeFirstOrThrow();
      const received = await db.selectFrom('case_rollups').select((eb) => eb.fn.sum<number | string>('received').as('n')).where('node_id', '=', district.id).executeTakeFirst();
      assert.equal(Number(received?.n ?? 0), rows.length, 'roll-ups committed with their cases');
    } finally {
      await database.close();
    }
  });
});
