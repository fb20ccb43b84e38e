/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, IN_CSK_03, type DemoApp } from '../support/demo-app.ts';
import { DESK, PHONE, SCREEN, openPage, screenshot, scrollsSideways, type WatchedPage } from './support/browser.ts';
import { serveDemo, type ServedDemo } from './support/served-demo.ts';

/**
 * The closed loop as people do it, in Debian's Chromium against the real server and store: a resident
 * reports anonymously on a phone, the grid worker accepts and resolves it, staff verify and follow up,
 * the resident sees it closed and rates it, and the command screen's figures move with it.
 */
describe('the closed loop in the browser', () => {
  let t: DemoApp;
  let base: string;
  let browser: Browser;
  const pages: WatchedPage[] = [];

  let served: ServedDemo | undefined;

  before(async () => {
    served = await serveDemo();
    ({ t, base, browser } = served);
  });
  after(() => served?.close());

  async function open(viewport: { width: number; height: number }, username?: string): Promise<WatchedPage> {
    const w = await openPage(browser, base, viewport);
    if (username) {
      const res = await w.context.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
      assert.equal(res.status(), 200, `sign-in as ${username}`);
    }
    pages.push(w);
    return w;
  }

  /** The text of a KPI card on the command screen, found by its accessible name. */
  async function kpi(page: Page, name: string): Promise<string> {
    return (await page.getByRole('group', { name, exact: true }).innerText()).trim();
  }

  let number = '';
  let screen: WatchedPage;
  let receivedBefore = '';
  let resident: WatchedPage;

  test('the command screen shows the district\'s figures before the report', async () => {
    screen = await open(SCREEN, 'street');
    await screen.page.goto('/screen');
    await screen.page.getByRole('group', { name: '受理', exact: true }).waitFor();
    receivedBefore = await kpi(screen.page, '受理');
    for (const name of ['响应率', '解决率', '满意率', '网格内解决率', '按期办结率']) assert.ok(await kpi(screen.page, name), name);
    await screenshot(screen.page, '01-screen-before');
  });

  test('a resident reports anonymously on a phone: photo, place, a sentence, the suggested category', async () => {
    resident = await open(PHONE);
    await resident.context.grantPermissions(['geolocation']);
    await resident.context.setGeolocation({ longitude: IN_CSK_03.lng, latitude: IN_CSK_03.lat });
    const { page } = resident;
    await page.goto('/');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 110, b: 130 } } }).jpeg().toBuffer();
    await page.getByLabel('添加照片').setInputFiles({ name: 'lamp.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img').first().waitFor();
    await screenshot(page, '02-resident-photo');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByText('第三网格').first().waitFor();
    await screenshot(page, '03-resident-place');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('问题描述').fill('西嘎奴大院门口的路灯坏了好几天，晚上一片漆黑，老人出门不方便');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('路灯').first().waitFor();
    await screenshot(page, '04-resident-category');
    await page.getByRole('button', { name: '提交' }).click();
    const confirmation = page.getByText(/LX-\d{4}-\d{6}/).first();
    await confirmation.waitFor();
    number = (await confirmation.innerText()).match(/LX-\d{4}-\d{6}/)![0];
    await screenshot(page, '05-resident-submitted');
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling on the phone');
    const row = await t.db.selectFrom('cases').select(['state', 'anonymous', 'category']).where('number', '=', number).executeTakeFirstOrThrow();
    assert.equal(row.anonymous, 1);
    assert.equal(row.state, 'dispatched');
    assert.equal(row.category, '0501');
  });

  test('the command screen counts the new case without a reload', async () => {
    await screen.page.waitForFunction(
      ([before]) => {
        const el = [...document.querySelectorAll('[role="group"]')].find((e) => e.getAttribute('aria-label') === '受理');
        return !!el && (el as HTMLElement).innerText.trim() !== before;
      },
      [receivedBefore],
      { timeout: 15_000 },
    );
  });

  test('the grid worker accepts it and resolves it on a phone', async () => {
    const { page } = await open(PHONE, 'gridworker');
    await page.goto('/work');
    await page.getByRole('link', { name: new RegExp(number) }).or(page.getByRole('button', { name: new RegExp(number) })).first().click();
    await page.getByRole('button', { name: '签收' }).click();
    await page.getByRole('button', { name: '办结' }).waitFor();
    await screenshot(page, '06-work-accepted');
    await page.getByRole('button', { name: '办结' }).click();
    await page.getByLabel('处理结果').fill('已联系电工更换灯泡，路灯恢复照明');
    await page.getByRole('button', { name: '确认办结' }).click();
    await page.getByText('已办结').first().waitFor();
    await screenshot(page, '07-work-resolved');
    assert.equal(await scrollsSideways(page), false);
  });

  test('staff verify it and follow up by phone at the desk', async () => {
    const { page } = await open(DESK, 'community');
    await page.goto('/admin');
    await page.getByRole('menuitem', { name: '案件列表' }).click();
    await page.getByLabel('搜索案件').fill(number);
    await page.getByLabel('搜索案件').press('Enter');
    await page.getByRole('link', { name: new RegExp(number) }).or(page.getByRole('button', { name: new RegExp(number) })).first().click();
    await page.getByRole('button', { name: '核查' }).click();
    await page.getByRole('radio', { name: '通过', exact: true }).check();
    await page.getByRole('button', { name: '提交核查' }).click();
    await page.getByText('已结案').first().waitFor();
    await page.getByRole('button', { name: '回访' }).click();
    await page.getByRole('radio', { name: '电话', exact: true }).check();
    await page.getByLabel('已联系到居民').check();
    await page.getByLabel('及时联系').check();
    await page.getByLabel('问题已解决').check();
    await page.getByRole('radio', { name: '满意', exact: true }).check();
    await screenshot(page, '08-admin-follow-up');
    await page.getByRole('button', { name: '提交回访' }).click();
    // The confirmation, not the word 回访 (the button carries it), says the follow-up is stored.
    await page.getByText('回访成功').first().waitFor();
    const followUps = await t.db.selectFrom('follow_ups').selectAll().execute();
    assert.equal(followUps.length, 1);
  });

  test('the resident sees it closed on the same phone and rates it', async () => {
    const { page } = resident;
    await page.getByRole('link', { name: '我的诉求' }).or(page.getByRole('button', { name: '我的诉求' })).first().click();
    await page.getByText(number).first().click();
    // The case page itself (not the list card left behind) must show it closed before the rating form is looked for.
    await page.locator('article').getByText('已解决并结案').first().waitFor();
    await page.getByRole('radio', { name: '满意', exact: true }).or(page.getByRole('button', { name: '满意', exact: true })).first().click();
    await page.getByLabel('评价内容').fill('修得很快，谢谢网格员');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价！').waitFor();
    await page.getByText('修得很快').first().waitFor();
    await screenshot(page, '09-resident-rated');
    const ratings = await t.db.selectFrom('follow_ups').select('method').execute();
    assert.deepEqual(ratings.map((r) => r.method).sort(), ['app', 'phone']);
  });

  test('the command screen\'s figures moved with the loop, and no page logged an error', async () => {
    await screen.page.reload();
    await screen.page.getByRole('group', { name: '受理', exact: true }).waitFor();
    assert.notEqual(await kpi(screen.page, '受理'), receivedBefore);
    await screenshot(screen.page, '10-screen-after');
    for (const p of pages) assert.deepEqual(p.errors, [], `console errors on ${p.page.url()}`);
  });
});
