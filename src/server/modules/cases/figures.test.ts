import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, at, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';
import { runDeadlines } from './scheduler.ts';

// Times are UTC; Shanghai is UTC+8. 2026-11-02 is a Monday and every day of that week is a working day.
describe('figures against a hand-computed fixture', () => {
  let t: DemoApp;
  const ids: Record<string, string> = {};
  const report = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers });
  const act = async (id: string, action: string, headers: Record<string, string>, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, payload, headers });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    return body(res);
  };

  before(async () => {
    t = await startDemoApp();
    const { gridworker, gridleader, community } = t.as;
    // A: accepted and resolved on time in the grid, closed, followed up: satisfied.
    await at('2026-11-02T01:00:00Z', async () => (ids.A = body(await report({ description: '路灯坏了', location: IN_CSK_03, category: '0501' })).id));
    await at('2026-11-02T03:00:00Z', () => act(ids.A!, 'accept', gridworker));
    await at('2026-11-03T03:00:00Z', () => act(ids.A!, 'resolve', gridworker, { result: '已修好' }));
    await at('2026-11-03T05:00:00Z', () => act(ids.A!, 'verify', gridleader, { pass: true }));
    await at('2026-11-04T02:00:00Z', () => act(ids.A!, 'follow-up', gridleader, { method: 'phone', reached: true, contactedInTime: true, solved: true, satisfaction: 'satisfied' }));
    await at('2026-11-04T03:00:00Z', () => act(ids.A!, 'follow-up', gridleader, { method: 'phone', reached: false }));
    // B: accepted late, escalated, resolved late at the community, closed; basically satisfied, not contacted in time.
    await at('2026-11-02T02:00:00Z', async () => (ids.B = body(await report({ description: '另一处路灯坏了', location: IN_CSK_03, category: '0501' })).id));
    await at('2026-11-04T02:00:00Z', () => act(ids.B!, 'accept', gridworker));
    await at('2026-11-04T03:00:00Z', () => act(ids.B!, 'escalate', gridworker, { reason: '需要社区协调' }));
    await at('2026-11-04T04:00:00Z', () => act(ids.B!, 'accept', community));
    await at('2026-11-12T04:00:00Z', () => act(ids.B!, 'resolve', community, { result: '已修好' }));
    await at('2026-11-12T06:00:00Z', () => act(ids.B!, 'verify', gridleader, { pass: true }));
    await at('2026-11-13T02:00:00Z', () => act(ids.B!, 'follow-up', gridleader, { method: 'visit', reached: true, contactedInTime: false, solved: true, satisfaction: 'basically_satisfied' }));
    // C: found on patrol, urgent, still open and overdue.
    await at('2026-11-02T04:00:00Z', async () => (ids.C = body(await report({ kind: 'patrol_report', description: '顶楼电线裸露', location: IN_CSK_03, category: '0602' }, gridworker)).id));
    await at('2026-11-03T05:00:00Z', () => runDeadlines(t.ctx));
    // D: rejected. E: merged into C. F: suspended.
    await at('2026-11-02T05:00:00Z', async () => (ids.D = body(await report({ description: '测试测试', location: IN_CSK_03, category: '9999' })).id));
    await at('2026-11-02T05:10:00Z', async () => {
      const d = await t.db.selectFrom('cases').select('state').where('id', '=', ids.D!).executeTakeFirstOrThrow();
      if (d.state === 'dispatched') await act(ids.D!, 'return', gridworker, { reason: '不是问题' });
      await act(ids.D!, 'reject', gridleader, { reason: '无效信息' });
    });
    await at('2026-11-02T06:00:00Z', async () => (ids.E = body(await report({ description: '顶楼电线裸露很危险', location: IN_CSK_03, category: '0602' })).id));
    await at('2026-11-02T06:10:00Z', () => act(ids.E!, 'merge', gridleader, { into: ids.C! }));
    await at('2026-11-02T07:00:00Z', async () => (ids.F = body(await report({ description: '小区停车难', location: IN_CSK_03, category: '0706' })).id));
    await at('2026-11-02T08:00:00Z', () => act(ids.F!, 'accept', gridworker));
    await at('2026-11-02T09:00:00Z', () => act(ids.F!, 'suspend', gridworker, { reason: '等待业委会决定' }));
  });
  after(() => t.close());

  test('every figure for the community and the month is what the definitions give', async () => {
    const res = await t.app.inject({ url: '/api/v1/metrics/figures?node=CSK&period=month&date=2026-11', headers: t.as.community });
    assert.equal(res.statusCode, 200, res.body);
    const f = Object.fromEntries(body(res).figures.map((x: any) => [x.code, x.value]));
    const hoursA = 26; // 2026-11-02T01:00 → 11-03T03:00
    const hoursB = 242; // 2026-11-02T02:00 → 11-12T04:00
    assert.deepEqual(f, {
      received: 4, // A, B, C, F (D rejected and E merged are left out)
      proactive_rate: 0.25, // C
      repeat_rate: 0.2, // E merged / (4 + 1)
      on_time_acceptance: 0.6667, // A and F on time, B late
      closure_rate: 0.5, // A, B
      on_time_resolution: 0.3333, // A / (4 − 1 suspended)
      overdue_rate: 0.5, // B resolved late, C open past its deadline
      rework_rate: 0,
      in_grid_resolution: 0.5, // A at tier 1, B at tier 2
      mean_handling_hours: (hoursA + hoursB) / 2,
      response_rate: 0.5, // valid follow-ups A, B; contacted in time: A
      solved_rate: 1,
      satisfaction_rate: 1, // (1 satisfied + 1 × 1 basically satisfied) / 2
    });
  });

  test('each figure opens to the cases behind it', async () => {
    const drill = async (figure: string) => body(await t.app.inject({ url: `/api/v1/metrics/cases?node=CSK&period=month&date=2026-11&figure=${figure}`, headers: t.as.community })).items.map((c: any) => c.id).sort();
    assert.deepEqual(await drill('overdue_rate'), [ids.B, ids.C].sort());
    assert.deepEqual(await drill('in_grid_resolution'), [ids.A]);
    assert.deepEqual(await drill('proactive_rate'), [ids.C]);
    assert.deepEqual(await drill('response_rate'), [ids.A]);
    assert.deepEqual(await drill('received'), [ids.A, ids.B, ids.C, ids.F].sort());
  });

  test('a grid\'s figures are its own; another community sees nothing of it', async () => {
    const grid = Object.fromEntries(body(await t.app.inject({ url: '/api/v1/metrics/figures?node=CSK-03&period=custom&from=2026-11-01&to=2026-11-30', headers: t.as.gridleader })).figures.map((x: any) => [x.code, x.value]));
    assert.equal(grid.received, 4);
    const other = Object.fromEntries(body(await t.app.inject({ url: '/api/v1/metrics/figures?node=JC&period=month&date=2026-11', headers: t.as.admin })).figures.map((x: any) => [x.code, x.value]));
    assert.equal(other.received, 0);
    assert.equal(other.closure_rate, null);
    assert.equal((await t.app.inject({ url: '/api/v1/metrics/figures?node=JC&period=month&date=2026-11', headers: t.as.community })).statusCode, 404);
  });

  test('breakdown by category and a day period', async () => {
    const res = body(await t.app.inject({ url: '/api/v1/metrics/figures?node=CSK&period=month&date=2026-11&by=category', headers: t.as.community }));
    const lights = res.breakdown.find((b: any) => b.key === '0501');
    assert.equal(lights.counters.received, 2);
    assert.equal(lights.label, '路灯损坏');
    const day = body(await t.app.inject({ url: '/api/v1/metrics/figures?node=CSK&period=day&date=2026-11-03', headers: t.as.community }));
    assert.equal(day.figures.find((x: any) => x.code === 'received').value, 0);
  });
});
