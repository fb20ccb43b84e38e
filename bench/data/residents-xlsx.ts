/**
 * A population register (人口台账) as community offices keep it in Excel, for the import benchmark: a title
 * row, then the columns the importer (`lianxin import residents`) reads — 姓名、性别、手机号、身份证号、
 * 住址/大院、楼栋、房号、网格 — one row per resident, whole households together, in the city's grids
 * (named by grid code, as a register exported from the system names them). People come from the demo's
 * generator: Tibetan and Han names, households of believable ages, unique mobile numbers and 18-digit ID
 * numbers whose check character is right (GB 11643). Written with exceljs' streaming writer, so 100,000
 * rows need little memory.
 */
import ExcelJS from 'exceljs';
import { householdMembers, type Taken } from '../../src/server/demo/demo.people.ts';
import { randomStream } from '../../src/server/demo/demo.random.ts';
import { isValidIdNumber } from '../../src/server/platform/privacy.ts';
import { type BenchGrid, type Geography, gridWeights } from './geography.ts';
import { weightedPicker } from './random.ts';

const HEADER = ['姓名', '性别', '手机号', '身份证号', '住址/大院', '楼栋', '房号', '网格'];
const COMPOUND_KINDS = ['大院', '小区', '新村', '家属院'];
const BUILDINGS_PER_COMPOUND = 6;
const HOMES_PER_BUILDING = 36;

interface Compound {
  name: string;
  homes: number;
}

/** Writes `count` residents of `geo`'s grids to an .xlsx file at `file`. */
export async function writeResidentsXlsx(file: string, geo: Geography, count: number): Promise<void> {
  const random = randomStream(`bench-residents-${count}`);
  const taken: Taken = { idNumbers: new Set(), phones: new Set() };
  const pickGrid = weightedPicker(gridWeights(geo));
  // A few compounds per grid, named after the street with a number unique in the city.
  const compounds = new Map<BenchGrid, Compound[]>();
  const compoundsOf = (grid: BenchGrid) => {
    let list = compounds.get(grid);
    if (!list) {
      list = Array.from({ length: random.int(2, 5) }, (_, i) => ({ name: `${grid.street.name.replace(/街道$/, '')}${grid.index * 5 + i + 1}号${random.pick(COMPOUND_KINDS)}`, homes: 0 }));
      compounds.set(grid, list);
    }
    return list;
  };

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('人口台账');
  sheet.addRow([`${geo.district.name}人口台账（${count} 人，基准测试生成）`]).commit();
  sheet.addRow(HEADER).commit();
  let written = 0;
  while (written < count) {
    const grid = geo.grids[pickGrid(random.next())]!;
    const compound = random.pick(compoundsOf(grid));
    const home = compound.homes++;
    const building = `${(home % BUILDINGS_PER_COMPOUND) + 1}栋`;
    const n = Math.floor(home / BUILDINGS_PER_COMPOUND);
    const room = `${Math.floor(n / HOMES_PER_BUILDING) + 1}单元${Math.floor((n % HOMES_PER_BUILDING) / 4) + 1}0${(n % 4) + 1}`;
    // The last household is as large as the rows left allow.
    const members = householdMembers(random, taken, random.chance(0.7)).slice(0, count - written);
    for (const m of members) {
      if (!isValidIdNumber(m.idNumber)) throw new Error(`generated an invalid ID number ${m.idNumber}`);
      sheet.addRow([m.name, m.gender === 'male' ? '男' : '女', m.phone ?? '', m.idNumber, compound.name, building, room, grid.code]).commit();
    }
    written += members.length;
  }
  sheet.commit();
  await workbook.commit();
}
