#!/usr/bin/env node
// Runs the whole suite once per store: DB=sqlite, then DB=postgres (starting PostgreSQL is .ci/run's job).
// The browser tests in test/e2e run too, against the built web app (the test command builds it first).
// Usage: node scripts/test.mjs [--store sqlite|postgres] [file ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const storeFlag = args.indexOf('--store');
const stores = storeFlag >= 0 ? [args[storeFlag + 1]] : ['sqlite', 'postgres'];
const explicit = args.filter((a, i) => !a.startsWith('--') && (storeFlag < 0 || i !== storeFlag + 1));

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = explicit.length ? explicit : [...findTests('src'), ...findTests('test')].sort();
let failed = false;
for (const store of stores) {
  console.log(`\n=== tests on ${store} (${files.length} files) ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, DB: store, TZ: process.env.TZ ?? 'Asia/Shanghai' },
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
