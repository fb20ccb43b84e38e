import type { Command } from 'commander';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/demo/demo.data.ts';
import { loadDemo } from '../../server/demo/demo.load.ts';
import { say, withStore } from '../store.ts';

// The summary's keys in the operator's words.
const LABELS: Record<string, [zh: string, en: string]> = {
  streets: ['街道', 'streets'],
  communities: ['社区/村', 'communities'],
  sectors: ['片区', 'sectors'],
  grids: ['网格', 'grids'],
  police_beats: ['警格', 'police beats'],
  compounds: ['大院/小区', 'compounds'],
  buildings: ['楼栋', 'buildings'],
  households: ['户', 'households'],
  residents: ['居民', 'residents'],
  party_hub_households: ['党员中心户', 'party hub households'],
  household_liaisons: ['联户长', 'household liaisons'],
  household_links: ['联系户关系', 'household links'],
  staff: ['工作人员', 'staff'],
  staff_assignments: ['岗位分配', 'staff assignments'],
  accounts: ['演示账号', 'demo accounts'],
};

/** `lianxin demo`: loads the demo community (演示社区) into the store unless it already holds a community. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Load the demo community (part of Lhasa 城关区) into an empty store / 载入演示社区')
    .action(async () => {
      await withStore(async (database) => {
        const started = Date.now();
        const { loaded, summary } = await loadDemo(database);
        if (!loaded) {
          console.log(say('数据库中已有社区，未载入演示数据。', 'The store already holds a community; the demo was not loaded.'));
          return;
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(say(`已载入演示社区（${seconds} 秒）：`, `Demo community loaded (${seconds} s):`));
        for (const [key, count] of Object.entries(summary)) {
          const [zh, en] = LABELS[key] ?? [key, key];
          console.log(`  ${say(zh, en)}: ${count}`);
        }
        console.log(say(`演示账号（密码均为 ${DEMO_PASSWORD}）：`, `Demo accounts (password ${DEMO_PASSWORD} for all):`));
        console.log(`  ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
      });
    });
}
