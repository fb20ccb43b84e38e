import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { gridContacts } from './contacts.ts';
import { buildStaffTestTree, insertStaff, type StaffTestTree } from './staff.test-tree.ts';

/** The elements of an XML document, in order; throws when it is not well-formed. */
function parseXml(xml: string): { name: string; attributes: Record<string, string> }[] {
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => elements.push({ name: tag.local, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])) }));
  parser.write(xml).close();
  return elements;
}

describe('contact cards (便民联系卡) and grid pages', () => {
  let t: TestApp;
  let tree: StaffTestTree;

  before(async () => {
    t = await startTestApp();
    tree = await buildStaffTestTree(t.db);
    // Inserted out of card order on purpose; the off-duty part-timer is assigned first.
    await insertStaff(t.db, tree, '兼职甲', '13800000005', [['WB-01', 'part_time_grid_worker', false]]);
    await insertStaff(t.db, tree, '兼职乙', '13800000006', [['WB-01', 'part_time_grid_worker', true]]);
    await insertStaff(t.db, tree, '民警丙', '0891-6320110', [['WB', 'police_officer', false, 'WB-JG']]);
    await insertStaff(t.db, tree, '民警丁', '0891-6320111', [['WB', 'police_officer', true, 'WB-JG']]);
    await insertStaff(t.db, tree, '社工戊', '13800000004', [['WB-01', 'community_worker']]);
    await insertStaff(t.db, tree, '网格员己', '13800000003', [['WB-01', 'grid_worker']]);
    // The grid leader also serves as a community worker here; the card lists them once, as 网格长.
    await insertStaff(t.db, tree, '网格长庚', '13800000002', [['WB-01', 'community_worker'], ['WB-01', 'grid_leader']]);
    await insertStaff(t.db, tree, '隔壁网格', '13800000008', [['WB-02', 'grid_worker']]);
    await insertStaff(t.db, tree, '加措网格员', '13800000009', [['JC-01', 'grid_worker']]);
    await t.ctx.geo.reload(t.db);
  });
  after(() => t.close());

  test('gridContacts lists 网格长, 专职网格员, 社区工作者, 兼职网格员, then the beat\'s 民警, on duty first', async () => {
    const contacts = await gridContacts(t.db, tree.ids['WB-01']!, tree.ids['WB-JG']!, 'zh-CN');
    assert.deepEqual(contacts.map((c) => [c.roleLabel, c.name]), [
      ['网格长', '网格长庚'],
      ['专职网格员', '网格员己'],
      ['社区工作者', '社工戊'],
      ['兼职网格员', '兼职乙'],
      ['兼职网格员', '兼职甲'],
      ['民警', '民警丁'],
      ['民警', '民警丙'],
    ]);
    assert.deepEqual(contacts[0], { name: '网格长庚', role: 'grid_leader', roleLabel: '网格长', workPhone: '13800000002' });

    const withoutBeat = await gridContacts(t.db, tree.ids['WB-01']!, null, 'en');
    assert.deepEqual(withoutBeat.map((c) => c.roleLabel), ['grid leader', 'full-time grid worker', 'community worker', 'part-time grid worker', 'part-time grid worker']);
    assert.deepEqual(await gridContacts(t.db, tree.ids['JC-01']!, null, 'zh-CN'), [{ name: '加措网格员', role: 'grid_worker', roleLabel: '专职网格员', workPhone: '13800000009' }]);
  });

  test('the contact card is an A6 SVG with every contact, phone and a QR code to the grid page', async () => {
    const res = await t.app.inject({ url: '/api/v1/grids/WB-01/contact-card' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
    const elements = parseXml(res.body);
    const root = elements[0]!;
    assert.equal(root.name, 'svg');
    assert.equal(root.attributes.viewBox, '0 0 105 148');
    assert.match(root.attributes['font-family']!, /Noto Sans CJK SC/);
    for (const s of ['便民联系卡', '维巴村第一网格', '夺底街道 · 维巴村', '有事找网格员', '网格长庚', '13800000002', '民警丁', '0891-6320111', '兼职网格员']) {
      assert.ok(res.body.includes(s), `card shows ${s}`);
    }
    assert.ok(!res.body.includes('隔壁网格'), 'staff of another grid are not on this card');
    const qr = elements.find((e) => e.name === 'svg' && e.attributes.class === 'qr');
    assert.ok(qr, 'QR code embedded');
    const qrIndex = elements.indexOf(qr!);
    assert.equal(elements[qrIndex + 1]?.name, 'path');
    assert.ok(res.body.includes('http://lianxin.test/grid/WB-01'), 'the QR address is printed under it');

    const byId = await t.app.inject({ url: `/api/v1/grids/${tree.ids['WB-01']}/contact-card?format=svg` });
    assert.equal(byId.statusCode, 200);
    const english = await t.app.inject({ url: '/api/v1/grids/WB-01/contact-card', headers: { 'accept-language': 'en' } });
    assert.ok(english.body.includes('Contact Card') && english.body.includes('grid leader'));
  });

  test('names are escaped, so a hostile name cannot break the SVG or the page', async () => {
    await insertStaff(t.db, tree, '<script>&"\'\u0007', '13800000007', [['WB-02', 'grid_leader']]);
    const card = await t.app.inject({ url: '/api/v1/grids/WB-02/contact-card' });
    assert.equal(card.statusCode, 200);
    parseXml(card.body);
    assert.ok(card.body.includes('&lt;script&gt;&amp;&quot;&apos;'));
    const page = await t.app.inject({ url: '/grid/WB-02' });
    assert.ok(!page.body.includes('<script>'));
  });

  test('an unknown grid answers 404 GRID_NOT_FOUND in the caller\'s language', async () => {
    const zh = await t.app.inject({ url: '/api/v1/grids/NO-SUCH/contact-card' });
    assert.equal(zh.statusCode, 404);
    assert.deepEqual(body(zh).error, { code: 'GRID_NOT_FOUND', message: '未找到该网格。', details: { grid: 'NO-SUCH' } });
    const en = await t.app.inject({ url: '/api/v1/grids/WB/contact-card', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.equal(en.statusCode, 404, 'a community is not a grid');
    assert.equal(body(en).error.message, 'No such grid.');
    const badFormat = await t.app.inject({ url: '/api/v1/grids/WB-01/contact-card?format=pdf' });
    assert.equal(badFormat.statusCode, 400);
    assert.equal(body(badFormat).error.code, 'VALIDATION_FAILED');
  });

  test('the grid page lists the contacts with tap-to-call links, in zh-CN or English', async () => {
    const res = await t.app.inject({ url: '/grid/WB-01?from=singlemessage' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /<meta name="viewport"/);
    assert.ok(!/<script/i.test(res.body), 'no scripts');
    for (const s of ['维巴村第一网格', '夺底街道 · 维巴村', '网格长庚', 'href="tel:13800000002"', 'href="tel:0891-6320111"', '/api/v1/grids/WB-01/contact-card', '有事找网格员']) {
      assert.ok(res.body.includes(s), `page shows ${s}`);
    }
    assert.ok(res.body.indexOf('网格长庚') < res.body.indexOf('民警丁'), 'same order as the card');

    const en = await t.app.inject({ url: '/grid/WB-01?lang=en' });
    assert.match(en.body, /<html lang="en">/);
    assert.ok(en.body.includes('grid leader') && en.body.includes('Print the contact card'));
    const accept = await t.app.inject({ url: '/grid/WB-01', headers: { 'accept-language': 'en' } });
    assert.match(accept.body, /<html lang="en">/);

    const missing = await t.app.inject({ url: '/grid/NO-SUCH', headers: { 'accept-language': 'en' } });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /^text\/html/);
    assert.ok(missing.body.includes('No such grid.'));
  });
});
