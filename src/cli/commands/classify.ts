import type { Command } from 'commander';
import { classifyLines } from '../../server/platform/text/classify-lines.ts';

/** `lianxin classify`: JSON lines on stdin, one category per line on stdout (no store needed). */
export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('Classify residents\' messages: reads {"text": "..."} JSON lines on stdin, writes {"category", "major", "confidence"} lines / 诉求自动分类')
    .option('--alternatives', 'add the next 3 most likely categories to each line')
    .action(async (opts: { alternatives?: boolean }) => {
      try {
        await classifyLines(process.stdin, process.stdout, { alternatives: !!opts.alternatives });
      } catch (err) {
        // Only a failing stdin (or stdout) gets here: bad lines are answered in place.
        console.error((err as Error).message);
        process.exitCode = 1;
      }
    });
}
