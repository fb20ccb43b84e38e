import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('cases due a follow-up (待回访)', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string>) => t.app.inject({ method: 'POST', url, payload, headers });
  const due = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ url: '/api/v1/follow-ups/due', headers });
    assert.equal(res.statusCode, 200, res.body);
    return body(res).items.map((c: any) => c.number) as string[];
  };
  async function resolvedCase(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
    const created = body(await post('/api/v1/cases', { location: IN_CSK_03, category: '0501', ...payload }, headers));
    assert.equal((await post(`/api/v1/cases/${created.id}/accept`, {}, t.as.gridworker)).statusCode, 200);
    assert.equal((await post(`/api/v1/cases/${created.id}/resolve`, { result: '已修好' }, t.as.gridworker)).statusCode, 200);
    return created;
  }

  test('a resolved resident report waits until someone reaches the reporter; patrol findings never do', async () => {
    const report = await resolvedCase({ description: '路灯不亮', reporter: { name: '卓玛', phone: '13912345678' } });
    const patrol = await resolvedCase({ description: '巡查发现井盖松动', kind: 'patrol_report', channel: 'patrol' }, t.as.gridworker);
    const open = body(await post('/api/v1/cases', { description: '垃圾没人收', location: IN_CSK_03 }, {}));

    let numbers = await due(t.as.gridworker);
    assert.ok(numbers.includes(report.number));
    assert.ok(!numbers.includes(patrol.number), 'staff found it themselves: nobody to ask');
    assert.ok(!numbers.includes(open.number), 'still open');
    const item = body(await t.app.inject({ url: '/api/v1/follow-ups/due', headers: t.as.gridworker })).items.find((c: any) => c.number === report.number);
    assert.ok(item.abilities.includes('follow_up'));

    // Not reached: still due. Reached: done.
    assert.equal((await post(`/api/v1/cases/${report.id}/follow-up`, { method: 'phone', reached: false }, t.as.gridworker)).statusCode, 200);
    assert.ok((await due(t.as.gridworker)).includes(report.number));
    assert.equal((await post(`/api/v1/cases/${report.id}/follow-up`, { method: 'phone', reached: true, contactedInTime: true, solved: true, satisfaction: 'satisfied' }, t.as.gridworker)).statusCode, 200);
    numbers = await due(t.as.gridworker);
    assert.ok(!numbers.includes(report.number));
    const rows = await t.db.selectFrom('follow_ups').select(['reached']).where('case_id', '=', report.id).orderBy('at').execute();
    assert.deepEqual(rows.map((r) => r.reached), [0, 1]);
  });

  test('only people who handle cases get the list', async () => {
    assert.equal((await t.app.inject({ url: '/api/v1/follow-ups/due' })).statusCode, 401);
    assert.equal((await t.app.inject({ url: '/api/v1/follow-ups/due', headers: t.as.resident })).statusCode, 403);
    assert.equal((await t.app.inject({ url: '/api/v1/follow-ups/due?days=0', headers: t.as.gridworker })).statusCode, 400);
  });
});
