import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, at, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';
import { runDeadlines } from '../cases/scheduler.ts';

// Times are UTC; Shanghai is UTC+8. 2026-11-02 is a Monday.
const IN_CST_02 = { lng: 91.121103, lat: 29.6683843 };
const NOW = '2026-11-20T04:00:00Z';

describe('the command screen (指挥大屏) in one read', () => {
  let t: DemoApp;
  const ids: Record<string, string> = {};
  const report = async (payload: object, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers });
    assert.equal(res.statusCode, 201, res.body);
    return body(res).id as string;
  };
  const act = async (id: string, action: string, headers: Record<string, string>, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, payload, headers });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  };
  const screen = async (query: string, headers: Record<string, string>) => at(NOW, () => t.app.inject({ url: `/api/v1/metrics/screen${query}`, headers }));

  before(async () => {
    t = await startDemoApp();
    const { gridworker, gridleader } = t.as;
    // A: resolved in the grid, closed, followed up (solved, satisfied). B: urgent, open and overdue. C: open in another community.
    await at('2026-11-02T01:00:00Z', async () => (ids.A = await report({ description: '路灯坏了', location: IN_CSK_03, category: '0501' })));
    await at('2026-11-02T03:00:00Z', () => act(ids.A!, 'accept', gridworker));
    await at('2026-11-03T03:00:00Z', () => act(ids.A!, 'resolve', gridworker, { result: '已修好' }));
    await at('2026-11-03T05:00:00Z', () => act(ids.A!, 'verify', gridleader, { pass: true }));
    await at('2026-11-04T02:00:00Z', () => act(ids.A!, 'follow-up', gridleader, { method: 'phone', reached: true, contactedInTime: true, solved: true, satisfaction: 'satisfied' }));
    await at('2026-11-05T04:00:00Z', async () => (ids.B = await report({ kind: 'patrol_report', description: '顶楼电线裸露', location: IN_CSK_03, category: '0602' }, gridworker)));
    await at('2026-11-10T05:00:00Z', () => runDeadlines(t.ctx));
    await at('2026-11-19T02:00:00Z', async () => (ids.C = await report({ description: '小区停车难', location: IN_CST_02, category: '0706' })));
  });
  after(() => t.close());

  test('a street admin opens on their street, with the figures exactly as the figures API gives them', async () => {
    const res = await screen('', t.as.street);
    assert.equal(res.statusCode, 200, res.body);
    const s = body(res);
    assert.equal(s.node.code, 'BKJD');
    assert.deepEqual(s.period, { from: '2026-11-01', to: '2026-11-30' });
    const figures = body(await t.app.inject({ url: '/api/v1/metrics/figures?node=BKJD&period=month&date=2026-11', headers: t.as.street }));
    assert.deepEqual(s.figures, figures.figures);
    assert.deepEqual(s.counters, figures.counters);
    assert.equal(s.counters.received, 3);
    assert.deepEqual(s.open, { total: 2, overdue: 1, urgent: 1 });
  });

  test('cases per day cover the 30 days ending today, and cases per major category the period', async () => {
    const s = body(await screen('?node=BKJD', t.as.street));
    assert.equal(s.trend.length, 30);
    assert.equal(s.trend[0].day, '2026-10-22');
    assert.equal(s.trend.at(-1).day, '2026-11-20');
    const day = (d: string) => s.trend.find((x: any) => x.day === d);
    assert.deepEqual(day('2026-11-02'), { day: '2026-11-02', received: 1, resolved: 1, overdue: 0 });
    assert.deepEqual(day('2026-11-05'), { day: '2026-11-05', received: 1, resolved: 0, overdue: 1 });
    assert.equal(s.trend.reduce((n: number, x: any) => n + x.received, 0), 3);
    assert.deepEqual(s.categories.map((c: any) => [c.code, c.received]), [['05', 1], ['06', 1], ['07', 1]]);
    assert.ok(s.categories.every((c: any) => typeof c.label === 'string' && c.label.length > 0));
  });

  test('each community and grid carries its figures for the period and its open load now', async () => {
    const s = body(await screen('?node=BKJD', t.as.street));
    const csk = s.communities.find((c: any) => c.code === 'CSK');
    const cst = s.communities.find((c: any) => c.code === 'CST');
    assert.equal(csk.counters.received, 2);
    assert.equal(csk.figures.solved_rate, 1);
    assert.equal(csk.figures.in_grid_resolution, 1);
    assert.equal(csk.open, 1);
    assert.equal(csk.openOverdue, 1);
    assert.equal(cst.open, 1);
    assert.equal(cst.figures.solved_rate, null);
    const grid = s.grids.find((g: any) => g.code === 'CSK-03');
    assert.deepEqual([grid.community, grid.counters.received, grid.open, grid.openOverdue], [{ code: 'CSK', name: '冲赛康社区' }, 2, 1, 1]);
    const cskFigures = body(await t.app.inject({ url: '/api/v1/metrics/figures?node=CSK&period=month&date=2026-11', headers: t.as.street }));
    assert.deepEqual(csk.figures, Object.fromEntries(cskFigures.figures.map((f: any) => [f.code, f.value])));
    assert.equal(s.grids.filter((g: any) => g.code.startsWith('JC-')).length, 0, 'only grids under the node');
  });

  test('the open cases for the map and the newest cases, without personal data', async () => {
    const s = body(await screen('?node=BKJD', t.as.street));
    assert.deepEqual(s.openCases.map((c: any) => c.id), [ids.C, ids.B]);
    const b = s.openCases[1];
    assert.deepEqual([b.urgent, b.overdue, b.family, b.grid.code, b.grid.community], [true, true, 'open', 'CSK-03', '冲赛康社区']);
    assert.equal(typeof b.location.lng, 'number');
    assert.deepEqual(b.category, { code: '0602', major: '突发事件与安全隐患', name: '电线裸露与用电隐患' });
    assert.deepEqual(s.latest.map((c: any) => c.id), [ids.C, ids.B, ids.A]);
    assert.equal(s.latest[2].stateLabel, '已结案');
    assert.ok(!('reporter' in s.latest[0]) && !('description' in s.latest[0]));
  });

  test('an account granted everywhere opens on the first root; a grid leader on their grid', async () => {
    assert.equal(body(await screen('', t.as.admin)).node.code, '540102');
    const g = body(await screen('', t.as.gridleader));
    assert.equal(g.node.code, 'CSK-03');
    assert.deepEqual(g.latest.map((c: any) => c.id), [ids.B, ids.A]);
  });

  test('a node outside the caller\'s reach answers 404; nobody signed in answers 401', async () => {
    assert.equal((await screen('?node=CST', t.as.gridleader)).statusCode, 404);
    assert.equal((await screen('?node=BKJD', t.as.community)).statusCode, 404);
    assert.equal((await screen('?node=NOPE', t.as.street)).statusCode, 404);
    assert.equal((await screen('', t.as.resident)).statusCode, 404);
    assert.equal((await screen('', {})).statusCode, 401);
    assert.equal((await screen('?node=BKJD', {})).statusCode, 401);
    assert.equal((await screen('?node=BKJD&period=month&date=2026-13', t.as.street)).statusCode, 400);
  });
});
