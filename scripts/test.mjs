#!/usr/bin/env node
// Runs the whole suite once per store, DB=sqlite and DB=postgres (starting PostgreSQL is .ci/run's job).
// The browser tests in test/e2e run too, against the built web app (the test command builds it first).
// Usage: node scripts/test.mjs [--store sqlite|postgres] [--concurrency N] [file ...]
//
// Every (store, file) pair is a job: one process running that file, as `node --test` would run it. Jobs of
// both stores share a pool of slots (--concurrency, or LIANXIN_TEST_CONCURRENCY; by default one more than
// the machine's cores, since much of a test's time is spent waiting on its store). Files are isolated from
// each other: each has its own SQLite file or PostgreSQL database. The browser tests and the crash test load
// the machine on their own, so one of them runs at a time: a browser test alone, the crash test in two
// slots. The slowest jobs of the last run
// start first, so the long ones do not end up alone at the tail. Each job's output is printed whole when it
// ends.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const flagged = new Set(['--store', '--concurrency'].flatMap((f) => (args.includes(f) ? [args.indexOf(f), args.indexOf(f) + 1] : [])));
const stores = valueOf('--store') ? [valueOf('--store')] : ['sqlite', 'postgres'];
const slots = Math.max(1, Math.floor(Number(valueOf('--concurrency') ?? process.env.LIANXIN_TEST_CONCURRENCY ?? availableParallelism() + 1)) || 1);
const explicit = args.filter((a, i) => !a.startsWith('--') && !flagged.has(i));

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
const heavy = (file) => file.includes('test/e2e/') || file.endsWith('test/reliability/crash.test.ts');

// How long each job took last time, to start the long ones first (a guess from the path when unknown).
const scratch = join(tmpdir(), `lianxin-test-${process.getuid?.() ?? 'user'}`);
const recordFile = join(scratch, 'timings.json');
let record = {};
try {
  record = JSON.parse(readFileSync(recordFile, 'utf8'));
} catch {
  // First run on this machine.
}
const guess = (store, file) => record[`${store} ${file}`] ?? (file.startsWith('test/') ? 60_000 : 10_000) * (store === 'postgres' ? 2 : 1);

const jobs = stores.flatMap((store) => files.map((file) => ({ store, file, cost: guess(store, file) }))).sort((a, b) => b.cost - a.cost);
mkdirSync(scratch, { recursive: true });
const summaries = join(scratch, `summaries-${process.pid}`);
mkdirSync(summaries, { recursive: true });

console.log(`\n=== tests on ${stores.join(' and ')} (${files.length} files each, ${slots} at a time) ===`);
const started = Date.now();
const results = [];
let heavyRunning = false;

function run(job, index) {
  return new Promise((resolve) => {
    const summaryFile = join(summaries, `${index}.json`);
    const child = spawn(process.execPath, [
      '--import', 'tsx',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/test-summary.mjs', `--test-reporter-destination=${summaryFile}`,
      job.file,
    ], { env: { ...process.env, DB: job.store, TZ: process.env.TZ ?? 'Asia/Shanghai', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (d) => output.push(d));
    child.stderr.on('data', (d) => output.push(d));
    const t0 = Date.now();
    child.on('close', (code, signal) => {
      const ms = Date.now() - t0;
      let counts = { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0 };
      try {
        counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
      } catch {
        // The file never reached its reporter (it crashed while loading): the exit code tells.
      }
      const ok = code === 0 && counts.fail === 0;
      process.stdout.write(`\n── ${job.store} ${job.file} (${(ms / 1000).toFixed(1)} s${ok ? '' : `, FAILED${signal ? ` by ${signal}` : code ? ` with exit code ${code}` : ''}`})\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ ...job, ms, ok, counts });
    });
  });
}

// Jobs start in order of cost as slots free up. A browser test takes every slot (its server, Chromium and the
// test share the machine with nothing else: under a parallel load its 30-second waits ran out); the crash
// test takes two, so what runs beside it gets a fair share. While the next heavy job waits for its slots, no
// light job takes them first, or the heavy ones would all be left for the end.
const waiting = jobs.map((job, index) => ({ ...job, index }));
const weightOf = (job) => (job.file.includes('test/e2e/') ? slots : heavy(job.file) ? Math.min(2, slots) : 1);
let free = slots;
await new Promise((allDone) => {
  let running = 0;
  const pump = () => {
    for (let i = 0; i < waiting.length; ) {
      const job = waiting[i];
      const isHeavy = heavy(job.file);
      if (isHeavy && heavyRunning) {
        i++;
        continue;
      }
      const weight = weightOf(job);
      if (weight > free) {
        if (isHeavy) break;
        i++;
        continue;
      }
      waiting.splice(i, 1);
      free -= weight;
      running++;
      if (isHeavy) heavyRunning = true;
      run(job, job.index).then((result) => {
        results.push(result);
        free += weight;
        running--;
        if (isHeavy) heavyRunning = false;
        if (!waiting.length && !running) allDone();
        else pump();
      });
    }
  };
  if (!waiting.length) allDone();
  else pump();
});
rmSync(summaries, { recursive: true, force: true });

if (!explicit.length || Object.keys(record).length) {
  for (const r of results) record[`${r.store} ${r.file}`] = r.ms;
  writeFileSync(recordFile, JSON.stringify(record));
}

const failed = results.filter((r) => !r.ok);
console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
for (const store of stores) {
  const mine = results.filter((r) => r.store === store);
  const sum = (k) => mine.reduce((n, r) => n + r.counts[k], 0);
  const busy = mine.reduce((n, r) => n + r.ms, 0);
  console.log(`${store}: ${mine.length} files, tests ${sum('tests')}, pass ${sum('pass')}, fail ${sum('fail')}, skipped ${sum('skipped')}, todo ${sum('todo')}; ${(busy / 1000).toFixed(1)} s of file time`);
}
console.log('slowest files:');
for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.store.padEnd(8)} ${relative('.', r.file)}`);
if (failed.length) {
  console.log('FAILED:');
  for (const r of failed) console.log(`  ${r.store} ${r.file}`);
}
process.exit(failed.length ? 1 : 0);
