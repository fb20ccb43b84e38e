import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { App } from '../../src/server/context.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { BENCH_ADMIN } from '../data/stores.ts';

export interface BenchApp {
  app: App;
  /** GET as the bench admin; throws on anything but 200. */
  get(url: string): Promise<any>;
  close(): Promise<void>;
}

/** The real app on a store, in this process, signed in as the bench admin (requests go through `inject`). */
export async function openBenchApp(url: string): Promise<BenchApp> {
  const database = openDatabase(url);
  const config = loadConfig({ databaseUrl: url, logLevel: 'silent', photoDir: mkdtempSync(join(tmpdir(), 'lianxin-bench-photos-')), schedulerIntervalSeconds: 0 }, {});
  const { app } = await buildApp(database, config);
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: BENCH_ADMIN });
  if (login.statusCode !== 200) throw new Error(`bench admin login failed: ${login.body}`);
  const headers = { authorization: `Bearer ${login.json().token}` };
  return {
    app,
    async get(path) {
      const res = await app.inject({ method: 'GET', url: path, headers });
      if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
