import type { OrgNodesTable } from '../../db/tables.ts';
import { AppError, type ErrorCode, type Locale, errorMessage } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Gender } from '../../platform/privacy.ts';
import { type PersonalData, householdAddress, settlePersonalData } from './personal-data.ts';
import type { Db, ResidentRow } from './people.repository.ts';
import * as repo from './residents-import.repository.ts';
import type { SheetRow } from './sheet-rows.ts';

export interface ImportOptions {
  /** Language of the rejection reasons: zh-CN (default) or en. */
  locale?: Locale;
  /** Rows written per transaction. */
  batchSize?: number;
}

export interface ImportRejection {
  /** The row number as Excel shows it. */
  row: number;
  code: ErrorCode;
  reason: string;
}

export interface ImportReport {
  imported: number;
  updated: number;
  rejected: ImportRejection[];
}

type Field = 'name' | 'gender' | 'phone' | 'idNumber' | 'compound' | 'building' | 'room' | 'grid';

// The column headers community offices use in their population registers (人口台账), per field.
const HEADERS: Record<Field, string[]> = {
  name: ['姓名'],
  gender: ['性别'],
  phone: ['手机号', '手机号码', '手机', '联系电话'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
  compound: ['住址/大院', '住址', '大院', '小区', '大院/小区', '住址/小区'],
  building: ['楼栋', '楼号', '栋'],
  room: ['房号', '房间号', '门牌号'],
  grid: ['网格', '所属网格', '网格编码', '网格名称'],
};
const REQUIRED: Field[] = ['name', 'compound', 'grid'];
// Registers often open with a title row or two ("2024年乃琼社区人口台账"); the header is looked for this far down.
const HEADER_SEARCH_ROWS = 20;

const GENDERS = new Map<string, Gender>([
  ['男', 'male'],
  ['男性', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
]);

/** A valid row, ready to be written. */
interface Candidate {
  row: number;
  name: string;
  data: PersonalData;
  grid: OrgNodesTable;
  compound: string;
  building: string | null;
  room: string | null;
}

type GridLookup = { grid: OrgNodesTable } | { refusal: 'GRID_NOT_FOUND' | 'GRID_AMBIGUOUS' };

class Refusal {
  constructor(readonly code: ErrorCode, readonly detail?: string) {}
}

function headerColumns(cells: string[]): Partial<Record<Field, number>> | null {
  const normalised = cells.map((c) => c.replace(/[\s*＊]/g, ''));
  const columns: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(HEADERS) as Field[]) {
    const index = normalised.findIndex((c) => HEADERS[field].includes(c));
    if (index >= 0) columns[field] = index;
  }
  return columns.name === undefined ? null : columns;
}

/**
 * 导入居民: reads a population register row by row and writes it in batches, one transaction each. Compounds,
 * buildings and households are found or created (a household by grid and the address built from compound, building
 * and room); residents are matched by ID number (or, without one, by household and name), so importing the same
 * file again updates people instead of duplicating them. Invalid rows are reported with their row number and
 * reason and the valid rows are still imported. Takes the database, not a transaction: it commits per batch.
 */
export async function importResidents(db: Db, rows: AsyncIterable<SheetRow>, opts: ImportOptions = {}): Promise<ImportReport> {
  const run = new ResidentImport(db, opts.locale ?? 'zh-CN');
  let columns: Partial<Record<Field, number>> | null = null;
  let batch: Candidate[] = [];
  for await (const sheetRow of rows) {
    if (!columns) {
      columns = headerColumns(sheetRow.cells);
      if (!columns && sheetRow.row >= HEADER_SEARCH_ROWS) break;
      if (columns) {
        const missing = REQUIRED.filter((f) => columns![f] === undefined).map((f) => HEADERS[f][0]);
        if (missing.length) throw new AppError('IMPORT_COLUMNS_MISSING', { missing });
      }
      continue;
    }
    const candidate = await run.check(sheetRow, columns);
    if (!candidate) continue;
    batch.push(candidate);
    if (batch.length >= (opts.batchSize ?? 500)) {
      await run.write(batch);
      batch = [];
    }
  }
  if (!columns) throw new AppError('IMPORT_COLUMNS_MISSING', { missing: REQUIRED.map((f) => HEADERS[f][0]) });
  await run.write(batch);
  return run.report;
}

/** The state of one import: its report and caches of what is already in the store, so rows cost no round trips. */
class ResidentImport {
  readonly report: ImportReport = { imported: 0, updated: 0, rejected: [] };
  private readonly grids = new Map<string, Promise<GridLookup>>();
  private readonly compounds = new Map<string, string>();
  private readonly buildings = new Map<string, string>();
  private readonly households = new Map<string, { id: string; grid_id: string; path: string }>();
  private readonly firstRowOfIdNumber = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly locale: Locale,
  ) {}

  /** Validates one row; a refused row is added to the report and yields null. */
  async check(sheetRow: SheetRow, columns: Partial<Record<Field, number>>): Promise<Candidate | null> {
    const cell = (f: Field) => (columns[f] === undefined ? '' : (sheetRow.cells[columns[f]!] ?? '').trim());
    try {
      const name = cell('name');
      if (!name) throw new Refusal('NAME_REQUIRED');
      const genderText = cell('gender');
      const gender = genderText ? GENDERS.get(genderText) : null;
      if (gender === undefined) throw new Refusal('GENDER_INVALID', genderText);
      const data = settlePersonalData({ gender, phone: cell('phone'), idNumber: cell('idNumber') });
      const compound = cell('compound');
      if (!compound) throw new Refusal('ADDRESS_REQUIRED');
      const grid = await this.grid(cell('grid'));
      if (data.idNumber) {
        const first = this.firstRowOfIdNumber.get(data.idNumber);
        if (first !== undefined) throw new Refusal('ID_NUMBER_REPEATED', this.locale === 'en' ? `row ${first}` : `第 ${first} 行`);
        this.firstRowOfIdNumber.set(data.idNumber, sheetRow.row);
      }
      return { row: sheetRow.row, name, data, grid, compound, building: cell('building') || null, room: cell('room') || null };
    } catch (err) {
      const refusal = err instanceof Refusal ? err : err instanceof AppError ? new Refusal(err.code) : null;
      if (!refusal) throw err;
      const message = errorMessage(refusal.code, this.locale);
      const reason = refusal.detail ? `${message}${this.locale === 'en' ? ` (${refusal.detail})` : `（${refusal.detail}）`}` : message;
      this.report.rejected.push({ row: sheetRow.row, code: refusal.code, reason });
      return null;
    }
  }

  /** The grid a cell names, by code or else by name; a name shared by several grids must be given as a code. */
  private async grid(key: string): Promise<OrgNodesTable> {
    if (!key) throw new Refusal('GRID_NOT_FOUND');
    let lookup = this.grids.get(key);
    if (!lookup) {
      lookup = repo.gridsByCodeOrName(this.db, key).then((found): GridLookup => {
        const byCode = found.find((g) => g.code === key);
        if (byCode) return { grid: byCode };
        if (found.length === 1) return { grid: found[0]! };
        return { refusal: found.length ? 'GRID_AMBIGUOUS' : 'GRID_NOT_FOUND' };
      });
      this.grids.set(key, lookup);
    }
    const result = await lookup;
    if ('refusal' in result) throw new Refusal(result.refusal, key);
    return result.grid;
  }

  /** Writes a batch of valid rows in one transaction. */
  async write(batch: Candidate[]): Promise<void> {
    if (batch.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const at = nowIso();
      await this.placeCompounds(trx, batch, at);
      await this.placeBuildings(trx, batch, at);
      const homes = await this.placeHouseholds(trx, batch, at);
      await this.writeResidents(trx, batch, homes, at);
    });
  }

  private async placeCompounds(trx: Db, batch: Candidate[], at: string): Promise<void> {
    const wanted = new Map<string, Candidate>();
    for (const c of batch) {
      const key = `${c.grid.id}\u0000${c.compound}`;
      if (!this.compounds.has(key)) wanted.set(key, c);
    }
    if (wanted.size === 0) return;
    const found = await repo.compoundsNamed(trx, unique([...wanted.values()].map((c) => c.grid.id)), unique([...wanted.values()].map((c) => c.compound)));
    for (const f of found) this.compounds.set(`${f.grid_id}\u0000${f.name}`, f.id);
    const created = [...wanted].filter(([key]) => !this.compounds.has(key)).map(([key, c]) => {
      this.compounds.set(key, newId());
      return { id: this.compounds.get(key)!, grid_id: c.grid.id, path: c.grid.path, name: c.compound, address: null, lng: null, lat: null, created_at: at };
    });
    await repo.insertCompounds(trx, created);
  }

  private async placeBuildings(trx: Db, batch: Candidate[], at: string): Promise<void> {
    const wanted = new Map<string, { compoundId: string; name: string }>();
    for (const c of batch) {
      if (!c.building) continue;
      const compoundId = this.compounds.get(`${c.grid.id}\u0000${c.compound}`)!;
      const key = `${compoundId}\u0000${c.building}`;
      if (!this.buildings.has(key)) wanted.set(key, { compoundId, name: c.building });
    }
    if (wanted.size === 0) return;
    const found = await repo.buildingsNamed(trx, unique([...wanted.values()].map((w) => w.compoundId)), unique([...wanted.values()].map((w) => w.name)));
    for (const f of found) this.buildings.set(`${f.compound_id}\u0000${f.name}`, f.id);
    const created = [...wanted].filter(([key]) => !this.buildings.has(key)).map(([key, w]) => {
      this.buildings.set(key, newId());
      return { id: this.buildings.get(key)!, compound_id: w.compoundId, name: w.name, created_at: at };
    });
    await repo.insertBuildings(trx, created);
  }

  /** Finds or creates each row's household; returns them in batch order. */
  private async placeHouseholds(trx: Db, batch: Candidate[], at: string) {
    const keyOf = (c: Candidate) => `${c.grid.id}\u0000${householdAddress(c.compound, c.building, c.room)}`;
    const wanted = new Map<string, Candidate>();
    for (const c of batch) if (!this.households.has(keyOf(c))) wanted.set(keyOf(c), c);
    if (wanted.size) {
      const addresses = [...wanted.values()].map((c) => householdAddress(c.compound, c.building, c.room));
      const found = await repo.householdsAt(trx, unique([...wanted.values()].map((c) => c.grid.id)), unique(addresses));
      for (const f of found) this.households.set(`${f.grid_id}\u0000${f.address}`, f);
      const created = [...wanted].filter(([key]) => !this.households.has(key)).map(([key, c]) => {
        const compoundId = this.compounds.get(`${c.grid.id}\u0000${c.compound}`)!;
        const row = {
          id: newId(),
          grid_id: c.grid.id,
          path: c.grid.path,
          compound_id: compoundId,
          building_id: c.building ? this.buildings.get(`${compoundId}\u0000${c.building}`)! : null,
          room: c.room,
          address: householdAddress(c.compound, c.building, c.room),
          created_at: at,
          updated_at: at,
        };
        this.households.set(key, row);
        return row;
      });
      await repo.insertHouseholds(trx, created);
    }
    return batch.map((c) => this.households.get(keyOf(c))!);
  }

  private async writeResidents(trx: Db, batch: Candidate[], homes: { id: string; grid_id: string; path: string }[], at: string): Promise<void> {
    const rowOf = (c: Candidate, i: number): ResidentRow => ({
      id: newId(),
      household_id: homes[i]!.id,
      grid_id: homes[i]!.grid_id,
      path: homes[i]!.path,
      name: c.name,
      gender: c.data.gender,
      phone: c.data.phone,
      id_number: c.data.idNumber,
      birth_date: c.data.birthDate,
      is_party_member: 0,
      created_at: at,
      updated_at: at,
    });
    const rows = batch.map(rowOf);
    const withId = rows.filter((r) => r.id_number);
    const registered = await repo.registeredIdNumbers(trx, withId.map((r) => r.id_number!));
    await repo.upsertResidentsByIdNumber(trx, withId);
    this.report.updated += registered.size;
    this.report.imported += withId.length - registered.size;

    const withoutId = rows.filter((r) => !r.id_number);
    if (withoutId.length === 0) return;
    const known = new Map<string, string>();
    for (const r of await repo.residentsOfHouseholds(trx, unique(withoutId.map((r) => r.household_id)))) known.set(`${r.household_id}\u0000${r.name}`, r.id);
    const fresh = new Map<string, ResidentRow>();
    for (const r of withoutId) {
      const key = `${r.household_id}\u0000${r.name}`;
      const id = known.get(key);
      const earlier = id ? fresh.get(id) : undefined;
      if (earlier) {
        // The same person twice in this batch: the later row fills what the earlier one left blank.
        earlier.phone = r.phone ?? earlier.phone;
        earlier.gender = r.gender ?? earlier.gender;
        earlier.birth_date = r.birth_date ?? earlier.birth_date;
        this.report.updated += 1;
      } else if (id) {
        await repo.updateResidentFromSheet(trx, id, { gender: r.gender, phone: r.phone, birth_date: r.birth_date, updated_at: at });
        this.report.updated += 1;
      } else {
        known.set(key, r.id);
        fresh.set(r.id, r);
        this.report.imported += 1;
      }
    }
    await repo.insertResidents(trx, [...fresh.values()]);
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
