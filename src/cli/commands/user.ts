import type { Command } from 'commander';
import { AppError, errorMessage } from '../../server/http/errors.ts';
import { createAccount } from '../../server/modules/auth/auth.service.ts';
import { ROLES } from '../../server/modules/auth/permissions.ts';
import type { AccountRole } from '../../server/db/tables.ts';
import { findNode } from '../../server/modules/org/org.repository.ts';
import { cliLocale, say, withStore } from '../store.ts';

export function registerUser(program: Command): void {
  const user = program.command('user').description('Accounts / 账号');
  user
    .command('add <username>')
    .description('Create an account with a role at an org node / 新建账号')
    .requiredOption('--password <p>', 'password')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--at <code>', 'org node (code or id) the role applies at; omit for everywhere')
    .option('--name <display>', 'display name')
    .action(async (username: string, opts: { password: string; role: string; at?: string; name?: string }) => {
      if (!ROLES.includes(opts.role as AccountRole)) {
        console.error(say(`角色不正确：${opts.role}（可选：${ROLES.join(', ')}）`, `Unknown role ${opts.role} (one of: ${ROLES.join(', ')})`));
        process.exitCode = 2;
        return;
      }
      if (opts.password.length < 8) {
        console.error(say('密码至少 8 个字符。', 'The password needs at least 8 characters.'));
        process.exitCode = 2;
        return;
      }
      await withStore(async (database) => {
        const node = opts.at ? await findNode(database.db, opts.at) : null;
        if (opts.at && !node) {
          console.error(say(`未找到组织节点 ${opts.at}`, `No org node ${opts.at}`));
          process.exitCode = 2;
          return;
        }
        if (opts.role !== 'admin' && !node) {
          console.error(say('除 admin 外，角色必须用 --at 指定所在节点。', 'Every role but admin needs --at NODE.'));
          process.exitCode = 2;
          return;
        }
        try {
          await database.db.transaction().execute((trx) =>
            createAccount(trx, { username, password: opts.password, displayName: opts.name, role: opts.role as AccountRole, node: node ? { id: node.id, path: node.path } : null }),
          );
          console.log(say(`已创建账号 ${username}（${opts.role}${node ? ` @ ${node.name}` : ''}）`, `Created ${username} (${opts.role}${node ? ` at ${node.name}` : ''})`));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          console.error(errorMessage(err.code, cliLocale()));
          process.exitCode = 1;
        }
      });
    });
}
