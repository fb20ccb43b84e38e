import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { importResidentsFile } from '../../../cli/commands/import-residents.ts';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createCommunity, createHousehold, makeIdNumber, type OrgNode } from '../../../../test/support/factories.ts';

let t: TestApp;
let g1: OrgNode;
let g2: OrgNode;
const dir = mkdtempSync(join(tmpdir(), 'lianxin-import-'));

const A = makeIdNumber({ birthDate: '1960-02-29', gender: 'male', serial: 1 });
const B = makeIdNumber({ birthDate: '1988-08-08', gender: 'female', serial: 2 });
const C = makeIdNumber({ birthDate: '2001-12-31', gender: 'male', serial: 3 });
const BAD_CHECK = A.slice(0, 17) + (A[17] === '0' ? '1' : '0');

before(async () => {
  t = await startTestApp();
  const place = await createCommunity(t.db, { code: 'CSK', name: '冲赛康社区', grids: 2 });
  [g1, g2] = place.grids as [OrgNode, OrgNode];
});

function csv(name: string, lines: string[]): string {
  const file = join(dir, name);
  // A UTF-8 BOM, as Excel writes "CSV UTF-8".
  writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
  return file;
}

const HEADER = '姓名,性别,手机号,身份证号,住址,楼栋,房号,网格';
const register = [
  HEADER,
  `次仁,男,13800138000,${A},冲赛康大院,1栋,101,CSK-G1`, // row 2
  `卓玛,,13900139000,${B},冲赛康大院,1栋,101,CSK-G1`, // row 3: same household, gender from ID
  `格桑,,,,冲赛康大院,2栋,201,第1网格`, // row 4: no ID number, grid by name
  `,男,13800000000,,冲赛康大院,1栋,102,CSK-G1`, // row 5: no name
  `扎西,男,1380013800,,冲赛康大院,1栋,102,CSK-G1`, // row 6: bad phone
  `拉姆,女,,${BAD_CHECK},冲赛康大院,1栋,103,CSK-G1`, // row 7: bad check character
  `央金,女,,${C},冲赛康大院,1栋,104,CSK-G1`, // row 8: gender contradicts the ID number
  `多吉,男,,,冲赛康大院,1栋,105,CSK-G9`, // row 9: no such grid
  `次仁 的弟弟,男,,${A},冲赛康大院,1栋,106,CSK-G1`, // row 10: ID number already used on row 2
  `达瓦,未知,,,冲赛康大院,1栋,107,CSK-G1`, // row 11: gender not 男/女
  '',
  `平措,男,,${C},八廓街12号,,,CSK-G2`, // row 13, after an empty row: no building or room
];

test('a CSV register imports its valid rows and reports the others by row number', async () => {
  const report = await importResidentsFile(t.ctx.database, csv('register.csv', register), { batchSize: 2 });
  assert.deepEqual(
    report.rejected.map((r) => [r.row, r.code]),
    [
      [5, 'NAME_REQUIRED'],
      [6, 'PHONE_INVALID'],
      [7, 'ID_NUMBER_INVALID'],
      [8, 'ID_NUMBER_MISMATCH'],
      [9, 'GRID_NOT_FOUND'],
      [10, 'ID_NUMBER_REPEATED'],
      [11, 'GENDER_INVALID'],
    ],
  );
  assert.equal(report.rejected[0]!.reason, '姓名不能为空。');
  assert.equal(report.rejected[4]!.reason, '未找到该网格。（CSK-G9）');
  assert.equal(report.rejected[5]!.reason, '该身份证号在文件中重复出现。（第 2 行）');
  assert.equal(report.imported, 4);
  assert.equal(report.updated, 0);

  const residents = await t.db.selectFrom('residents').innerJoin('households', 'households.id', 'residents.household_id').selectAll('residents').select('households.address').orderBy('residents.name').execute();
  assert.deepEqual(residents.map((r) => r.name).sort(), ['卓玛', '平措', '格桑', '次仁'].sort());
  const tsering = residents.find((r) => r.name === '次仁')!;
  assert.equal(tsering.id_number, A);
  assert.equal(tsering.phone, '13800138000');
  assert.equal(tsering.gender, 'male');
  assert.equal(tsering.birth_date, '1960-02-29');
  assert.equal(tsering.address, '冲赛康大院 1栋 101');
  assert.equal(tsering.path, g1.path);
  const drolma = residents.find((r) => r.name === '卓玛')!;
  assert.equal(drolma.gender, 'female');
  assert.equal(drolma.household_id, tsering.household_id, 'one household for the same address');
  assert.equal(residents.find((r) => r.name === '格桑')!.address, '冲赛康大院 2栋 201');
  const phuntsok = residents.find((r) => r.name === '平措')!;
  assert.equal(phuntsok.address, '八廓街12号');
  assert.equal(phuntsok.grid_id, g2.id);

  const compounds = await t.db.selectFrom('compounds').selectAll().orderBy('name').execute();
  assert.deepEqual(compounds.map((c) => [c.name, c.grid_id]).sort(), [['八廓街12号', g2.id], ['冲赛康大院', g1.id]].sort());
  const buildings = await t.db.selectFrom('buildings').select('name').orderBy('name').execute();
  assert.deepEqual(buildings.map((b) => b.name), ['1栋', '2栋']);
  assert.equal((await t.db.selectFrom('households').select('id').execute()).length, 3);
});

