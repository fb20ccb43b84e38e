import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.ts';

/** One spreadsheet row: its number as the office sees it in Excel (header = usually 1) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/**
 * Streams the rows of the first worksheet of an .xlsx file or of a .csv file, without loading the file into
 * memory. Empty rows are skipped but still counted, so row numbers match what Excel shows.
 */
export function readSheetRows(file: string): AsyncGenerator<SheetRow> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return xlsxRows(file);
  if (ext === '.csv') return csvRows(file);
  throw new AppError('IMPORT_FILE_UNSUPPORTED', { file });
}

async function* xlsxRows(file: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      // `row.values` is 1-based and sparse: index 1 is column A.
      const values = row.values as ExcelJS.CellValue[];
      const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1]));
      if (cells.some((c) => c !== '')) yield { row: row.number, cells };
    }
    // Registers keep people on the first sheet; later sheets are notes and summaries.
    return;
  }
}

/** A cell's value as the text a person sees: rich text joined, formulas by their result, hyperlinks by their text. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return clean(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return clean(String(value.text));
  return '';
}

/** Trimmed, without control characters: a stray NUL from a broken export would otherwise fail the PostgreSQL write. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F]/g, '').trim();
}

async function* csvRows(file: string): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder(await sniffEncoding(file));
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  // Empty lines are kept as records so the count below equals Excel's row number.
  const parser = createReadStream(file).pipe(decode).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    const cells = record.map(clean);
    if (cells.some((c) => c !== '')) yield { row, cells };
  }
}

/**
 * UTF-8 (with or without BOM), or GB18030 when the start of the file is not valid UTF-8: Excel on a Chinese
 * Windows saves "CSV" in the ANSI code page, and community offices send exactly those files.
 */
async function sniffEncoding(file: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
    return 'utf-8';
  } catch (err) {
    if (err instanceof TypeError) return 'gb18030';
    throw err;
  } finally {
    await handle.close();
  }
}
