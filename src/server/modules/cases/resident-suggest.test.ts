import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('a resident asks which category their problem is', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  test('anyone gets ranked suggestions with labels, and nothing is stored', async () => {
    const casesBefore = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases/suggest-category', payload: { description: '小区门口的路灯坏了，晚上一片漆黑' } });
    assert.equal(res.statusCode, 200, res.body);
    const r = body(res);
    assert.equal(r.suggestions[0].category, '0501');
    assert.equal(r.suggestions[0].label, '路灯损坏');
    assert.equal(r.suggestions[0].major, '05');
    assert.equal(typeof r.suggestions[0].majorLabel, 'string');
    assert.ok(r.suggestions.length >= 2 && r.suggestions.length <= 4);
    for (let i = 1; i < r.suggestions.length; i++) assert.ok(r.suggestions[i - 1].confidence >= r.suggestions[i].confidence, 'most likely first');
    assert.equal(typeof r.confident, 'boolean');
    const casesAfter = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    assert.equal(Number(casesAfter?.n), Number(casesBefore?.n));
  });

  test('labels follow the caller\'s language; an empty description is refused', async () => {
    const en = body(await t.app.inject({ method: 'POST', url: '/api/v1/cases/suggest-category', headers: { 'accept-language': 'en' }, payload: { description: '小区门口的路灯坏了' } }));
    assert.equal(en.suggestions[0].label, 'street light out');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/cases/suggest-category', payload: { description: '' } })).statusCode, 400);
  });
});
