import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../server/http/errors.ts';
import { importGrids } from '../../server/modules/org/grids-import.ts';
import { cliLocale, say, withStore } from '../store.ts';

export function registerImportGrids(importCommand: Command): void {
  importCommand
    .command('grids <file>')
    .description('Import grid boundaries from a GeoJSON FeatureCollection / 导入网格边界')
    .option('--community <code>', 'community (code or name) for features that name none')
    .action(async (file: string, opts: { community?: string }) => {
      let input: unknown;
      try {
        input = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        console.error(say(`无法读取 ${file}：${(err as Error).message}`, `Cannot read ${file}: ${(err as Error).message}`));
        process.exitCode = 1;
        return;
      }
      await withStore(async (database) => {
        try {
          const report = await database.db.transaction().execute((trx) =>
            importGrids(trx, input, { actor: null, community: opts.community, fileName: file, locale: cliLocale() }),
          );
          for (const p of report.parentsCreated) console.log(say(`新建上级 ${p.kind} ${p.code}（${p.name}）`, `created ${p.kind} ${p.code} (${p.name})`));
          console.log(say(`网格：新建 ${report.created} 个，更新 ${report.updated} 个。`, `Grids: ${report.created} created, ${report.updated} updated.`));
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'GEOJSON_INVALID') throw err;
          const { problems } = err.details as { problems: { index: number; code?: string; reason: string }[] };
          console.error(say(`文件被拒绝，未导入任何内容（${problems.length} 个问题）：`, `File refused, nothing imported (${problems.length} problems):`));
          for (const p of problems) {
            const where = p.index < 0 ? say('文件', 'file') : say(`要素 #${p.index}`, `feature #${p.index}`) + (p.code ? ` (${p.code})` : '');
            console.error(`  ${where}: ${p.reason}`);
          }
          process.exitCode = 1;
        }
      });
    });
}
