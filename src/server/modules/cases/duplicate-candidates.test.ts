import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('possible duplicates for the dispatch centre', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  const report = async (description: string) =>
    body(await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { description, location: IN_CSK_03, category: '0501' } }));

  test('staff see an open flagged case with the earlier case it may repeat; residents and strangers are refused', async () => {
    const first = await report('楼道里的路灯坏了，晚上很黑');
    const second = await report('楼道里路灯坏了好几天了');
    const row = await t.db.selectFrom('cases').select('duplicate_candidate_id').where('id', '=', second.id).executeTakeFirstOrThrow();
    assert.equal(row.duplicate_candidate_id, first.id);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/duplicate-candidates?node=CSK', headers: t.as.community });
    assert.equal(res.statusCode, 200);
    const page = body(res);
    assert.equal(page.total, 1);
    assert.equal(page.items[0].number, second.number);
    assert.deepEqual(page.items[0].duplicateCandidate, { id: first.id, number: first.number, title: first.title, state: 'dispatched', stateLabel: '待签收' });
    assert.ok(page.items[0].abilities.includes('merge'));

    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/cases/duplicate-candidates', headers: t.as.resident })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/cases/duplicate-candidates' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/cases/duplicate-candidates?node=JC', headers: t.as.community })).statusCode, 404);
  });

  test('a merged case leaves the list', async () => {
    const before = body(await t.app.inject({ method: 'GET', url: '/api/v1/cases/duplicate-candidates', headers: t.as.community }));
    const item = before.items[0];
    const merged = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${item.id}/merge`, headers: t.as.community, payload: { into: item.duplicateCandidate.id } });
    assert.equal(merged.statusCode, 200);
    const afterMerge = body(await t.app.inject({ method: 'GET', url: '/api/v1/cases/duplicate-candidates', headers: t.as.community }));
    assert.equal(afterMerge.total, before.total - 1);
  });
});
