#!/usr/bin/env node
// Builds the web app into dist/web when its sources changed since the last build (or with --force).
// `npm start` and the test command call it, so a fresh clone serves the web app without a separate step.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/web');
const stampFile = join(out, '.build-stamp');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const inputs = ['src/web', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p)).filter(existsSync);
const sourceTime = Math.max(...inputs.map(newest));
const built = existsSync(stampFile) ? Number(readFileSync(stampFile, 'utf8')) : 0;
if (!process.argv.includes('--force') && built >= sourceTime && existsSync(join(out, 'index.html'))) {
  console.log('web app is up to date (dist/web)');
  process.exit(0);
}
console.log('building the web app (dist/web)…');
const { build } = await import('vite');
const started = Date.now();
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(stampFile, String(sourceTime));
console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
