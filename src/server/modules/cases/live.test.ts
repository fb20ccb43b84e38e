import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('the live stream', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  test('staff in scope see a new case arrive as it happens; anonymous is refused', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      assert.equal((await fetch(`${address}/api/v1/cases/stream`)).status, 401);
      const res = await fetch(`${address}/api/v1/cases/stream`, { headers: t.as.gridworker, signal: controller.signal });
      assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const created = await fetch(`${address}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ description: '路灯不亮', location: IN_CSK_03, category: '0501' }) });
      const { number } = (await created.json()) as { number: string };
      while (!text.includes(number)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      assert.match(text, /event: case\n/);
      assert.ok(text.includes(`"number":"${number}"`) && text.includes('"action":"submit"'));
    } finally {
      controller.abort();
    }
  });
});
