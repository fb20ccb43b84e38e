import ExcelJS from 'exceljs';
import type { CasesTable } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';
import { TIME_FORMAT, excelTime, styleHeader } from '../ledgers/excel.ts';
import type { Period } from '../metrics/periods.ts';
import { CHANNEL_LABELS, type Channel } from '../cases/kinds.ts';
import type { wishFigures } from './figures.ts';
import { wishStatusLabel, wishTypeLabel } from './labels.ts';
import * as repo from './wishes.repository.ts';
import type { Db } from './wishes.repository.ts';
import { parseWishData, wishStatus } from './wish-kind.ts';

const PAGE = 500;
type Figures = Awaited<ReturnType<typeof wishFigures>>;

const FIGURE_COLUMNS = [
  ['社区', 'Community', 16],
  ['发布', 'Posted', 8],
  ['已认领', 'Claimed', 8],
  ['已实现', 'Fulfilled', 8],
  ['已核查', 'Verified', 8],
  ['待认领', 'Still open', 10],
  ['实现率', 'Fulfilment rate', 12],
] as const;

const WISH_COLUMNS = [
  ['编号', 'Number', 16],
  ['发布时间', 'Posted at', 17],
  ['社区', 'Community', 14],
  ['网格', 'Grid', 12],
  ['类型', 'Type', 12],
  ['心愿', 'Wish', 40],
  ['来源', 'Channel', 12],
  ['状态', 'Status', 14],
  ['认领方', 'Claimed by', 30],
  ['实现时间', 'Fulfilled at', 17],
  ['完成情况', 'Result', 30],
] as const;

function sheetOf(workbook: ExcelJS.Workbook, name: string, columns: readonly (readonly [string, string, number])[], locale: Locale) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([zh, en, width]) => ({ header: locale === 'en' ? en : zh, width }));
  styleHeader(sheet.getRow(1));
  return sheet;
}

/**
 * 微心愿台账: the figures per community, then every wish behind them (posted in the period under the node),
 * oldest first, with who claimed it. Staff-facing (names of claimants, residents' own words), never phones.
 */
export async function wishesWorkbook(db: Db, figures: Figures, nodePath: string, period: Period, locale: Locale): Promise<Buffer> {
  const en = locale === 'en';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const summary = sheetOf(workbook, en ? 'Figures' : '指标', FIGURE_COLUMNS, locale);
  for (const r of figures.communities) summary.addRow([r.community.name, r.posted, r.claimed, r.fulfilled, r.verified, r.open, r.fulfilmentRate]);
  const t = figures.total;
  summary.addRow([en ? 'Total' : '合计', t.posted, t.claimed, t.fulfilled, t.verified, t.open, t.fulfilmentRate]).font = { bold: true };
  summary.getColumn(7).numFmt = '0.0%';
  summary.addRow([]);
  summary.addRow([en ? `${figures.node.name}, wishes posted ${period.from} to ${period.to}` : `${figures.node.name} ${period.from} 至 ${period.to} 发布的微心愿`]);

  const list = sheetOf(workbook, en ? 'Wishes' : '微心愿', WISH_COLUMNS, locale);
  for (const c of [2, 10]) list.getColumn(c).numFmt = TIME_FORMAT;
  const names = new Map((await db.selectFrom('org_nodes').select(['id', 'name']).where('kind', 'in', ['community', 'grid']).execute()).map((n) => [n.id, n.name]));
  let after: { at: string; id: string } | null = null;
  let written = 0;
  for (;;) {
    const rows: CasesTable[] = await repo.wishesInOrder(db, { nodePath, from: period.from, to: period.to, hideCancelled: true }, after, PAGE);
    const claims = await repo.claimsOfCases(db, rows.map((r) => r.id));
    for (const c of rows) {
      const data = parseWishData(c.kind_data);
      const live = claims.filter((k) => k.case_id === c.id && k.status !== 'withdrawn');
      const channel = CHANNEL_LABELS[c.channel as Channel];
      list.addRow([
        c.number,
        excelTime(c.reported_at),
        c.community_id ? names.get(c.community_id) ?? null : null,
        c.grid_id ? names.get(c.grid_id) ?? null : null,
        wishTypeLabel(data.wishType, locale),
        c.description,
        channel ? channel[en ? 1 : 0] : c.channel,
        wishStatusLabel(wishStatus(c.state, live.length), locale),
        live.map((k) => k.claimant_name).join('、') || null,
        excelTime(c.resolved_at),
        c.resolution,
      ]);
    }
    written += rows.length;
    if (rows.length < PAGE) break;
    after = { at: rows[rows.length - 1]!.reported_at, id: rows[rows.length - 1]!.id };
  }
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: written + 1, column: WISH_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
