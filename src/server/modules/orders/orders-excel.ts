import ExcelJS from 'exceljs';
import type { Locale } from '../../http/errors.ts';
import { TIME_FORMAT, excelTime, safeName, styleHeader } from '../ledgers/excel.ts';
import type { OrderFigures } from './figures.ts';
import type { OrderView } from './orders.views.ts';

const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/**
 * 服务点单统计 as a workbook (Excel is how community offices keep 台账): the figures per community with the
 * total, then the orders placed in the period (the drill-down), names but never phone numbers.
 */
export async function orderFiguresWorkbook(figures: OrderFigures, orders: OrderView[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const sheet = workbook.addWorksheet(safeName(say(locale, '服务点单统计', 'Service orders')), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 18 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 10 }, { width: 10 }];
  sheet.getCell(1, 1).value = say(locale, `${figures.node.name} ${figures.period.from} 至 ${figures.period.to}`, `${figures.node.name} ${figures.period.from} to ${figures.period.to}`);
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  styleHeader(sheet.addRow(locale === 'en' ? ['Community', 'Ordered', 'Done', 'Hours', 'Avg rating', 'Ratings', 'Points'] : ['社区', '点单数', '完成数', '服务时长', '平均评分', '评价数', '发放积分']));
  const line = (name: string, r: OrderFigures['total']) => [name, r.ordered, r.done, r.hours, r.averageRating, r.ratings, r.pointsPaid];
  for (const c of figures.communities) sheet.addRow(line(c.community.name, c));
  sheet.addRow(line(say(locale, '合计', 'Total'), figures.total)).font = { bold: true };

  const list = workbook.addWorksheet(safeName(say(locale, '点单明细', 'Orders')), { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: say(locale, '编号', 'Number'), width: 16 },
    { header: say(locale, '点单时间', 'Ordered at'), width: 17, style: { numFmt: TIME_FORMAT } },
    { header: say(locale, '社区', 'Community'), width: 14 },
    { header: say(locale, '服务项目', 'Service'), width: 16 },
    { header: say(locale, '状态', 'State'), width: 10 },
    { header: say(locale, '能人', 'Talent'), width: 10 },
    { header: say(locale, '队伍', 'Team'), width: 14 },
    { header: say(locale, '服务时长', 'Hours'), width: 9 },
    { header: say(locale, '积分', 'Points'), width: 8 },
    { header: say(locale, '居民评分', 'Requester rating'), width: 10 },
    { header: say(locale, '能人评分', 'Talent rating'), width: 10 },
    { header: say(locale, '需求', 'Request'), width: 40 },
  ];
  styleHeader(list.getRow(1));
  for (const o of orders) {
    list.addRow([o.number, excelTime(o.reportedAt), o.community?.name ?? '', o.skillLabel, o.stateLabel, o.talent?.name ?? '', o.team?.name ?? '', o.hours, o.points?.amount ?? null, o.ratings.requester?.score ?? null, o.ratings.talent?.score ?? null, o.description]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
