/**
 * import.residents: a 100,000-resident .xlsx register imported with the real importer (the code behind
 * `lianxin import residents`) into a store holding the generated city: seconds and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchGeography } from '../data/case-store.ts';
import { writeResidentsXlsx } from '../data/residents-xlsx.ts';
import { bulkWriter, dataPath, freshSqlite } from '../data/stores.ts';
import { ROOT } from '../lib/processes.ts';
import { round } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';
import { label } from './kpi-panel.ts';

export const importResidents: Measure = {
  name: 'import.residents',
  async run(opts: BenchOptions): Promise<Result[]> {
    const count = opts.quick ? 25_000 : 100_000;
    const geo = benchGeography();
    const file = dataPath(`residents-${label(count)}-v1.xlsx`);
    if (opts.fresh || !existsSync(file)) {
      opts.log(`  import.residents: writing ${count.toLocaleString('en')} residents to ${file}`);
      await writeResidentsXlsx(file, geo, count);
    }
    const url = await freshSqlite(dataPath('import.db'));
    const writer = await bulkWriter(url);
    await writer.insert('org_nodes', geo.orgNodes as never);
    await writer.close();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/servers/import-residents.ts', url, file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    const scaled = count === 100_000 ? undefined : `scaled from ${count.toLocaleString('en')} rows: ${round((r.seconds * 100_000) / count, 1)} s for 100k`;
    return [
      {
        name: `import.residents@${label(count)}`,
        store: 'sqlite',
        value: round(r.seconds, 1),
        unit: 's',
        target: '≤ 30 s (at 100k)',
        pass: (r.seconds * 100_000) / count <= 30,
        details: { rows: count, imported: r.imported, rejected: r.rejected, rows_per_s: round(count / r.seconds, 0) },
        note: scaled,
      },
      { name: `import.residents.rss@${label(count)}`, store: 'sqlite', value: round(r.peakRssMb, 0), unit: 'MB peak' },
    ];
  },
};
