import ExcelJS from 'exceljs';
import type { Locale } from '../../http/errors.ts';
import type { FigureDefinition } from '../cases/figures.ts';
import { caseKind, type Channel } from '../cases/kinds.ts';
import type { figuresFor } from '../metrics/metrics.service.ts';
import { safeName, styleHeader } from './excel.ts';
import { CHANNEL_LABELS, pick } from './labels.ts';

export type FiguresResult = Awaited<ReturnType<typeof figuresFor>>;
type By = 'category' | 'channel' | 'kind';

// Rates are fractions (0.8765) shown as percentages; hours and counts as plain numbers.
const NUM_FORMAT: Record<FigureDefinition['unit'], string> = { rate: '0.00%', hours: '0.00', count: '0' };

const BY_LABELS: Record<By, [string, string]> = { category: ['问题分类', 'Category'], channel: ['来源渠道', 'Channel'], kind: ['案件类型', 'Kind'] };

/** "冲赛康社区 考核指标表（2026-11-01 至 2026-11-30）": the title row of each sheet. */
export function figuresTitle(result: FiguresResult, locale: Locale): string {
  const { node, period } = result;
  return locale === 'en' ? `${node.name} — figures, ${period.from} to ${period.to}` : `${node.name} 考核指标表（${period.from} 至 ${period.to}）`;
}

function breakdownLabel(by: By, key: string, label: string, locale: Locale): string {
  if (by === 'channel') {
    const p = CHANNEL_LABELS[key as Channel];
    if (p) return pick(locale, p);
  }
  if (by === 'kind') {
    const k = caseKind(key);
    if (k) return pick(locale, [k.zh, k.en]);
  }
  return label;
}

function titleRow(sheet: ExcelJS.Worksheet, title: string, columns: number): void {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(1).height = 24;
  sheet.mergeCells(1, 1, 1, columns);
}

/**
 * 考核指标表: the figures of `figuresFor` as a workbook — a title row naming node and period, then one row
 * per figure (指标, 数值, 计算口径); with `by`, a second sheet with one row per key and one column per figure.
 * A few dozen rows, so it is built in memory.
 */
export async function figuresWorkbook(result: FiguresResult, by: By | undefined, locale: Locale): Promise<Buffer> {
  const en = locale === 'en';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const title = figuresTitle(result, locale);

  const sheet = workbook.addWorksheet(en ? 'Figures' : '考核指标', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 16 }, { width: 12 }, { width: 70 }];
  titleRow(sheet, title, 3);
  const header = sheet.addRow(en ? ['Figure', 'Value', 'Definition'] : ['指标', '数值', '计算口径']);
  styleHeader(header);
  for (const f of result.figures) {
    const row = sheet.addRow([f.label, f.value, f.formula]);
    row.getCell(2).numFmt = NUM_FORMAT[f.unit];
  }

  if (by) {
    const breakdown = workbook.addWorksheet(safeName(en ? `By ${by}` : `按${BY_LABELS[by][0]}`), { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
    const columns = 2 + result.figures.length;
    breakdown.columns = [{ width: 10 }, { width: 18 }, ...result.figures.map(() => ({ width: 12 }))];
    titleRow(breakdown, title, columns);
    const head = breakdown.addRow([en ? 'Code' : '编码', en ? BY_LABELS[by][1] : BY_LABELS[by][0], ...result.figures.map((f) => f.label)]);
    styleHeader(head);
    head.alignment = { vertical: 'middle', wrapText: true };
    for (const b of result.breakdown) {
      const row = breakdown.addRow([b.key, breakdownLabel(by, b.key, b.label, locale), ...b.figures.map((f) => f.value)]);
      b.figures.forEach((f, i) => (row.getCell(3 + i).numFmt = NUM_FORMAT[f.unit]));
    }
    breakdown.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + result.breakdown.length, column: columns } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
