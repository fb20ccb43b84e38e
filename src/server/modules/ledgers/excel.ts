import type ExcelJS from 'exceljs';
import { DEFAULT_TIME_ZONE } from '../../platform/calendar/local-time.ts';

/** The MIME type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How times show in every ledger: local time to the minute, as offices write them. */
export const TIME_FORMAT = 'yyyy-mm-dd hh:mm';

// Excel cells have no time zone: a time is written as the local wall clock it should show. The offset is
// looked up once per UTC hour (zones change offset on the hour), so 100,000 rows cost a handful of lookups.
const wallFormatter = new Intl.DateTimeFormat('en-US', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
const offsetByHour = new Map<number, number>();

function offsetAt(epochMs: number): number {
  const hour = Math.floor(epochMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const probe = hour * 3_600_000;
    const f: Record<string, number> = {};
    for (const p of wallFormatter.formatToParts(new Date(probe))) if (p.type !== 'literal') f[p.type] = Number(p.value);
    offset = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!) - probe;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** An instant as the Excel date-time showing its wall clock in the deployment's zone (北京时间); null stays empty. */
export function excelTime(iso: string | null): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + offsetAt(ms));
}

// RFC 5987 attr-char: anything else is percent-encoded (encodeURIComponent leaves ' ( ) * ! unescaped).
const encode5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition for a download named in Chinese: `filename*` (RFC 5987/6266) carries the real name,
 * `filename` an ASCII stand-in for clients that predate it.
 */
export function attachment(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encode5987(filename)}`;
}

/** Characters Excel refuses in a sheet name or that break a file name. */
export function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|[\]\r\n]+/g, '_').trim();
}

/** The look of a header row: bold on a light fill, a rule below. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  row.border = { bottom: { style: 'thin', color: { argb: 'FF8896AB' } } };
  row.alignment = { vertical: 'middle' };
}
