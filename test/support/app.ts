import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { App, AppContext } from '../../src/server/context.ts';
import { freshStore } from './store.ts';
import type { Fill } from './templates.ts';

export interface TestApp {
  app: App;
  /** Bearer tokens of sessions the store was made with (the demo accounts'), by username. */
  tokens: Record<string, string>;
  ctx: AppContext;
  db: AppContext['database']['db'];
  /** Closes the app and drops its store; call it from the file's `after` hook. */
  close(): Promise<void>;
  /** Runs `fn` when the app closes, before its store is dropped (for what a test opened on the store). */
  onClose(fn: () => unknown): void;
  /** Signs in and returns headers carrying that session's bearer token. */
  login(username: string, password: string): Promise<Record<string, string>>;
}

/**
 * A real app on a fresh store of the store under test. Call it in `before` and `t.close()` in `after`
 * (node:test runs a hook registered inside another hook at once, so this cannot register its own).
 */
export async function startTestApp(options: { demo?: Fill } = {}): Promise<TestApp> {
  const store = await freshStore(options);
  const photoDir = mkdtempSync(join(tmpdir(), 'lianxin-photos-'));
  const { app, ctx } = await buildApp(store.database, testConfig(store.url, photoDir));
  const closing: (() => unknown)[] = [];
  return {
    app,
    tokens: store.tokens,
    onClose: (fn) => closing.push(fn),
    async close() {
      await app.close();
      for (const fn of closing) await fn();
      await store.drop();
      rmSync(photoDir, { recursive: true, force: true });
    },
    ctx,
    db: store.database.db,
    async login(username, password) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
    },
  };
}

/** The configuration every test app runs with. */
export function testConfig(databaseUrl: string, photoDir: string) {
  return loadConfig({ databaseUrl, logLevel: 'silent', publicUrl: 'http://lianxin.test', loginAttemptsPerMinute: 1000, photoDir }, {});
}

/** The parsed JSON body of a response, typed loosely for assertions. */
export function body(res: LightMyRequestResponse): any {
  return res.json();
}
