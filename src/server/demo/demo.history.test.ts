import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { body } from '../../../test/support/app.ts';
import { type DemoApp, startDemoApp } from '../../../test/support/demo-app.ts';
import { isOpen } from '../modules/cases/lifecycle.ts';
import { localDate } from '../platform/calendar/local-time.ts';
import { now } from '../platform/clock.ts';
import { type HistoryResult, loadDemoHistory } from './demo.history.ts';

describe('demo case history', () => {
  let t: DemoApp;
  let result: HistoryResult;

  before(async () => {
    t = await startDemoApp();
    result = await loadDemoHistory(t.ctx);
  });
  after(() => t.close());

  const cases = () => t.db.selectFrom('cases').selectAll().execute();

  it('reports a few hundred cases over the last two months, in every grid', async () => {
    assert.equal(result.loaded, true);
    const rows = await cases();
    assert.equal(rows.length, result.cases);
    assert.ok(rows.length >= 300 && rows.length <= 500, `${rows.length} cases`);
    const first = Math.min(...rows.map((c) => Date.parse(c.reported_at)));
    assert.ok(Date.now() - first <= 62 * 86_400_000 && Date.now() - first >= 55 * 86_400_000, 'starts about 60 days ago');
    const grids = await t.db.selectFrom('org_nodes').select('id').where('kind', '=', 'grid').execute();
    for (const g of grids) assert.ok(rows.some((c) => c.grid_id === g.id), `a case in grid ${g.id}`);
    assert.ok(new Set(rows.map((c) => c.channel)).size >= 5, 'several channels');
    assert.ok(new Set(rows.map((c) => c.category?.slice(0, 2))).size >= 10, 'most major categories');
  });

  it('gives every case a timeline the engine wrote: submit first, numbered 1..n, in time order', async () => {
    const rows = await cases();
    const events = await t.db.selectFrom('case_events').select(['case_id', 'seq', 'at', 'action', 'to_state']).orderBy('case_id').orderBy('seq').execute();
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    for (const c of rows) {
      const timeline = byCase.get(c.id)!;
      assert.equal(timeline[0]!.action, 'submit', c.number);
      assert.deepEqual(timeline.map((e) => e.seq), timeline.map((_, i) => i + 1), c.number);
      assert.equal(timeline.length, c.version, c.number);
      assert.equal(timeline.at(-1)!.to_state, c.state, c.number);
      assert.equal(timeline[0]!.at, c.reported_at, c.number);
      for (let i = 1; i < timeline.length; i++) assert.ok(timeline[i]!.at >= timeline[i - 1]!.at, `${c.number} step ${i + 1} in order`);
      assert.ok(Date.parse(timeline.at(-1)!.at) <= Date.now(), `${c.number} nothing in the future`);
    }
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['accept', 'escalate', 'resolve', 'verify', 'follow_up', 'overdue', 'suspend', 'return', 'reject', 'publish', 'note']) assert.ok(actions.has(a), a);
  });

  it('gives the district non-trivial figures for the period', async () => {
    const today = localDate(new Date(), t.ctx.calendar.timeZone);
    const from = localDate(new Date(Date.now() - 61 * 86_400_000), t.ctx.calendar.timeZone);
    const res = await t.app.inject({ url: `/api/v1/metrics/figures?node=540102&period=custom&from=${from}&to=${today}`, headers: t.as.admin });
    assert.equal(res.statusCode, 200, res.body);
    const f = Object.fromEntries(body(res).figures.map((x: { code: string; value: number | null }) => [x.code, x.value]));
    const rows = await cases();
    assert.equal(f.received, rows.filter((c) => c.state !== 'merged' && c.state !== 'rejected').length);
    for (const code of ['response_rate', 'solved_rate', 'satisfaction_rate', 'on_time_acceptance', 'on_time_resolution', 'closure_rate', 'in_grid_resolution', 'proactive_rate', 'overdue_rate', 'rework_rate']) {
      assert.ok(f[code] > 0 && f[code] < 1, `${code} = ${f[code]}`);
    }
    assert.ok(f.satisfaction_rate > 0.8 && f.on_time_acceptance > 0.7 && f.closure_rate > 0.7, JSON.stringify(f));
    assert.ok(f.mean_handling_hours > 1);
  });

  it('leaves cases open in every state, some overdue, and shows many on the public board', async () => {
    const rows = await cases();
    const open = rows.filter((c) => isOpen(c.state));
    assert.ok(open.length >= 10, `${open.length} open`);
    for (const state of ['new', 'dispatched', 'in_progress', 'suspended'] as const) assert.ok(open.some((c) => c.state === state), state);
    assert.ok(rows.some((c) => c.state === 'resolved'), 'resolved, waiting for the check');
    const overdue = open.filter((c) => c.overdue_at);
    assert.ok(overdue.length >= 1, 'open and overdue');
    // The scheduler ran up to now: no open case is past its deadline without having been marked.
    for (const c of open) if (c.state !== 'suspended' && c.resolve_by < new Date().toISOString()) assert.ok(c.overdue_at, `${c.number} marked overdue`);
    const board = body(await t.app.inject({ url: '/api/v1/public/cases?pageSize=5' }));
    assert.ok(board.total >= 100, `${board.total} public`);
  });

  it('restores the real clock', () => {
    assert.ok(Math.abs(now().getTime() - Date.now()) < 1000);
  });

  it('never loads twice', async () => {
    const before = (await cases()).length;
    const again = await loadDemoHistory(t.ctx);
    assert.equal(again.loaded, false);
    assert.equal((await cases()).length, before);
  });
});
