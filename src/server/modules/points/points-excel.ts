import ExcelJS from 'exceljs';
import type { Locale } from '../../http/errors.ts';
import { TIME_FORMAT, excelTime, styleHeader } from '../ledgers/excel.ts';
import { ruleLabel, transferKindLabel } from './labels.ts';
import * as repo from './ledger.repository.ts';
import type { Db } from './ledger.repository.ts';
import type { Statement } from './settlement.service.ts';

const PAGE = 1000;

type Column<T> = { zh: string; en: string; width: number; time?: boolean; value(r: T, locale: Locale): string | number | Date | null };

const LEDGER_COLUMNS: Column<repo.TransferListRow>[] = [
  { zh: '时间', en: 'Time', width: 17, time: true, value: (r) => excelTime(r.at) },
  { zh: '社区', en: 'Community', width: 14, value: (r) => r.community_name },
  { zh: '类型', en: 'Kind', width: 10, value: (r, l) => transferKindLabel(r.kind, l) },
  { zh: '积分', en: 'Points', width: 8, value: (r) => r.amount },
  { zh: '规则', en: 'Rule', width: 14, value: (r, l) => (r.rule ? ruleLabel(r.rule, l) : null) },
  { zh: '数量', en: 'Quantity', width: 8, value: (r) => (r.quantity === null ? null : Number(r.quantity)) },
  { zh: '居民', en: 'Resident', width: 10, value: (r) => r.resident_name },
  { zh: '商户', en: 'Merchant', width: 18, value: (r) => r.merchant_name },
  { zh: '来源', en: 'Source', width: 16, value: (r) => r.source_kind },
  { zh: '原因', en: 'Reason', width: 30, value: (r) => r.reason },
  { zh: '经办人', en: 'Operator', width: 12, value: (r) => r.operator_name },
  { zh: '冲正记录', en: 'Reverses', width: 38, value: (r) => r.reverses_id },
  { zh: '已被冲正', en: 'Reversed by', width: 38, value: (r) => r.reversed_by },
  { zh: '编号', en: 'Id', width: 38, value: (r) => r.id },
];

function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Column<T>[], locale: Locale): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: locale === 'en' ? c.en : c.zh, width: c.width, ...(c.time ? { style: { numFmt: TIME_FORMAT } } : {}) }));
  styleHeader(sheet.getRow(1));
  return sheet;
}

/** 积分台账: every transfer matching the ledger filter, oldest first, one row each (names, never phone numbers). */
export async function pointsLedgerWorkbook(db: Db, filter: Omit<repo.TransferFilter, 'limit' | 'offset'>, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const sheet = addSheet(workbook, locale === 'en' ? 'Points ledger' : '积分台账', LEDGER_COLUMNS, locale);
  let after: { at: string; id: string } | null = null;
  let written = 0;
  for (;;) {
    const rows = await repo.transfersInOrder(db, filter, after, PAGE);
    for (const r of rows) sheet.addRow(LEDGER_COLUMNS.map((c) => c.value(r, locale)));
    written += rows.length;
    if (rows.length < PAGE) break;
    after = { at: rows[rows.length - 1]!.at, id: rows[rows.length - 1]!.id };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: written + 1, column: LEDGER_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Line = Statement['lines'][number];

const STATEMENT_COLUMNS: Column<Line>[] = [
  { zh: '兑换时间', en: 'Redeemed at', width: 17, time: true, value: (r) => excelTime(r.redeemedAt) },
  { zh: '兑换码', en: 'Code', width: 11, value: (r) => r.code },
  { zh: '兑换项目', en: 'Reward', width: 24, value: (r) => r.rewardName },
  { zh: '居民', en: 'Resident', width: 10, value: (r) => r.residentName },
  { zh: '积分', en: 'Points', width: 8, value: (r) => r.points },
  { zh: '已冲正', en: 'Reversed', width: 8, value: (r, l) => (r.reversed ? (l === 'en' ? 'yes' : '是') : '') },
];

/** 月度结算单 as a workbook: the month's redemptions, then the total and whether it is settled. */
export async function statementWorkbook(s: Statement, locale: Locale): Promise<Buffer> {
  const en = locale === 'en';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const sheet = addSheet(workbook, en ? `Statement ${s.month}` : `${s.month} 结算单`, STATEMENT_COLUMNS, locale);
  for (const line of s.lines) sheet.addRow(STATEMENT_COLUMNS.map((c) => c.value(line, locale)));
  sheet.addRow([]);
  const total = sheet.addRow([en ? 'Total' : '合计', `${s.count}`, en ? `${s.merchant.name}, ${s.month}` : `${s.merchant.name} ${s.month}`, '', s.points]);
  total.font = { bold: true };
  const settled = s.settlement
    ? (en ? `Settled ${s.settlement.points} points` : `已结算 ${s.settlement.points} 积分`)
    : (en ? 'Not settled yet' : '尚未结算');
  sheet.addRow([en ? 'Settlement' : '结算', settled, s.settlement ? excelTime(s.settlement.settledAt) : null]).getCell(3).numFmt = TIME_FORMAT;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
