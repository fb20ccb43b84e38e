import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('the public board and the reporter\'s contact details', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  test('public cases show no reporter, no resident words, a rounded location, and only released photos', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const photo = body(await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: jpeg, headers: { 'content-type': 'image/jpeg' } }));
    const created = body(await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { description: '我是卓玛，电话13912345678，门口路灯坏了', location: { lng: 91.13347, lat: 29.65651 }, category: '0501', photoIds: [photo.id], reporter: { name: '卓玛', phone: '13912345678' } },
    }));
    const privateOne = body(await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { description: '邻居吵架', location: IN_CSK_03, category: '0801' } }));
    let board = await t.app.inject({ url: '/api/v1/public/cases?node=CSK' });
    assert.equal(board.statusCode, 200);
    const text = board.body;
    assert.ok(!text.includes('13912345678') && !text.includes('卓玛') && !text.includes('电话'), 'nothing the resident typed or gave');
    const item = body(board).items.find((c: any) => c.number === created.number);
    assert.deepEqual(item.location, { lng: 91.133, lat: 29.657 });
    assert.equal(item.categoryLabel, '路灯损坏');
    assert.deepEqual(item.photos, [], 'photos wait for staff to release them');
    assert.ok(!body(board).items.some((c: any) => c.number === privateOne.number), 'disputes stay off the board');

    const published = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${created.id}/publish`, payload: { releasePhotoIds: [photo.id] }, headers: t.as.gridleader });
    assert.equal(published.statusCode, 200, published.body);
    board = await t.app.inject({ url: '/api/v1/public/cases?node=CSK' });
    assert.equal(body(board).items.find((c: any) => c.number === created.number).photos.length, 1);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${created.id}/publish`, payload: { public: false }, headers: t.as.resident })).statusCode, 404);
  });

  test('the handler reads the reporter\'s phone to call back, and the read is audited', async () => {
    const created = body(await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { description: '楼下垃圾没人收', location: IN_CSK_03, category: '0101', reporter: { name: '扎西', phone: '13800001234' } } }));
    const listed = body(await t.app.inject({ url: `/api/v1/cases/${created.id}`, headers: t.as.gridworker }));
    assert.equal(listed.case.reporter.phone, '138****1234', 'masked in the record');
    const contact = await t.app.inject({ url: `/api/v1/cases/${created.id}/reporter-contact`, headers: t.as.gridworker });
    assert.equal(contact.statusCode, 200);
    assert.deepEqual(body(contact).reporters, [{ name: '扎西', phone: '13800001234', viaAccount: false }]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', created.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['case.reporter_contact.read']);
    assert.equal((await t.app.inject({ url: `/api/v1/cases/${created.id}/reporter-contact` })).statusCode, 401);
  });
});
