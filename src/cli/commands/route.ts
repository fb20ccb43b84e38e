import type { Command } from 'commander';
import { GridIndex } from '../../server/platform/geo/grid-index.ts';
import { locatePoint } from '../../server/modules/org/routing.service.ts';
import { cliLocale, say, withStore } from '../store.ts';

export function registerRoute(program: Command): void {
  program
    .command('route <lng> <lat>')
    .description('Which grid, community and police beat a point is in, and its contacts / 定位网格')
    .option('--json', 'print JSON')
    .action(async (lngText: string, latText: string, opts: { json?: boolean }) => {
      const lng = Number(lngText);
      const lat = Number(latText);
      if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
        console.error(say('经纬度无效：经度 -180~180，纬度 -90~90。', 'Invalid coordinates: lng -180..180, lat -90..90.'));
        process.exitCode = 2;
        return;
      }
      await withStore(async (database) => {
        const geo = await GridIndex.load(database.db);
        const answer = await locatePoint(database.db, geo, lng, lat, cliLocale());
        if (opts.json) {
          console.log(JSON.stringify(answer, null, 2));
          return;
        }
        if (!answer.grid) {
          console.log(say('该位置不在任何网格内。', 'This point is outside every grid.'));
          return;
        }
        const chain = [answer.street, answer.community, answer.sector, answer.grid].filter(Boolean).map((n) => `${n!.name} (${n!.code})`);
        console.log(chain.join(' › '));
        if (answer.policeBeat) console.log(say(`警格：${answer.policeBeat.name}`, `Police beat: ${answer.policeBeat.name}`));
        for (const c of answer.contacts) console.log(`  ${c.roleLabel}  ${c.name}  ${c.workPhone ?? ''}`);
      });
    });
}
