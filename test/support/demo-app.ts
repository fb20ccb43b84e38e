import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { loadDemo } from '../../src/server/demo/demo.load.ts';
import { loadOrdersDemo } from '../../src/server/demo/demo.orders.ts';
import { setClock } from '../../src/server/platform/clock.ts';
import { startTestApp, testConfig, type TestApp } from './app.ts';
import { freshStore, type TestStore } from './store.ts';

/** A point in 冲赛康社区 第三网格 (CSK-03) and one in 第一网格 (CSK-01), from the demo. */
export const IN_CSK_03 = { lng: 91.1335, lat: 29.6565 };

export const DEMO_PASSWORD = 'lianxin2026';

export interface DemoApp extends TestApp {
  as: Record<'admin' | 'street' | 'community' | 'gridleader' | 'gridworker' | 'police' | 'resident', Record<string, string>>;
}

const SIGNED_IN = ['admin', 'street', 'community', 'gridleader', 'gridworker', 'police', 'resident'] as const;

/**
 * A real app on a fresh store holding the demo community, with a bearer header for each demo account.
 * The store is a copy of one built once per run (see templates.ts), sessions included. With `orders`, also
 * the demo's service orders (which the counts of the case-history tests leave out).
 */
export async function startDemoApp(opts: { orders?: boolean } = {}): Promise<DemoApp> {
  const t = await startTestApp({ demo: fillDemo });
  // Service orders go through the case engine, with the grid index the app built from the copied store.
  if (opts.orders) await loadOrdersDemo(t.ctx);
  const as = {} as DemoApp['as'];
  for (const n of SIGNED_IN) as[n] = { authorization: `Bearer ${t.tokens[n]}` };
  return { ...t, as };
}

/** A fresh store holding the demo (a copy of the demo template), for a test that runs its own server on it. */
export function freshDemoStore(): Promise<TestStore> {
  return freshStore({ demo: fillDemo });
}

/** What the demo template holds: the demo, and each account signed in through the real login route. */
async function fillDemo(database: Database, url: string): Promise<Record<string, string>> {
  await loadDemo(database);
  const photoDir = mkdtempSync(join(tmpdir(), 'lianxin-photos-'));
  const { app } = await buildApp(database, testConfig(url, photoDir));
  try {
    const tokens: Record<string, string> = {};
    for (const n of SIGNED_IN) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: n, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${n} failed: ${res.statusCode} ${res.body}`);
      tokens[n] = res.json().token;
    }
    return tokens;
  } finally {
    await app.close();
    rmSync(photoDir, { recursive: true, force: true });
  }
}

/** Freezes the clock at a local Shanghai time for the duration of a test body (restored after). */
export async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  const fixed = new Date(iso);
  setClock(() => fixed);
  try {
    return await fn();
  } finally {
    setClock();
  }
}
