import type { Command } from 'commander';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/database.ts';
import { say } from '../store.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Bring the store (DATABASE_URL) up to the latest schema / 升级数据库结构')
    .action(async () => {
      const database = openDatabase(process.env.DATABASE_URL);
      try {
        const applied = await migrateToLatest(database);
        console.log(applied.length ? say(`已执行迁移：${applied.join(', ')}`, `Applied: ${applied.join(', ')}`) : say('数据库结构已是最新。', 'Already up to date.'));
      } finally {
        await database.close();
      }
    });
}
