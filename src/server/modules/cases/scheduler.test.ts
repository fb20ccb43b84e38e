import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, at, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';
import { deliverWebhooks, runDeadlines, signPayload } from './scheduler.ts';

describe('the deadline scheduler, notifications and webhooks', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  const report = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers });

  test('a case past its deadline is marked overdue, reminded before, and escalated after the grace', async () => {
    // 0503 井盖缺损 is urgent: respond within 1 hour, resolve within 6.
    const id = await at('2026-11-02T01:00:00Z', async () => body(await report({ description: '井盖没了', location: IN_CSK_03, category: '0503' })).id);
    await at('2026-11-02T04:00:00Z', () => runDeadlines(t.ctx));
    let row = await t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.reminded_at, 'reminded within 4 hours of the deadline');
    assert.equal(row.overdue_at, null);
    await at('2026-11-02T08:00:00Z', () => runDeadlines(t.ctx));
    row = await t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.overdue_at, '2026-11-02T08:00:00.000Z');
    assert.equal(row.tier, 1, 'not escalated before the grace has passed');
    await at('2026-11-03T09:00:00Z', () => runDeadlines(t.ctx));
    row = await t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.tier, 2);
    assert.ok(row.escalated_auto_at);
    const actions = (await t.db.selectFrom('case_events').select('action').where('case_id', '=', id).orderBy('seq').execute()).map((e) => e.action);
    assert.deepEqual(actions, ['submit', 'remind', 'overdue', 'escalate']);
    const again = await at('2026-11-03T09:05:00Z', () => runDeadlines(t.ctx));
    assert.deepEqual(again, { overdue: 0, escalated: 0, reminded: 0 }, 'a second pass does nothing twice');
    const figures = body(await t.app.inject({ url: '/api/v1/metrics/figures?node=CSK&period=month&date=2026-11', headers: t.as.community })).counters;
    assert.equal(figures.overdue, 1);
  });

  test('the handler is notified of a new case and the resident of progress', async () => {
    const id = body(await report({ description: '楼道里堆满杂物', location: IN_CSK_03, category: '0103' }, t.as.resident)).id;
    const inbox = body(await t.app.inject({ url: '/api/v1/notifications?unread=true', headers: t.as.gridworker }));
    const mine = inbox.items.find((n: any) => n.caseId === id);
    assert.equal(mine.kind, 'case.submit');
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine.id}/read`, headers: t.as.gridworker })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine.id}/read`, headers: t.as.resident })).statusCode, 404, 'not someone else\'s');
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/accept`, payload: {}, headers: t.as.gridworker });
    const residentInbox = body(await t.app.inject({ url: '/api/v1/notifications', headers: t.as.resident }));
    assert.ok(residentInbox.items.some((n: any) => n.caseId === id && n.kind === 'case.accept'));
  });

  test('webhooks receive signed payloads with no personal data, and failures are retried', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    let fail = true;
    const server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: data });
        res.statusCode = fail ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url: `http://127.0.0.1:${port}/hook`, events: ['case.submit'] }, headers: t.as.community });
      assert.equal(forbidden.statusCode, 403);
      const hook = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url: `http://127.0.0.1:${port}/hook`, events: ['case.submit'] }, headers: t.as.admin });
      assert.equal(hook.statusCode, 201, hook.body);
      const secret = body(hook).secret;
      await report({ description: '小广告贴满了墙', location: IN_CSK_03, category: '0201', reporter: { name: '卓玛', phone: '13900001111' } });
      assert.equal(await deliverWebhooks(t.ctx), 0);
      fail = false;
      assert.equal(await deliverWebhooks(t.ctx), 0, 'the retry waits for its back-off');
      await t.db.updateTable('webhook_deliveries').set({ next_attempt_at: new Date(0).toISOString() }).execute();
      assert.equal(await deliverWebhooks(t.ctx), 1);
      const last = received.at(-1)!;
      const ts = String(last.headers['x-lianxin-timestamp']);
      assert.equal(last.headers['x-lianxin-signature'], signPayload(secret, ts, last.body));
      assert.equal(JSON.parse(last.body).event, 'case.submit');
      assert.ok(!last.body.includes('13900001111') && !last.body.includes('卓玛'));
      assert.equal(await deliverWebhooks(t.ctx), 0, 'delivered once');
    } finally {
      server.close();
    }
  });
});
