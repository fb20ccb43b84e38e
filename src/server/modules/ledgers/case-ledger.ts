import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../http/errors.ts';
import { redactText } from '../../platform/redact.ts';
import { caseKind, type Channel } from '../cases/kinds.ts';
import { STATES, isOpen } from '../cases/lifecycle.ts';
import { NATURES, category as findCategory } from '../cases/taxonomy.ts';
import { TIME_FORMAT, excelTime, styleHeader } from './excel.ts';
import { CHANNEL_LABELS, GRADE_LABELS, TIER_LABELS, YES_NO, pick } from './labels.ts';
import * as repo from './ledgers.repository.ts';
import type { Db, LedgerCaseRow, LedgerCursor, LedgerFilter } from './ledgers.repository.ts';

/** Names the rows of a page refer to, kept for the whole export (a community has few grids and handlers). */
export interface NameCache {
  nodes: Map<string, string>;
  staff: Map<string, string>;
}

type Cell = string | number | Date | null;

interface LedgerColumn {
  zh: string;
  en: string;
  width: number;
  time?: boolean;
  value(c: LedgerCaseRow, names: NameCache, locale: Locale): Cell;
}

/** Free text as the ledger prints it: phone, ID numbers and the reporter's own name typed into it masked. */
const text = (c: LedgerCaseRow, s: string | null) => (s ? redactText(s, c.reporter_name ? [c.reporter_name] : []) : null);

/**
 * The title, masked. Intake cuts it from the description, so a phone number split by the cut would escape
 * the mask; such a title is cut again, at the same length, from the masked description.
 */
function maskedTitle(c: LedgerCaseRow): string | null {
  const described = c.description.replace(/\s+/g, ' ').trim();
  if (!described.startsWith(c.title)) return text(c, c.title);
  return text(c, described)!.slice(0, c.title.length);
}

/** The columns of 案件台账, in order. Reporter names and phones are deliberately absent (privacy). */
export const CASE_LEDGER_COLUMNS: LedgerColumn[] = [
  { zh: '案件编号', en: 'Case number', width: 17, value: (c) => c.number },
  { zh: '类型', en: 'Kind', width: 11, value: (c, _, l) => { const k = caseKind(c.kind); return k ? pick(l, [k.zh, k.en]) : c.kind; } },
  { zh: '来源渠道', en: 'Channel', width: 11, value: (c, _, l) => { const p = CHANNEL_LABELS[c.channel as Channel]; return p ? pick(l, p) : c.channel; } },
  { zh: '性质', en: 'Nature', width: 8, value: (c, _, l) => { const n = NATURES.find((x) => x.code === c.nature); return n ? pick(l, [n.zh, n.en]) : c.nature; } },
  { zh: '大类', en: 'Major category', width: 12, value: (c, _, l) => { const cat = c.category ? findCategory(c.category) : undefined; return cat ? pick(l, [cat.majorZh, cat.majorEn]) : null; } },
  { zh: '小类', en: 'Minor category', width: 14, value: (c, _, l) => { const cat = c.category ? findCategory(c.category) : undefined; return cat ? pick(l, [cat.zh, cat.en]) : null; } },
  { zh: '等级', en: 'Grade', width: 7, value: (c, _, l) => pick(l, GRADE_LABELS[c.grade] ?? [c.grade, c.grade]) },
  { zh: '状态', en: 'State', width: 10, value: (c, _, l) => pick(l, [STATES[c.state].zh, STATES[c.state].en]) },
  { zh: '标题', en: 'Title', width: 28, value: (c) => maskedTitle(c) },
  { zh: '问题描述', en: 'Description', width: 48, value: (c) => text(c, c.description) },
  { zh: '地址', en: 'Address', width: 28, value: (c) => text(c, c.address) },
  { zh: '网格', en: 'Grid', width: 12, value: (c, n) => (c.grid_id ? n.nodes.get(c.grid_id) ?? null : null) },
  { zh: '社区', en: 'Community', width: 13, value: (c, n) => (c.community_id ? n.nodes.get(c.community_id) ?? null : null) },
  { zh: '处置层级', en: 'Tier', width: 10, value: (c, _, l) => pick(l, TIER_LABELS[c.tier] ?? [String(c.tier), String(c.tier)]) },
  { zh: '处理人', en: 'Handler', width: 14, value: (c, n) => (c.handler_staff_id ? n.staff.get(c.handler_staff_id) : undefined) ?? (c.handler_node_id ? n.nodes.get(c.handler_node_id) : undefined) ?? null },
  { zh: '上报时间', en: 'Reported at', width: 17, time: true, value: (c) => excelTime(c.reported_at) },
  { zh: '响应时限', en: 'Respond by', width: 17, time: true, value: (c) => excelTime(c.respond_by) },
  { zh: '办结时限', en: 'Resolve by', width: 17, time: true, value: (c) => excelTime(c.resolve_by) },
  { zh: '签收时间', en: 'Accepted at', width: 17, time: true, value: (c) => excelTime(c.accepted_at) },
  { zh: '办结时间', en: 'Resolved at', width: 17, time: true, value: (c) => excelTime(c.resolved_at) },
  { zh: '结案时间', en: 'Closed at', width: 17, time: true, value: (c) => excelTime(c.closed_at) },
  // The same rule as the case view and the overdue figure (CASES.md): open past the deadline, or resolved late.
  { zh: '是否超期', en: 'Overdue', width: 10, value: (c, _, l) => pick(l, YES_NO[(isOpen(c.state) && c.overdue_at !== null) || (!!c.resolved_at && c.resolved_at > c.resolve_by) ? 'yes' : 'no']) },
  { zh: '返工次数', en: 'Reworks', width: 10, value: (c) => c.rework_count },
  { zh: '反映人数', en: 'Reporters', width: 10, value: (c) => c.reporter_count },
  { zh: '办理结果', en: 'Result', width: 40, value: (c) => text(c, c.resolution) },
];

