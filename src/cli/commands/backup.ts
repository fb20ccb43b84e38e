import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { BackupRefused, backupSqlite, restoreSqlite } from '../../server/db/backup.ts';
import { say } from '../store.ts';

const REFUSALS: Record<BackupRefused['reason'], [zh: string, en: string]> = {
  NOT_SQLITE: ['备份/恢复只用于内置数据库（sqlite:）；PostgreSQL 请使用 pg_dump / pg_restore。', 'Backup and restore are for the embedded store (sqlite:); on PostgreSQL use pg_dump / pg_restore.'],
  NO_STORE: ['数据库文件不存在。', 'The store file does not exist.'],
  TARGET_EXISTS: ['备份文件已存在，不会覆盖；请换一个文件名。', 'The backup file exists already and is not overwritten; choose another name.'],
  NOT_A_BACKUP: ['这不是连心的备份文件。', 'This is not a Lianxin backup file.'],
};

function refusal(err: unknown): never {
  if (err instanceof BackupRefused) throw new Error(say(...REFUSALS[err.reason]));
  throw err;
}

/** `lianxin backup FILE` / `lianxin restore FILE` for the embedded store, photos included. */
export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description('Copy the embedded store and its photos into one file, while the server runs / 在线备份')
    .action(async (file: string) => {
      const config = loadConfig();
      const started = Date.now();
      const r = await backupSqlite(config.databaseUrl, config.photoDir, file).catch(refusal);
      const s = ((Date.now() - started) / 1000).toFixed(1);
      console.log(say(`已备份到 ${r.file}：${r.cases} 件案件，${r.photos} 张照片，${(r.bytes / 1048576).toFixed(1)} MB，用时 ${s} 秒。`, `Backed up to ${r.file}: ${r.cases} cases, ${r.photos} photos, ${(r.bytes / 1048576).toFixed(1)} MB in ${s} s.`));
    });
  program
    .command('restore <file>')
    .description('Replace the embedded store and add the photos from a backup file; restart the server after / 从备份恢复')
    .action(async (file: string) => {
      const config = loadConfig();
      const r = await restoreSqlite(config.databaseUrl, config.photoDir, file).catch(refusal);
      console.log(say(`已从备份恢复：${r.cases} 件案件，${r.photos} 张照片。请重启服务以重新载入网格。`, `Restored: ${r.cases} cases, ${r.photos} photos. Restart the server so it reloads the grids.`));
    });
}
