import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { actorFromSession } from '../auth/auth.service.ts';
import { category } from '../cases/taxonomy.ts';
import { writeCaseLedger, zipInputsOf } from './case-ledger.ts';
import { planCaseLedger } from './ledgers.service.ts';

const HEADERS_ZH = ['案件编号', '类型', '来源渠道', '性质', '大类', '小类', '等级', '状态', '标题', '问题描述', '地址', '网格', '社区', '处置层级', '处理人', '上报时间', '响应时限', '办结时限', '签收时间', '办结时间', '结案时间', '是否超期', '返工次数', '反映人数', '办理结果'];
const REPORTER_PHONE = '13800138000';
const PHONE_IN_TEXT = '13912345678';
const REPORTER_NAME = '格桑卓玛';

async function workbookOf(payload: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as any);
  return wb;
}

/** Every row of a sheet as plain values (1-based columns dropped to a 0-based array). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const fileNameOf = (res: LightMyRequestResponse) => {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  return m ? decodeURIComponent(m[1]!) : null;
};

describe('Excel ledgers: the case ledger and the figures table', () => {
  let t: DemoApp;
  let closedNumber: string;
  let elsewhereId: string;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const report = async (payload: object, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers });
    assert.equal(res.statusCode, 201, res.body);
    return body(res);
  };
  const act = async (id: string, action: string, headers: Record<string, string>, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, payload, headers });
    assert.equal(res.statusCode, 200, res.body);
  };
  const listTotal = async (query: string, headers: Record<string, string>) => body(await get(`/api/v1/cases?pageSize=1${query}`, headers)).total as number;

  before(async () => {
    t = await startDemoApp();
    const lamp = await report({ description: `西嘎奴大院门口的路灯坏了，请打${PHONE_IN_TEXT}联系我`, location: IN_CSK_03, category: '0501', reporter: { name: REPORTER_NAME, phone: REPORTER_PHONE } });
    // The number straddles the 40th character, where intake cuts the title.
    await report({ description: `我是${REPORTER_NAME}，垃圾桶满了没人清，臭味很大，影响生活，麻烦尽快处理，电话${PHONE_IN_TEXT}`, location: IN_CSK_03, category: '0101', reporter: { name: REPORTER_NAME } });
    await report({ kind: 'patrol_report', description: '巷子路面塌陷，雨天积水', location: IN_CSK_03, category: '0502', grade: 'urgent' }, t.as.gridworker);
    await act(lamp.id, 'accept', t.as.gridworker);
    await act(lamp.id, 'resolve', t.as.gridworker, { result: '已更换灯泡' });
    await act(lamp.id, 'verify', t.as.gridleader, { pass: true });
    closedNumber = lamp.number;
    // A case in another community, outside the community worker's scope.
    const grid = await t.db.selectFrom('org_nodes').select(['centroid_lng', 'centroid_lat']).where('kind', '=', 'grid').where('code', 'like', 'CST%').orderBy('code').executeTakeFirstOrThrow();
    elsewhereId = (await report({ description: '小区门口有人乱倒建筑垃圾', location: { lng: grid.centroid_lng!, lat: grid.centroid_lat! }, category: '0101' })).id;
  });
  after(() => t.close());

  test('a community worker downloads the case ledger of their community: headers, one row per case in scope, labels and local times', async () => {
    const res = await get('/api/v1/ledgers/cases.xlsx', t.as.community);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="case-ledger_CSK_\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E6%A1%88/);
    assert.equal(fileNameOf(res), `案件台账_冲赛康社区_${localDate(now())}.xlsx`);

    const ws = (await workbookOf(res.rawPayload)).getWorksheet('案件台账')!;
    const rows = rowsOf(ws);
    assert.deepEqual(rows[0], HEADERS_ZH);
    const inScope = await listTotal('', t.as.community);
    assert.equal(inScope, 3);
    assert.equal(rows.length - 1, inScope);
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.equal((ws.views[0] as any).ySplit, 1);
    assert.ok(ws.autoFilter, 'the header row has an auto-filter');
    assert.ok(ws.getColumn(10).width! >= 30, 'the description column is wide');

    const closed = ws.getRow(rows.findIndex((r) => r[0] === closedNumber) + 1);
    const cell = (header: string) => closed.getCell(HEADERS_ZH.indexOf(header) + 1);
    assert.equal(cell('小类').value, category('0501')!.zh);
    assert.equal(cell('大类').value, category('0501')!.majorZh);
    assert.equal(cell('状态').value, '已结案');
    assert.equal(cell('网格').value, '第三网格');
    assert.equal(cell('社区').value, '冲赛康社区');
    assert.equal(cell('是否超期').value, '否');
    assert.equal(cell('返工次数').value, 0);
    assert.equal(cell('反映人数').value, 1);
    assert.equal(cell('办理结果').value, '已更换灯泡');
    const row = await t.db.selectFrom('cases').selectAll().where('number', '=', closedNumber).executeTakeFirstOrThrow();
    const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);
    assert.ok(cell('上报时间').value instanceof Date);
    assert.equal((cell('上报时间').value as Date).toISOString().slice(0, 16), shanghai(row.reported_at), 'times show 北京时间');
    assert.equal((cell('办结时间').value as Date).toISOString().slice(0, 16), shanghai(row.resolved_at!));
    assert.equal(cell('上报时间').numFmt, 'yyyy-mm-dd hh:mm');
    const patrol = rows.find((r) => r[5] === category('0502')!.zh)!;
    assert.deepEqual([patrol[1], patrol[2], patrol[6]], ['巡查上报', '巡查发现', '紧急']);
  });

  test('the ledger carries no reporter name or phone, not even one typed into the description', async () => {
    const res = await get('/api/v1/ledgers/cases.xlsx', t.as.admin);
    const wb = await workbookOf(res.rawPayload);
    const everything = wb.worksheets.flatMap((ws) => rowsOf(ws).flat().map((v) => String(v ?? ''))).join('\n');
    assert.ok(everything.includes('西嘎奴大院门口的路灯坏了'));
    for (const secret of [REPORTER_PHONE, PHONE_IN_TEXT, REPORTER_NAME, PHONE_IN_TEXT.slice(0, 4)]) assert.ok(!everything.includes(secret), `${secret} is not in the ledger`);
    assert.ok(everything.includes('我是格*'), 'the reporter\'s name typed into the text is masked');
    assert.ok(everything.includes('139****5678'), 'a phone typed into the text is masked');
    assert.ok(everything.includes('麻烦尽快处理，电话139**\n'), 'a title cut through a phone number is masked too');
  });

  test('the ledger holds what the case list holds under the same filters', async () => {
    const cases = [['&category=0501', 'community', 1], ['&family=open', 'community', 2], ['&node=CSK-03', 'gridleader', 3], ['&category=01', 'admin', 2], ['&q=路灯', 'admin', 1], ['&channel=patrol', 'street', 1], ['&mine=true', 'gridworker', 3]] as const;
    for (const [query, who, expected] of cases) {
      const res = await get(`/api/v1/ledgers/cases.xlsx?${query.slice(1)}`, t.as[who]);
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
      const ws = (await workbookOf(res.rawPayload)).worksheets[0]!;
      assert.equal(rowsOf(ws).length - 1, await listTotal(query, t.as[who]), query);
      assert.equal(rowsOf(ws).length - 1, expected, query);
    }
    const all = await get('/api/v1/ledgers/cases.xlsx', t.as.admin);
    assert.equal(rowsOf((await workbookOf(all.rawPayload)).worksheets[0]!).length - 1, 4, 'the admin sees both communities');
    assert.equal(fileNameOf(all), `案件台账_全部_${localDate(now())}.xlsx`);
  });

  test('pages follow one another without gaps or repeats (keyset on reporting time and id)', async () => {
    const plan = await planCaseLedger(t.ctx, await actorFromSession(t.db, t.as.admin!.authorization!.slice('Bearer '.length)), {}, 'zh-CN');
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    const written = await writeCaseLedger(t.db, plan.filter, out, { locale: 'zh-CN', pageSize: 1 });
    await done;
    assert.equal(written, 4);
    const numbers = rowsOf((await workbookOf(Buffer.concat(chunks))).worksheets[0]!).slice(1).map((r) => r[0]);
    const expected = (await t.db.selectFrom('cases').select('number').orderBy('reported_at').orderBy('id').execute()).map((r) => r.number);
    assert.deepEqual(numbers, expected);
  });

  test('a download cut short stops the export instead of leaving it waiting', async () => {
    const plan = await planCaseLedger(t.ctx, await actorFromSession(t.db, t.as.admin!.authorization!.slice('Bearer '.length)), {}, 'zh-CN');
    const out = new PassThrough();
    out.once('data', () => out.destroy());
    const written = await writeCaseLedger(t.db, plan.filter, out, { locale: 'zh-CN', pageSize: 1 });
    assert.ok(written < 4, `stopped after ${written} cases`);
  });

  test('ExcelJS still hands a streamed sheet to the zip through a stream the export can wait on', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const inputs = zipInputsOf(workbook.addWorksheet('x'));
    assert.equal(inputs.length, 1, 'if this fails after an ExcelJS upgrade, the export no longer heeds backpressure');
    assert.equal(typeof inputs[0]!.once, 'function');
    assert.equal(typeof (inputs[0]!.writableNeedDrain ?? (inputs[0] as any)._writableState?.needDrain), 'boolean');
  });

  test('English headers and labels with Accept-Language: en', async () => {
    const res = await get('/api/v1/ledgers/cases.xlsx', { ...t.as.community, 'accept-language': 'en' });
    const ws = (await workbookOf(res.rawPayload)).getWorksheet('Cases')!;
    const rows = rowsOf(ws);
    assert.deepEqual(rows[0]!.slice(0, 8), ['Case number', 'Kind', 'Channel', 'Nature', 'Major category', 'Minor category', 'Grade', 'State']);
    assert.equal(rows[0]!.length, HEADERS_ZH.length);
    const closed = rows.find((r) => r[0] === closedNumber)!;
    assert.equal(closed[5], category('0501')!.en);
    assert.equal(closed[7], 'closed');
    assert.match(fileNameOf(res)!, /^case-ledger_冲赛康社区_\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  test('residents and anonymous callers are refused; a node outside the scope is not found', async () => {
    assert.equal((await get('/api/v1/ledgers/cases.xlsx')).statusCode, 401);
    assert.equal((await get('/api/v1/ledgers/cases.xlsx', t.as.resident)).statusCode, 403);
    const elsewhere = await t.db.selectFrom('cases').select('community_id').where('id', '=', elsewhereId).executeTakeFirstOrThrow();
    const community = await t.db.selectFrom('org_nodes').select('code').where('id', '=', elsewhere.community_id!).executeTakeFirstOrThrow();
    assert.equal(community.code, 'CST');
    const out = await get('/api/v1/ledgers/cases.xlsx?node=CST', t.as.community);
    assert.equal(out.statusCode, 404);
    assert.equal(body(out).error.code, 'ORG_NODE_NOT_FOUND');
    assert.equal((await get('/api/v1/ledgers/cases.xlsx?node=NO-SUCH-NODE', t.as.community)).statusCode, 404);
    assert.equal((await get('/api/v1/ledgers/cases.xlsx?node=CSK-01', t.as.gridworker)).statusCode, 404, 'a neighbouring grid is out of a grid worker\'s scope');
  });

  test('the figures table equals GET /api/v1/metrics/figures, with a title row and rates as percentages', async () => {
    const json = body(await get('/api/v1/metrics/figures?node=CSK&period=month', t.as.community));
    const res = await get('/api/v1/ledgers/figures.xlsx?node=CSK&period=month', t.as.community);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(fileNameOf(res), `考核指标表_冲赛康社区_${json.period.from}_${json.period.to}.xlsx`);
    const wb = await workbookOf(res.rawPayload);
    assert.equal(wb.worksheets.length, 1);
    const ws = wb.getWorksheet('考核指标')!;
    const rows = rowsOf(ws);
    assert.match(String(rows[0]![0]), new RegExp(`^冲赛康社区 考核指标表（${json.period.from} 至 ${json.period.to}）$`));
    assert.deepEqual(rows[1], ['指标', '数值', '计算口径']);
    assert.equal(rows.length - 2, json.figures.length);
    json.figures.forEach((f: any, i: number) => {
      const row = ws.getRow(i + 3);
      assert.equal(row.getCell(1).value, f.label);
      assert.equal(row.getCell(2).value ?? null, f.value, f.code);
      assert.equal(row.getCell(3).value, f.formula);
      assert.equal(row.getCell(2).numFmt, { rate: '0.00%', hours: '0.00', count: '0' }[f.unit as string]);
    });
    const received = json.figures.find((f: any) => f.code === 'received');
    assert.equal(received.value, 3);
    assert.equal(json.figures.find((f: any) => f.code === 'closure_rate').value, 0.3333);
  });

  test('with by=category the figures table gets a breakdown sheet: one row per category, one column per figure', async () => {
    const json = body(await get('/api/v1/metrics/figures?node=CSK&by=category', { ...t.as.community, 'accept-language': 'en' }));
    const res = await get('/api/v1/ledgers/figures.xlsx?node=CSK&by=category', { ...t.as.community, 'accept-language': 'en' });
    const wb = await workbookOf(res.rawPayload);
    assert.equal(wb.worksheets.length, 2);
    assert.deepEqual(rowsOf(wb.worksheets[0]!)[1], ['Figure', 'Value', 'Definition']);
    const rows = rowsOf(wb.worksheets[1]!);
    assert.deepEqual(rows[1], ['Code', 'Category', ...json.figures.map((f: any) => f.label)]);
    assert.equal(rows.length - 2, json.breakdown.length);
    assert.equal(json.breakdown.length, 3);
    for (const [i, b] of json.breakdown.entries()) {
      const row = wb.worksheets[1]!.getRow(i + 3);
      assert.equal(row.getCell(1).value, b.key);
      assert.equal(row.getCell(2).value, category(b.key)!.en);
      b.figures.forEach((f: any, j: number) => assert.equal(row.getCell(3 + j).value ?? null, f.value, `${b.key} ${f.code}`));
    }
  });

  test('the figures table is for staff in scope only', async () => {
    assert.equal((await get('/api/v1/ledgers/figures.xlsx?node=CSK')).statusCode, 401);
    assert.equal((await get('/api/v1/ledgers/figures.xlsx?node=CSK', t.as.resident)).statusCode, 403);
    assert.equal((await get('/api/v1/ledgers/figures.xlsx?node=CST', t.as.community)).statusCode, 404);
    assert.equal((await get('/api/v1/ledgers/figures.xlsx?node=CSK&period=month&date=2026-13', t.as.community)).statusCode, 400);
  });
});