test('importing again updates people instead of duplicating them; a blank phone keeps the one on record', async () => {
  const changed = register.map((line) => line.replace('13900139000', '13911112222').replace('次仁,男,13800138000', '次仁,男,'));
  const report = await importResidentsFile(t.ctx.database, csv('register-again.csv', changed));
  assert.equal(report.imported, 0);
  assert.equal(report.updated, 4);
  assert.equal(report.rejected.length, 7);
  assert.equal((await t.db.selectFrom('residents').select('id').execute()).length, 4);
  assert.equal((await t.db.selectFrom('households').select('id').execute()).length, 3);
  assert.equal((await t.db.selectFrom('compounds').select('id').execute()).length, 2);
  const byName = async (name: string) => t.db.selectFrom('residents').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  assert.equal((await byName('卓玛')).phone, '13911112222');
  assert.equal((await byName('次仁')).phone, '13800138000');
});

test('a resident who moved is moved, and a household registered by hand is found by its address', async () => {
  const manual = await createHousehold(t.db, { grid: g2, address: '新村 3栋 5' });
  const report = await importResidentsFile(t.ctx.database, csv('moved.csv', [HEADER, `卓玛,女,,${B},新村,3栋,5,CSK-G2`]));
  assert.deepEqual(report, { imported: 0, updated: 1, rejected: [] });
  const drolma = await t.db.selectFrom('residents').selectAll().where('id_number', '=', B).executeTakeFirstOrThrow();
  assert.equal(drolma.household_id, manual.id);
  assert.equal(drolma.grid_id, g2.id);
  assert.equal(drolma.path, g2.path);
});

test('an XLSX register with a title row, the header "住址/大院" and numeric cells imports through the streaming reader', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人口台账');
  sheet.addRow(['2024年冲赛康社区人口台账']);
  sheet.addRow(['姓名', '性别', '手机号', '身份证号', '住址/大院', '楼栋', '房号', '网格']);
  sheet.addRow(['尼玛', '男', 13712345678, makeIdNumber({ birthDate: '1975-05-05', gender: 'male', serial: 5 }), '幸福大院', '3栋', 301, 'CSK-G2']);
  sheet.addRow([{ richText: [{ text: '白' }, { text: '玛' }] }, '女', '', '', '幸福大院', '3栋', 302, '第2网格']);
  sheet.addRow(['边巴', '男', '12345', '', '幸福大院', '3栋', 303, 'CSK-G2']);
  workbook.addWorksheet('说明').addRow(['姓名', '这一页不导入']);
  const file = join(dir, 'register.xlsx');
  await workbook.xlsx.writeFile(file);

  const report = await importResidentsFile(t.ctx.database, file, { locale: 'en' });
  assert.equal(report.imported, 2);
  assert.deepEqual(report.rejected, [{ row: 5, code: 'PHONE_INVALID', reason: 'The mobile number is not valid.' }]);
  const nyima = await t.db.selectFrom('residents').innerJoin('households', 'households.id', 'residents.household_id').select(['residents.phone', 'households.address', 'households.room']).where('residents.name', '=', '尼玛').executeTakeFirstOrThrow();
  assert.deepEqual(nyima, { phone: '13712345678', address: '幸福大院 3栋 301', room: '301' });
  assert.ok(await t.db.selectFrom('residents').select('id').where('name', '=', '白玛').executeTakeFirst(), 'rich text is read as its text');
});

test('a GB18030 CSV (Excel on Chinese Windows) is decoded', async () => {
  // 姓名,性别,手机号,身份证号,住址,楼栋,房号,网格 / 格桑,男,13600001111,,冲赛康大院,1栋,101,GB-G1 — encoded in GB18030.
  const bytes = Buffer.from(
    'd0d5c3fb2cd0d4b1f02ccad6bbfabac52cc9edb7ddd6a4bac52cd7a1d6b72cc2a5b6b02cb7bfbac52ccdf8b8f10ab8f1c9a32cc4d02c31333630303030313131312c2cb3e5c8fcbfb5b4f3d4ba2c31b6b02c3130312c47422d47310a',
    'hex',
  );
  const file = join(dir, 'gbk.csv');
  writeFileSync(file, bytes);
  const report = await importResidentsFile(t.ctx.database, file);
  assert.deepEqual(report.rejected.map((r) => r.code), ['GRID_NOT_FOUND']);
  assert.equal(report.rejected[0]!.row, 2);
  assert.equal(report.rejected[0]!.reason, '未找到该网格。（GB-G1）');
});

test('a file without the required columns, or of another type, is refused and nothing is written', async () => {
  const before = (await t.db.selectFrom('residents').select('id').execute()).length;
  await assert.rejects(importResidentsFile(t.ctx.database, csv('no-grid.csv', ['姓名,手机号', '次仁,13800138000'])), (err: any) => {
    assert.equal(err.code, 'IMPORT_COLUMNS_MISSING');
    assert.deepEqual(err.details.missing, ['住址/大院', '网格']);
    return true;
  });
  await assert.rejects(importResidentsFile(t.ctx.database, csv('nothing.csv', ['a,b', '1,2'])), { code: 'IMPORT_COLUMNS_MISSING' });
  const json = join(dir, 'register.json');
  writeFileSync(json, '[]');
  await assert.rejects(importResidentsFile(t.ctx.database, json), { code: 'IMPORT_FILE_UNSUPPORTED' });
  assert.equal((await t.db.selectFrom('residents').select('id').execute()).length, before);
});
