import type { Command } from 'commander';
import { createApiKey } from '../../server/modules/auth/auth.service.ts';
import { say, withStore } from '../store.ts';

export function registerApiKey(program: Command): void {
  const apikey = program.command('apikey').description('API keys for other systems / 接口密钥');
  apikey
    .command('create <name>')
    .description('Create an API key; it is printed once, on the last line, and stored only hashed')
    .action(async (name: string) => {
      await withStore(async (database) => {
        const { key } = await createApiKey(database.db, name);
        console.log(say(`已为 ${name} 创建接口密钥（只显示这一次，请妥善保存）：`, `API key for ${name} (shown only now; keep it safe):`));
        console.log(key);
      });
    });
}
