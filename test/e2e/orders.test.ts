/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type DemoApp } from '../support/demo-app.ts';
import { DESK, openPage, PHONE, screenshot, scrollsSideways, settled, type WatchedPage } from './support/browser.ts';
import { serveDemo, type ServedDemo } from './support/served-demo.ts';

/**
 * SCENARIOS.md journey 4, in Debian's Chromium against the real server and store: a resident orders a
 * haircut on the phone, the community office dispatches it from the matching board to the barber (the demo
 * `talent`), the barber accepts and reports it done with the hours, the office verifies it, both sides rate
 * (each sees the other's rating once both have), the barber's points grow by the hours' worth, and the barber
 * redeems a reward at the dental clinic, which types the code on its own phone.
 */
describe('resident-orders-haircut: from the order to the reward', () => {
  let t: DemoApp;
  let base: string;
  let served: ServedDemo | undefined;
  const pages: WatchedPage[] = [];
  const WANT = '想请理发师傅周六上门给老人理发（浏览器测试）';
  let talentName = '';
  let pointsBefore = 0;

  before(async () => {
    served = await serveDemo({ orders: true });
    ({ t, base } = served);
    const talentHeaders = await t.login('talent', DEMO_PASSWORD);
    const mine = await t.app.inject({ url: '/api/v1/orders/mine', headers: talentHeaders });
    talentName = mine.json().talent.name;
    pointsBefore = (await t.app.inject({ url: '/api/v1/points/me', headers: talentHeaders })).json().total;
  });
  after(() => served?.close());

  async function open(viewport: { width: number; height: number }, username: string): Promise<WatchedPage> {
    const w = await openPage(served!.browser, base, viewport);
    const res = await w.context.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
    assert.equal(res.status(), 200, `sign-in as ${username}`);
    pages.push(w);
    return w;
  }
  const orderCard = (page: Page): Locator => page.getByTestId('order-card').filter({ hasText: WANT });
  const boardCard = (page: Page): Locator => page.getByTestId('board-order').filter({ hasText: WANT });

  let resident: WatchedPage;
  let office: WatchedPage;
  let barber: WatchedPage;

  test('the resident orders a haircut on the phone', async () => {
    resident = await open(PHONE, 'resident');
    const { page } = resident;
    await page.goto('/');
    await page.getByRole('link', { name: '邻里' }).click();
    await page.getByRole('link', { name: '服务点单' }).click();
    await page.getByRole('heading', { name: '需要什么服务？' }).waitFor();
    await page.getByLabel('服务项目').click();
    await page.getByLabel('服务项目').fill('义剪');
    await page.locator('.ant-select-item-option').filter({ hasText: '义剪（理发）' }).click();
    await page.getByLabel('具体需求').fill(WANT);
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling on the phone');
    await screenshot(page, 'orders-01-resident-order-form');
    await page.getByRole('button', { name: '提交点单' }).click();
    const card = orderCard(page);
    await card.waitFor();
    assert.match(await card.innerText(), /等待社区派单/);
    await settled(page);
    await screenshot(page, 'orders-02-resident-my-orders');
  });

  test('the office dispatches it from the matching board to the barber, with the reasons shown', async () => {
    office = await open(DESK, 'community');
    const { page } = office;
    await page.goto('/admin/orders');
    const card = boardCard(page);
    await card.waitFor();
    const first = card.getByTestId('candidate').first();
    assert.match(await first.innerText(), /技能等级/, 'each candidate comes with its reasons');
    await settled(page);
    await screenshot(page, 'orders-03-admin-board');
    await card.getByRole('button', { name: `派给 ${talentName}` }).click();
    await page.getByText(`已派给 ${talentName}`).waitFor();
    await card.waitFor({ state: 'detached' });
  });

  test('the barber accepts on the phone and reports it done with the hours', async () => {
    barber = await open(PHONE, 'talent');
    const { page } = barber;
    await page.goto('/orders');
    await page.getByText('我的接单').click();
    const card = orderCard(page);
    await card.waitFor();
    assert.match(await card.innerText(), /点单居民/, 'the barber sees who ordered and where');
    await settled(page);
    await screenshot(page, 'orders-04-talent-assigned');
    await card.getByRole('button', { name: '接单' }).click();
    await card.getByRole('button', { name: '完成服务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('做了什么').fill('上门为老人理发、修面');
    await dialog.getByLabel('服务时长（小时）').fill('2');
    await settled(page);
    await screenshot(page, 'orders-05-talent-done-form');
    await dialog.getByRole('button', { name: '提交完成' }).click();
    await page.getByText('已提交，等待社区核实。').waitFor();
    await card.getByText('等待社区核实后发放积分').waitFor();
  });

  test('the office verifies the service and the points are paid', async () => {
    const { page } = office;
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '待核查' }).click();
    const card = boardCard(page);
    await card.waitFor();
    await card.getByRole('button', { name: '核查通过' }).click();
    await page.getByText('已核查：已按服务时长发放积分').waitFor();
    const after = await t.app.inject({ url: '/api/v1/points/me', headers: await t.login('talent', DEMO_PASSWORD) });
    assert.equal(after.json().total, pointsBefore + 4, '2 hours at 2 points an hour');
  });

  test('both rate; each sees the other\'s rating once both have', async () => {
    const r = resident.page;
    await r.reload();
    await r.getByText('我的点单').click();
    const mine = orderCard(r);
    await mine.getByRole('heading', { name: '评价这次服务' }).waitFor();
    await mine.getByRole('radio').nth(4).click();
    await mine.getByLabel('说几句（选填）').fill('师傅手艺好，很耐心');
    await mine.getByRole('button', { name: '提交评价' }).click();
    await mine.getByText('您的评价：5 星').waitFor();
    await mine.getByText(/对方评价将在双方都评价后/).waitFor();

    const b = barber.page;
    await b.reload();
    await b.getByText('我的接单').click();
    const served = orderCard(b);
    await served.getByRole('heading', { name: '评价这次服务（对居民）' }).waitFor();
    await served.getByRole('radio').nth(3).click();
    await served.getByRole('button', { name: '提交评价' }).click();
    await served.getByText('对方的评价：5 星：师傅手艺好，很耐心').waitFor();
    await served.getByText(/积分.*4 分/).waitFor();
    await settled(b);
    await screenshot(b, 'orders-06-talent-rated');

    await r.reload();
    await r.getByText('我的点单').click();
    await orderCard(r).getByText('对方的评价：4 星').waitFor();
    await settled(r);
    await screenshot(r, 'orders-07-resident-rated');
  });

  test('the barber\'s record shows the service, and the points buy a cleaning at the clinic', async () => {
    const { page } = barber;
    await page.getByText('我的档案').click();
    const file = page.getByTestId('service-file');
    await file.waitFor();
    assert.match(await file.innerText(), /完成服务\s*2 次/);
    await settled(page);
    await screenshot(page, 'orders-08-talent-file');

    await page.goto('/points');
    await page.waitForFunction((n) => document.querySelector('[data-testid="points-balance"]')?.textContent?.trim() === String(n), pointsBefore + 4);
    await page.getByRole('button', { name: '兑换 专业洗牙一次' }).click();
    await page.getByRole('button', { name: '生成兑换码' }).click();
    const digits = page.getByLabel('兑换码数字');
    await digits.waitFor();
    const code = (await digits.getAttribute('data-code')) ?? '';
    assert.match(code, /^\d{8}$/);

    const shop = await open(PHONE, 'merchant');
    await shop.page.goto('/merchant');
    await shop.page.getByLabel('兑换码（8位数字）').fill(code);
    await shop.page.getByRole('button', { name: '核销' }).click();
    await shop.page.getByRole('status').filter({ hasText: '核销成功' }).waitFor();
    await screenshot(shop.page, 'orders-09-merchant-honoured');
    await page.waitForFunction((n) => document.querySelector('[data-testid="points-balance"]')?.textContent?.trim() === String(n), pointsBefore + 4 - 5, { timeout: 15_000 });
  });

  test('the office sees the figures and the board on a wide screen', async () => {
    const { page } = office;
    await page.getByRole('tab', { name: '服务点单统计' }).click();
    const row = page.getByRole('row').filter({ hasText: '冲赛康社区' });
    await row.waitFor();
    await settled(page);
    await screenshot(page, 'orders-10-admin-figures');
    await row.getByRole('button').first().click();
    await page.getByRole('dialog').getByText(WANT).waitFor();
    await settled(page);
    await screenshot(page, 'orders-11-admin-drill-down');
  });

  test('no page logged an error', async () => {
    for (const p of pages) assert.deepEqual(p.errors, [], `console errors on ${p.page.url()}`);
  });
});