/** Fetches the names a page mentions that the cache does not hold yet. */
async function fillNames(db: Db, rows: LedgerCaseRow[], names: NameCache): Promise<void> {
  const nodeIds = new Set<string>();
  const staffIds = new Set<string>();
  for (const r of rows) {
    for (const id of [r.grid_id, r.community_id, r.handler_node_id]) if (id && !names.nodes.has(id)) nodeIds.add(id);
    if (r.handler_staff_id && !names.staff.has(r.handler_staff_id)) staffIds.add(r.handler_staff_id);
  }
  for (const n of await repo.nodeNames(db, [...nodeIds])) names.nodes.set(n.id, n.name);
  for (const s of await repo.staffNames(db, [...staffIds])) names.staff.set(s.id, s.name);
}

/**
 * Resolves once `out` has closed (the client went away or the download finished); the listener goes when
 * `signal` aborts.
 */
function closed(out: Writable, signal: AbortSignal): Promise<unknown> {
  return once(out, 'close', { signal });
}

/** A writable stream of node's or of the `readable-stream` package (archiver's), which lacks `writableNeedDrain`. */
type AnyWritable = Writable & { _writableState?: { needDrain?: boolean } };

const needsDrain = (s: AnyWritable) => s.writableNeedDrain ?? s._writableState?.needDrain ?? false;

/**
 * The streams a streamed worksheet's XML is handed to: ExcelJS pipes each sheet into a PassThrough of
 * archiver's, writing to it without heeding backpressure. Exported so a test notices if an upgrade moves it.
 */
export function zipInputsOf(sheet: ExcelJS.Worksheet): AnyWritable[] {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((p): p is AnyWritable => !!p && typeof (p as Writable).write === 'function') : [];
}

/**
 * Waits until what has been written is on its way. Without this wait a fast query loop would pile the whole
 * workbook up in memory ahead of the compressor and a slow download, since ExcelJS ignores backpressure.
 * Always yields to the event loop once: on SQLite the queries never do, and other requests must get a turn.
 */
async function caughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  await setImmediate();
  for (const stream of [...zipInputsOf(sheet), out]) {
    while (needsDrain(stream) && !out.destroyed) {
      const ac = new AbortController();
      try {
        await Promise.race([once(stream, 'drain', { signal: ac.signal }), closed(out, ac.signal)]);
      } catch (err) {
        if ((err as Error).name !== 'AbortError') throw err;
      } finally {
        ac.abort();
      }
    }
  }
}

export interface CaseLedgerOptions {
  locale: Locale;
  /** Rows fetched per query. */
  pageSize?: number;
}

/**
 * Writes 案件台账 as an .xlsx into `out`, page by page: each page is fetched, written as committed rows and
 * dropped before the next is read, so memory stays flat however many cases match. Waits while `out` is
 * backed up (a slow download) and stops quietly once `out` is destroyed (the client went away).
 * Resolves with the number of cases written.
 */
export async function writeCaseLedger(db: Db, filter: LedgerFilter, out: Writable, options: CaseLedgerOptions): Promise<number> {
  const { locale } = options;
  const pageSize = options.pageSize ?? 1000;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Lianxin 连心';
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Cases' : '案件台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CASE_LEDGER_COLUMNS.map((c) => ({ header: locale === 'en' ? c.en : c.zh, width: c.width, ...(c.time ? { style: { numFmt: TIME_FORMAT } } : {}) }));
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();

  const names: NameCache = { nodes: new Map(), staff: new Map() };
  let cursor: LedgerCursor | null = null;
  let written = 0;
  for (;;) {
    if (out.destroyed) return written;
    const rows = await repo.ledgerCasesPage(db, filter, cursor, pageSize);
    if (rows.length === 0) break;
    await fillNames(db, rows, names);
    for (const c of rows) {
      sheet.addRow(CASE_LEDGER_COLUMNS.map((col) => col.value(c, names, locale))).commit();
    }
    written += rows.length;
    const last = rows[rows.length - 1]!;
    cursor = { reportedAt: last.reported_at, id: last.id };
    if (rows.length < pageSize) break;
    await caughtUp(sheet, out);
  }
  if (out.destroyed) return written;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: written + 1, column: CASE_LEDGER_COLUMNS.length } };
  sheet.commit();
  // A download cut short never lets the zip finish; stop waiting for it then.
  const ac = new AbortController();
  try {
    await Promise.race([workbook.commit(), closed(out, ac.signal).catch(() => undefined)]);
  } finally {
    ac.abort();
  }
  return written;
}
