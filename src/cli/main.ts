import { Command } from 'commander';
import { VERSION } from '../server/app.ts';
import { registerApiKey } from './commands/apikey.ts';
import { registerBackup } from './commands/backup.ts';
import { registerClassify } from './commands/classify.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImportGrids } from './commands/import-grids.ts';
import { registerImportResidents } from './commands/import-residents.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerRoute } from './commands/route.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';

const program = new Command('lianxin')
  .description('Lianxin (连心): community grid governance. DATABASE_URL chooses the store: sqlite:PATH (default sqlite:./data/lianxin.db) or postgres://...')
  .version(VERSION);

registerServe(program);
registerMigrate(program);
registerDemo(program);
const importCommand = program.command('import').description('Import grids or residents from files / 导入');
registerImportGrids(importCommand);
registerImportResidents(importCommand);
registerRoute(program);
registerUser(program);
registerApiKey(program);
registerClassify(program);
registerBackup(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
