import type { Command } from 'commander';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/demo/demo.data.ts';
import { loadDemoHistory } from '../../server/demo/demo.history.ts';
import { loadDemo } from '../../server/demo/demo.load.ts';
import { loadWishesDemo } from '../../server/demo/demo.wishes.ts';
import { loadOrdersDemo } from '../../server/demo/demo.orders.ts';
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
  // Volunteers (M6)
  talents: ['能人', 'talents'],
  volunteer_teams: ['志愿服务队', 'volunteer teams'],
  partner_units: ['共建单位', 'partner units'],
  shared_resources: ['共享资源', 'shared resources'],
};

/** `lianxin demo`: loads the demo community (演示社区) into the store unless it already holds a community. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Load the demo community (part of Lhasa 城关区) into an empty store / 载入演示社区')
    .option('--history', 'also add two months of cases, handled through the case engine / 同时生成两个月的演示案件')
    .action(async (opts: { history?: boolean }) => {
      await withStore(async (database) => {
        const started = Date.now();
        const { loaded, summary } = await loadDemo(database);
        if (!loaded) {
          console.log(say('数据库中已有社区，未载入演示数据。', 'The store already holds a community; the demo was not loaded.'));
          // A demo loaded earlier without cases may still get its history.
          if (opts.history) await addHistory(database);
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
        if (opts.history) await addHistory(database);
        await addOrders(database);
      });
    });
}

/** The case history needs the engine's context (grid index, classifier, calendar), so it builds the app without serving it. */
async function addHistory(database: Database): Promise<void> {
  const { app, ctx } = await buildApp(database, loadConfig({ databaseUrl: database.url, logLevel: 'silent' }));
  try {
    const history = await loadDemoHistory(ctx);
    if (!history.loaded) {
      console.log(say('数据库中已有案件（或不是演示社区），未生成案件历史。', 'The store already holds cases (or is not the demo); no case history was added.'));
      return;
    }
    const seconds = (history.ms / 1000).toFixed(1);
    console.log(say(`已生成演示案件历史（${seconds} 秒）：${history.cases} 件，自 ${history.from!.slice(0, 10)} 起，${history.steps} 个办理步骤。`, `Demo case history added (${seconds} s): ${history.cases} cases since ${history.from!.slice(0, 10)}, ${history.steps} handling steps.`));
    const wishes = await loadWishesDemo(ctx);
    if (wishes.loaded) console.log(say(`已生成演示微心愿：${wishes.wishes} 个心愿，${wishes.offers} 项服务清单。`, `Demo micro-wishes added: ${wishes.wishes} wishes, ${wishes.offers} offers on the service list.`));
  } finally {
    await app.close();
  }
}

/** The demo's service orders go through the case engine too, so they also need the app's context. */
async function addOrders(database: Database): Promise<void> {
  const { app, ctx } = await buildApp(database, loadConfig({ databaseUrl: database.url, logLevel: 'silent' }));
  try {
    const n = await loadOrdersDemo(ctx);
    if (n) console.log(say(`已载入演示服务点单：${n} 张。`, `Demo service orders loaded: ${n}.`));
  } finally {
    await app.close();
  }
}
