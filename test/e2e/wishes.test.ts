/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadWishesDemo } from '../../src/server/demo/demo.wishes.ts';
import { DEMO_PASSWORD, type DemoApp } from '../support/demo-app.ts';
import { DESK, openPage, PHONE, screenshot, scrollsSideways, settled, type WatchedPage } from './support/browser.ts';
import { serveDemo, type ServedDemo } from './support/served-demo.ts';
import { tinyJpeg } from '../reliability/support/world.ts';

/**
 * Micro-wishes (M6, journey 5) in Debian's Chromium: the demo resident posts a wish and reads the needs
 * list, the service list and the shared resources on the phone; the community office claims an open wish
 * in one click on the matching board and reads the figures, with their drill-down.
 */
describe('micro-wishes in the browser', () => {
  let t: DemoApp;
  let base: string;
  let browser: Browser;
  let served: ServedDemo | undefined;
  const pages: WatchedPage[] = [];

  before(async () => {
    served = await serveDemo();
    ({ t, base, browser } = served);
    await loadWishesDemo(t.ctx);
  });
  after(() => served?.close());

  async function open(viewport: { width: number; height: number }, username: string): Promise<WatchedPage> {
    const w = await openPage(browser, base, viewport);
    const res = await w.context.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
    assert.equal(res.status(), 200, `sign-in as ${username}`);
    pages.push(w);
    return w;
  }

  test('resident-posts-wish: the 微心愿 tab, a new wish in my list, the needs list, services and shared resources', async () => {
    const { page } = await open(PHONE, 'resident');
    await page.goto('/');
    await page.getByRole('link', { name: '邻里' }).click();
    await page.getByRole('link', { name: '微心愿' }).click();
    await page.getByRole('heading', { name: '许个心愿' }).waitFor();
    await page.getByLabel('心愿内容').fill('想请人帮忙修一下家里的旧收音机');
    await page.getByRole('button', { name: '发布心愿' }).click();
    await page.getByText(/心愿已发布/).waitFor();
    await page.getByText('想请人帮忙修一下家里的旧收音机').waitFor();
    await page.getByRole('heading', { name: /冲赛康社区需求清单/ }).waitFor();
    await page.getByText(/待认领 \d+ 个/).waitFor();
    assert.equal(await scrollsSideways(page), false);
    await settled(page);
    await screenshot(page, 'wishes-resident-post');
    await page.getByRole('heading', { name: '共享资源' }).scrollIntoViewIfNeeded();
    await page.getByText('全民健身中心运动馆').waitFor();
    await settled(page);
    await screenshot(page, 'wishes-resident-resources');
    const rows = await t.db.selectFrom('cases').select('channel').where('kind', '=', 'micro_wish').where('description', '=', '想请人帮忙修一下家里的旧收音机').execute();
    assert.deepEqual(rows, [{ channel: 'app' }]);
  });

  test('community-claims-wish: one click on the matching board, then the figures with the wishes behind a row', async () => {
    const { page } = await open(DESK, 'community');
    await page.goto('/admin/wishes');
    await page.getByRole('tab', { name: '匹配看板' }).waitFor();
    const claim = page.getByRole('button', { name: /^认领：/ }).first();
    await claim.waitFor();
    await settled(page);
    await screenshot(page, 'wishes-console-board');
    const before = await t.db.selectFrom('wish_claims').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await claim.click();
    await page.getByText('已认领', { exact: true }).first().waitFor();
    await page.waitForFunction(async (n) => {
      const r = await fetch('/api/v1/wishes?status=claimed&pageSize=200');
      return (await r.json()).total > 0 && n >= 0;
    }, Number(before.n));
    const after = await t.db.selectFrom('wish_claims').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n) + 1);
    await page.getByRole('tab', { name: '指标' }).click();
    await page.getByRole('columnheader', { name: '实现率' }).waitFor();
    await page.getByRole('button', { name: '冲赛康社区' }).waitFor();
    await settled(page);
    await screenshot(page, 'wishes-console-figures');
    await page.getByRole('button', { name: '冲赛康社区' }).click();
    await page.getByText('冲赛康社区 的微心愿').waitFor();
    await settled(page);
    await screenshot(page, 'wishes-console-drill');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '服务清单' }).click();
    await page.getByText('义剪：上门理发').waitFor();
    await settled(page);
    await screenshot(page, 'wishes-console-offers');
  });

  test('gridworker-records-wish and records a claim done with a photo, from the console', async () => {
    const { page } = await open(DESK, 'gridworker');
    await page.goto('/admin/wishes');
    await page.getByRole('button', { name: '登记心愿' }).click();
    await page.getByLabel('大院/小区').click();
    await page.locator('.ant-select-item-option', { hasText: '西嘎奴大院' }).click();
    await page.getByLabel('心愿内容').fill('独居老人想要一个保温水壶');
    await page.getByLabel('需求清单上公开的文字').fill('老人需要保温水壶');
    await settled(page);
    await screenshot(page, 'wishes-console-record');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('心愿已登记').waitFor();
    const row = await t.db.selectFrom('cases').select(['id', 'channel', 'state']).where('description', '=', '独居老人想要一个保温水壶').executeTakeFirstOrThrow();
    assert.deepEqual([row.channel, row.state], ['visit', 'new']);
    // The office claims it by a named party member; the grid worker records it done with a photo.
    const claim = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${row.id}/claim`, headers: t.as.community, payload: { name: '在职党员 扎西' } });
    assert.equal(claim.statusCode, 201, claim.body);
    await page.getByLabel('状态').click();
    await page.locator('.ant-select-item-option', { hasText: '已认领' }).click();
    await page.getByText('独居老人想要一个保温水壶').waitFor();
    await page.getByRole('row', { name: /保温水壶/ }).getByRole('button', { name: '登记完成' }).click();
    await page.getByLabel('完成情况').fill('已送上保温水壶一个');
    await page.locator('#fulfil-photo').setInputFiles({ name: 'done.jpg', mimeType: 'image/jpeg', buffer: await tinyJpeg() });
    await page.getByRole('dialog').locator('img[src*="/api/v1/photos/"]').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'wishes-console-fulfil');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记完成').waitFor();
    const after = await t.db.selectFrom('cases').select('state').where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(after.state, 'resolved');
  });

  test('no console errors on the way', () => {
    for (const p of pages) assert.deepEqual(p.errors, [], `console errors on ${p.page.url()}`);
  });
});
