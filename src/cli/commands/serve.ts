import type { Command } from 'commander';
import { startServer } from '../../server/main.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve Lianxin over HTTP (migrations run at start) / 启动服务')
    .option('--port <n>', 'port to listen on (default: PORT or 8080)')
    .option('--host <h>', 'address to bind (default: HOST or 0.0.0.0)')
    .option('--demo', 'load the demo community when the store holds no community yet / 载入演示社区')
    .option('--no-history', 'with --demo: without the two months of demo cases / 不生成演示案件历史')
    .action(async (opts: { port?: string; host?: string; demo?: boolean; history: boolean }) => {
      await startServer({ port: opts.port === undefined ? undefined : Number(opts.port), host: opts.host, demo: !!opts.demo, history: opts.history });
    });
}
