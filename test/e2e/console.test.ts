/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { DEMO_PASSWORD, type DemoApp } from '../support/demo-app.ts';
import { DESK, openPage, PHONE, screenshot, scrollsSideways, settled, type WatchedPage } from './support/browser.ts';
import { serveDemo, type ServedDemo } from './support/served-demo.ts';

/**
 * The office's volunteer and activity pages and the resident's 活动 tab, in Debian's Chromium against the real
 * server and store: the community office confirms a proposed talent, creates and publishes an activity, the
 * demo resident signs up on a phone, the office ticks them present and the attendance points arrive; then the
 * office lists a reward for the dental clinic. Every page is photographed for people to look at.
 */
describe('the console\'s talent pool, teams, activities and rewards, and the resident\'s activities', () => {
  let t: DemoApp;
  let base: string;
  let browser: Browser;
  let served: ServedDemo | undefined;
  const pages: WatchedPage[] = [];

  before(async () => {
    served = await serveDemo();
    ({ t, base, browser } = served);
  });
  after(() => served?.close());

  async function open(viewport: { width: number; height: number }, username: string): Promise<WatchedPage> {
    const w = await openPage(browser, base, viewport);
    const res = await w.context.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
    assert.equal(res.status(), 200, `sign-in as ${username}`);
    pages.push(w);
    return w;
  }


  const api = async (url: string, who: keyof DemoApp['as']) => {
    const res = await t.app.inject({ method: 'GET', url, headers: t.as[who] });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  let office: WatchedPage;
  let resident: WatchedPage;
  let residentName = '';
  const title = `书法体验课（浏览器测试 ${Date.now() % 10_000}）`;

  test('the office confirms a proposed talent from 能人库, with the skill levels it found', async () => {
    office = await open(DESK, 'community');
    const { page } = office;
    const proposed = await api('/api/v1/talents?status=proposed', 'community');
    assert.ok(proposed.total >= 1, 'the demo has a proposed talent in the office\'s community');
    const talent = proposed.items[0];
    await page.goto('/admin/talents');
    await page.getByRole('tab', { name: /待确认/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: talent.name });
    await row.waitFor();
    await settled(page);
    await screenshot(page, 'console-01-talents-proposed');
    await row.getByRole('button', { name: talent.name }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '一人一档' });
    await drawer.getByText('变更记录').waitFor();
    await drawer.getByRole('link', { name: '下载一人一档（Excel）' }).waitFor();
    await settled(page);
    await screenshot(page, 'console-02-talent-file');
    await drawer.getByRole('button', { name: '确认入库' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '请核实技能与水平' });
    await confirm.waitFor();
    await settled(page);
    await screenshot(page, 'console-03-talent-confirm');
    await confirm.getByRole('button', { name: '确认入库' }).click();
    await page.getByText('已确认入库').first().waitFor();
    await drawer.getByText('已确认', { exact: true }).first().waitFor();
    const after = await api(`/api/v1/talents/${talent.id}`, 'community');
    assert.equal(after.status, 'confirmed');
    assert.ok(after.skills.every((s: { confirmed: boolean }) => s.confirmed), 'every skill confirmed, by the office');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '全部能人' }).click();
    await page.getByRole('row').filter({ hasText: talent.name }).waitFor();
    await settled(page);
    await screenshot(page, 'console-04-talent-pool');
  });

  test('a grid worker\'s find is recorded from 登记能人 and waits in 待确认', async () => {
    const { page } = office;
    await page.getByRole('button', { name: '登记能人' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '登记能人（网格摸排）' });
    await form.getByLabel('姓名').fill('格桑旺堆');
    await form.getByLabel('手机号').fill('13908917777');
    await form.getByLabel('所在社区 / 网格').click();
    await page.keyboard.type('第三网格');
    await page.keyboard.press('Enter');
    await form.getByLabel('技能', { exact: true }).click();
    await page.keyboard.type('水暖');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: '添加时段' }).click();
    await settled(page);
    await screenshot(page, 'console-04b-add-talent');
    await form.getByLabel('星期').click();
    await page.keyboard.type('周六');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    for (const [label, value] of [['开始', '09:00'], ['结束', '12:00']] as const) {
      const box = form.getByLabel(label, { exact: true });
      await box.click();
      await box.fill(value);
      await box.press('Tab');
    }
    await settled(page);
    await screenshot(page, 'console-04c-add-talent-filled');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记，等待确认').waitFor();
    await page.getByRole('tab', { name: '待确认（1）' }).waitFor();
    const found = (await api('/api/v1/talents?status=proposed&q=%E6%A0%BC%E6%A1%91%E6%97%BA%E5%A0%86', 'community')).items[0];
    assert.equal(found.origin, 'survey');
    assert.equal(found.grid?.name, '第三网格');
    assert.deepEqual(found.skills.map((x: { skill: string }) => x.skill), ['plumbing']);
    assert.deepEqual(found.availability, [{ weekdays: [6], from: '09:00', to: '12:00' }]);
  });

  test('teams and partner units: members, leaders, in-service members and shared resources with hours', async () => {
    const { page } = office;
    await page.goto('/admin/teams');
    const team = page.getByRole('row').filter({ hasText: '六义社' }).first();
    await team.waitFor();
    await settled(page);
    await screenshot(page, 'console-05-teams');
    await team.click();
    await page.getByRole('dialog').getByText('队员').first().waitFor();
    await settled(page);
    await screenshot(page, 'console-06-team-members');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '共建单位' }).click();
    const unit = page.getByRole('row').filter({ hasText: '医院' }).first();
    await unit.waitFor();
    await unit.click();
    await page.getByRole('dialog').getByText('共享资源').first().waitFor();
    await page.getByRole('dialog').getByText('双报到在职党员').waitFor();
    await settled(page);
    await screenshot(page, 'console-07-partner-unit');
    assert.equal(await scrollsSideways(page), false);
    await page.getByRole('button', { name: '登记双报到党员' }).click();
    const register = page.getByRole('dialog').filter({ hasText: '登记双报到党员：' });
    await register.getByLabel('姓名').waitFor();
    await settled(page);
    await screenshot(page, 'console-07a-in-service-form');
    await register.getByRole('button', { name: '取消' }).click();
    // The toilets open an hour later from now on: the hours are edited where the unit is.
    await page.getByRole('button', { name: /^编辑共享资源 .*卫生间/ }).click();
    const form = page.getByRole('dialog').filter({ hasText: '编辑共享资源' });
    await form.getByLabel('时间说明').fill('春节期间暂停开放');
    await settled(page);
    await screenshot(page, 'console-07b-shared-resource');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('共享资源已保存').waitFor();
    const shared = await t.app.inject({ method: 'GET', url: '/api/v1/shared-resources?kind=toilet' });
    assert.ok(shared.json().items.some((r: { hoursNote: string | null }) => r.hoursNote === '春节期间暂停开放'));
  });

  test('the office creates an activity starting soon and publishes it', async () => {
    const { page } = office;
    await page.goto('/admin/activities');
    await page.getByRole('button', { name: '新建活动' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '新建活动' });
    await form.getByLabel('活动名称').fill(title);
    await form.getByLabel('地点').fill('冲赛康社区党群服务中心二楼');
    // Starts in 20 to 25 minutes (Asia/Shanghai wall clock), so the door is already open for check-in; the
    // picker takes times in steps of five minutes.
    const wall = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 300_000) * 300_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    await form.getByLabel('名额').fill('30');
    const ok = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').getByRole('button', { name: /确\s?定/ });
    // The picker's inputs keep what they held where a fill lands on it (the end once read 00:40 for 00:10 the
    // next day), so each is emptied first and read back.
    const typeTime = async (input: Locator, value: string) => {
      await input.click();
      await input.press('Control+a');
      await input.press('Backspace');
      await input.fill(value);
      assert.equal(await input.inputValue(), value);
      await ok.click();
    };
    await typeTime(form.getByPlaceholder('开始日期'), wall(20 * 60_000));
    await typeTime(form.getByPlaceholder('结束日期'), wall(140 * 60_000));
    await settled(page);
    await screenshot(page, 'console-08-activity-form');
    await form.getByRole('button', { name: '保存' }).click();
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('草稿').waitFor();
    await row.getByRole('button', { name: `发布 ${title}` }).click();
    await row.getByText('已发布').waitFor();
    await settled(page);
    await screenshot(page, 'console-09-activities');
    await page.getByRole('tab', { name: '身边榜样' }).click();
    await page.getByRole('columnheader', { name: '故事' }).waitFor();
    await page.getByText('已公开').first().waitFor();
    await settled(page);
    await screenshot(page, 'console-10-role-models');
  });

  test('the resident finds it in 活动 on the phone, as a list and on the month calendar, and signs up', async () => {
    resident = await open(PHONE, 'resident');
    const { page } = resident;
    residentName = (await api('/api/v1/auth/me', 'resident')).displayName;
    await page.goto('/');
    await page.getByRole('link', { name: '邻里' }).click();
    await page.getByRole('link', { name: '社区活动' }).click();
    await page.getByRole('heading', { name: '社区活动' }).waitFor();
    const card = page.getByRole('listitem', { name: title });
    await card.waitFor();
    await card.getByRole('button', { name: `报名 ${title}` }).click();
    await card.getByText('已报名').waitFor();
    await page.getByRole('heading', { name: '身边榜样' }).waitFor();
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling on the phone');
    await settled(page);
    await screenshot(page, 'console-11-resident-activities');
    await page.getByText('日历', { exact: true }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('listitem', { name: title }).waitFor();
    assert.equal(await scrollsSideways(page), false);
    await settled(page);
    await screenshot(page, 'console-12-resident-calendar');
    await page.getByRole('button', { name: '出示我的签到码' }).click();
    await page.getByRole('img', { name: '我的签到二维码' }).scrollIntoViewIfNeeded();
    await settled(page);
    await screenshot(page, 'console-13-resident-check-in');
  });

  test('the office ticks the resident present from the sign-up list, and the points arrive', async () => {
    const { page } = office;
    const before = (await api('/api/v1/points/me', 'resident')).total;
    await page.getByRole('tab', { name: '社区活动' }).click();
    await page.getByRole('row').filter({ hasText: title }).getByRole('button', { name: `报名与签到 ${title}` }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '现场签到码' });
    await drawer.getByTestId('door-code').waitFor();
    const row = drawer.getByRole('row').filter({ hasText: '已报名' });
    await row.waitFor();
    await settled(page);
    await screenshot(page, 'console-14-roster');
    await row.getByRole('button', { name: /^为 .+ 签到$/ }).click();
    await row.getByText('已签到').waitFor();
    const after = (await api('/api/v1/points/me', 'resident')).total;
    const mine = await api('/api/v1/activities/mine', 'resident');
    const attended = mine.items.find((x: { activity: { title: string } }) => x.activity.title === title);
    assert.equal(attended.checkedIn, true);
    assert.equal(after - before, attended.points, 'the ledger paid what the attendance says');
    assert.ok(attended.points > 0, 'attendance earns points under the community\'s rule');
    await settled(page);
    await screenshot(page, 'console-15-roster-ticked');

    const phone = resident.page;
    await phone.reload();
    await phone.getByText(`已签到，获得 ${attended.points} 积分`).waitFor();
    assert.ok(residentName);
  });

  test('the office lists a new reward for the dental clinic in 积分 → 商户', async () => {
    const { page } = office;
    await page.goto('/admin/points');
    await page.getByRole('tab', { name: '商户' }).click();
    const row = page.getByRole('row').filter({ hasText: '雪域口腔诊所' });
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('list', { name: '雪域口腔诊所 的兑换项目' }).waitFor();
    await page.getByRole('button', { name: '上架兑换项目' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '上架兑换项目' });
    await form.getByLabel('兑换项目').fill('牙齿检查一次');
    await form.getByLabel('所需积分').fill('3');
    await form.getByLabel('库存').fill('20');
    await settled(page);
    await screenshot(page, 'console-16-reward-form');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('list', { name: '雪域口腔诊所 的兑换项目' }).getByText('牙齿检查一次').waitFor();
    const offered = await api('/api/v1/points/rewards', 'resident');
    assert.ok(offered.items.some((r: { name: string; price: number }) => r.name === '牙齿检查一次' && r.price === 3), 'residents see it on offer');
    await settled(page);
    await screenshot(page, 'console-17-merchant-rewards');
    await row.getByRole('button', { name: '月度结算 雪域口腔诊所' }).click();
    await page.getByRole('dialog').filter({ hasText: '月度结算' }).getByText(/兑换 \d+ 笔/).waitFor();
    await settled(page);
    await screenshot(page, 'console-18-settlement');
    await page.getByRole('dialog').filter({ hasText: '月度结算' }).getByRole('button', { name: '取消' }).click();
    await page.getByRole('tab', { name: '积分台账' }).click();
    await page.getByRole('button', { name: '人工奖励' }).click();
    await page.getByRole('dialog').filter({ hasText: '人工奖励积分' }).getByLabel('事由').waitFor();
    await settled(page);
    await screenshot(page, 'console-19-award');
  });

  test('in English the pages read in English', async () => {
    const { page } = office;
    await page.goto('/admin/talents');
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByRole('heading', { name: 'Talent pool' }).waitFor();
    await page.getByRole('tab', { name: 'All talents' }).click();
    await page.getByRole('row').filter({ hasText: 'Confirmed' }).first().waitFor();
    await settled(page);
    await screenshot(page, 'console-20-talents-en');
    await page.getByRole('link', { name: 'Activities' }).or(page.getByRole('menuitem', { name: 'Activities' })).first().click();
    await page.getByRole('heading', { name: 'Activities' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Published' }).first().waitFor();
    await settled(page);
    await screenshot(page, 'console-21-activities-en');
    const phone = resident.page;
    await phone.getByRole('button', { name: '语言' }).click();
    await phone.getByRole('heading', { name: 'Community activities' }).waitFor();
    await phone.getByText('Signed up').first().waitFor();
    assert.equal(await scrollsSideways(phone), false);
    await settled(phone);
    await screenshot(phone, 'console-22-resident-activities-en');
  });

  test('no page logged an error', async () => {
    for (const p of pages) assert.deepEqual(p.errors, [], `console errors on ${p.page.url()}`);
  });
});
