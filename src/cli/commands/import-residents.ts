import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Database } from '../../server/db/database.ts';
import { AppError, errorMessage } from '../../server/http/errors.ts';
import { type ImportOptions, type ImportReport, importResidents } from '../../server/modules/people/residents-import.ts';
import { readSheetRows } from '../../server/modules/people/sheet-rows.ts';
import { cliLocale, say, withStore } from '../store.ts';

/** Imports a population register (.xlsx or .csv) into an open store and returns what happened to each row. */
export async function importResidentsFile(database: Database, file: string, opts: ImportOptions = {}): Promise<ImportReport> {
  return importResidents(database.db, readSheetRows(file), opts);
}

/** `lianxin import residents FILE`: exit code 0 when every row was imported, 2 when some rows were refused, 1 when the file was. */
export function registerImportResidents(importCommand: Command): void {
  importCommand
    .command('residents <file>')
    .description('Import residents from an .xlsx or .csv register / 导入居民（列：姓名、性别、手机号、身份证号、住址/大院、楼栋、房号、网格）')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        await access(file);
      } catch {
        console.error(say(`找不到文件 ${file}`, `No such file: ${file}`));
        process.exitCode = 1;
        return;
      }
      const locale = cliLocale();
      await withStore(async (database) => {
        let report: ImportReport;
        const started = Date.now();
        try {
          report = await importResidentsFile(database, file, { locale });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const missing = (err.details as { missing?: string[] } | undefined)?.missing;
          console.error(errorMessage(err.code, locale) + (missing ? ` ${missing.join(locale === 'en' ? ', ' : '、')}` : ''));
          process.exitCode = 1;
          return;
        }
        if (opts.json) console.log(JSON.stringify(report, null, 2));
        else {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(
            say(
              `导入完成（${seconds} 秒）：新增 ${report.imported} 人，更新 ${report.updated} 人，拒绝 ${report.rejected.length} 行。`,
              `Done in ${seconds} s: ${report.imported} residents added, ${report.updated} updated, ${report.rejected.length} rows refused.`,
            ),
          );
          for (const r of report.rejected) console.log(say(`  第 ${r.row} 行：${r.reason}`, `  row ${r.row}: ${r.reason}`));
        }
        if (report.rejected.length) process.exitCode = 2;
      });
    });
}
