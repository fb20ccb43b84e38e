/**
 * `npm run bench [-- --quick] [--only name,...] [--fresh] [--with-10m]`: generates its data, runs each
 * measurement, prints a table and writes bench/results.json (bench/results.quick.json for --quick, so a
 * look while developing never replaces the last full results).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { classifyThroughput } from './measures/classify-throughput.ts';
import { importResidents } from './measures/import-residents.ts';
import { intakeHttp } from './measures/intake-http.ts';
import { kpiPanel } from './measures/kpi-panel.ts';
import { memoryRss } from './measures/memory-rss.ts';
import { routeLookup } from './measures/route-lookup.ts';
import { searchText } from './measures/search-text.ts';
import { DATA_DIR } from './data/stores.ts';
import { markdownTable, printTable } from './lib/table.ts';
import type { BenchOptions, Measure, Result } from './lib/types.ts';

const MEASURES: Measure[] = [classifyThroughput, routeLookup, intakeHttp, kpiPanel, searchText, memoryRss, importResidents];

function parseArgs(argv: string[]): BenchOptions & { only: string[] | null } {
  const only = argv.find((a, i) => argv[i - 1] === '--only' || a.startsWith('--only='));
  const opts = {
    quick: argv.includes('--quick'),
    fresh: argv.includes('--fresh'),
    with10m: argv.includes('--with-10m'),
    only: only ? only.replace(/^--only=/, '').split(',').map((s) => s.trim()).filter(Boolean) : null,
    log: (line: string) => console.log(line),
  };
  const unknown = opts.only?.filter((n) => !MEASURES.some((m) => m.name === n)) ?? [];
  if (unknown.length) throw new Error(`unknown measurement ${unknown.join(', ')}; known: ${MEASURES.map((m) => m.name).join(', ')}`);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const started = Date.now();
console.log(`Lianxin benchmark (${opts.quick ? 'quick' : 'full'}); data in ${DATA_DIR}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const results: Result[] = [];
for (const m of MEASURES.filter((m) => !opts.only || opts.only.includes(m.name))) {
  const t = Date.now();
  console.log(`▶ ${m.name}`);
  try {
    const out = await m.run(opts);
    results.push(...out);
    for (const r of out) console.log(`  ${r.name}${r.store ? ` (${r.store})` : ''}: ${Number.isNaN(r.value) ? '—' : r.value.toLocaleString('en')} ${r.unit}`);
  } catch (err) {
    console.error(`  ${m.name} failed: ${(err as Error).stack}`);
    results.push({ name: m.name, value: NaN, unit: '', note: `failed: ${(err as Error).message.split('\n')[0]}` });
  }
  console.log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}
printTable(results);
const cpuList = cpus();
const report = {
  date: new Date().toISOString(),
  mode: opts.quick ? 'quick' : 'full',
  seconds: Math.round((Date.now() - started) / 1000),
  machine: { cpus: cpuList.length, cpuModel: cpuList[0]?.model ?? '', memory: `${Math.round(totalmem() / 2 ** 30)} GB`, node: process.version, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) },
  results: results.map((r) => ({ ...r, value: Number.isNaN(r.value) ? null : r.value })),
};
const out = fileURLToPath(new URL(opts.quick ? './results.quick.json' : './results.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
// The Markdown table beside it, for the README's results section.
const md = out.replace(/\.json$/, '.md');
writeFileSync(md, `${opts.quick ? 'Quick run' : 'Full run'} of ${report.date.slice(0, 10)}, ${report.seconds} s, ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memory}, Node ${report.machine.node}, load average ${report.machine.loadAverage.join(' ')} at the end.\n\n${markdownTable(results)}`);
console.log(`\nWritten ${out} and ${md} (${report.seconds} s in all)`);
process.exit(results.some((r) => r.note?.startsWith('failed')) ? 1 : 0);
