import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { IN_CSK_03, type DemoApp, startDemoApp } from '../support/demo-app.ts';
import { makeIdNumber } from '../support/factories.ts';
import { tinyJpeg } from './support/world.ts';

// Nothing that identifies a reporter leaves through a public output: the public board, Open311 (JSON and
// XML), the grid contact card (SVG, PNG-free page) and the photos staff released. The only phone numbers
// those outputs may carry are the work phones of the staff on the contact cards.

let t: DemoApp;
const secrets: string[] = [];
let staffPhones: Set<string>;
let gridCode = 'CSK-03';
let gridId: string;

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

async function report(payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { category: '0501', location: IN_CSK_03, isPublic: undefined, ...payload }, headers });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

before(async () => {
  t = await startDemoApp();
  const grid = await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', gridCode).executeTakeFirstOrThrow();
  gridId = grid.id;
  // A resident with a known ID number, so its absence can be checked.
  const idNumber = makeIdNumber();
  const resident = await t.db.selectFrom('residents').select(['id', 'name', 'phone']).where('path', '=', grid.path).orderBy('id').executeTakeFirstOrThrow();
  await t.db.updateTable('residents').set({ id_number: idNumber }).where('id', '=', resident.id).execute();
  const me = await t.app.inject({ url: '/api/v1/auth/me', headers: t.as.resident });
  const self = await t.db.selectFrom('residents').select(['name', 'phone', 'id_number']).where('id', '=', me.json().residentId).executeTakeFirstOrThrow();
  secrets.push('匿名张三', '13911112222', '代办李四', '13933334444', idNumber, resident.name, self.name);
  if (resident.phone) secrets.push(resident.phone);
  if (self.phone) secrets.push(self.phone);
  if (self.id_number) secrets.push(self.id_number);

  const photo = (await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: await tinyJpeg(), headers: { 'content-type': 'image/jpeg' } })).json().id;
  const ids = [
    // Anonymous, with a name and phone to call back.
    await report({ description: '路灯坏了，联系我 匿名张三', reporter: { name: '匿名张三', phone: '13911112222' }, photoIds: [photo] }),
    // A resident's own report.
    await report({ description: '楼道里堆满杂物' }, t.as.resident),
    // 代办: a grid worker files for a resident who consented.
    await report({ description: '老人家里水管漏水', channel: 'proxy', proxyFor: { residentId: resident.id, consent: '本人口头同意，网格员记录' } }, t.as.gridworker),
    await report({ description: '代办：门口下水道堵了', channel: 'proxy', proxyFor: { name: '代办李四', phone: '13933334444', consent: '本人口头同意' } }, t.as.gridworker),
  ];
  // Make them public, with every photo released, and carry one through to the end with a public note.
  for (const id of ids) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/publish`, payload: { public: true, releasePhotoIds: [photo] }, headers: t.as.admin });
    if (res.statusCode !== 200) await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/publish`, payload: { public: true }, headers: t.as.admin });
  }
  const first = ids[0]!;
  for (const [action, who, payload] of [['accept', t.as.gridworker, {}], ['note', t.as.gridworker, { text: '已联系', publicNote: true }], ['resolve', t.as.gridworker, { result: '已更换灯泡' }], ['verify', t.as.gridleader, { pass: true }]] as const) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${first}/${action}`, payload, headers: who });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  }
  // Micro-wishes (M6): a resident's own wish naming themselves, one filed for a neighbour with the staff's public
  // words carrying a phone, claimed by a talent (a person) through an offer; both on the public needs list.
  const mine = await t.app.inject({ method: 'POST', url: '/api/v1/wishes', payload: { description: `我是${self.name}，电话13911112222，想要一台轮椅`, wishType: 'care' }, headers: t.as.resident });
  assert.equal(mine.statusCode, 201, mine.body);
  const forNeighbour = await t.app.inject({ method: 'POST', url: '/api/v1/wishes', payload: { description: `${resident.name}老人需要米面油`, wishType: 'goods', residentId: resident.id, consent: '本人口头同意', beneficiaryNote: `${resident.name} 13933334444`, publicSummary: '老人需要米面油，联系13933334444' }, headers: t.as.gridworker });
  assert.equal(forNeighbour.statusCode, 201, forNeighbour.body);
  const talent = await t.db.selectFrom('talents').leftJoin('residents', 'residents.id', 'talents.resident_id').select(['talents.id', 'talents.name', 'residents.name as resident_name', 'talents.phone']).where('talents.community_id', '=', (await t.db.selectFrom('org_nodes').select('id').where('code', '=', 'CSK').executeTakeFirstOrThrow()).id).where('talents.status', '=', 'confirmed').orderBy('talents.id').executeTakeFirstOrThrow();
  secrets.push(talent.resident_name ?? talent.name);
  if (talent.phone) secrets.push(talent.phone);
  const offer = await t.app.inject({ method: 'POST', url: '/api/v1/service-offers', payload: { community: 'CSK', talentId: talent.id, title: '上门送米面油', kind: 'goods', wishType: 'goods', mode: 'one_to_many', capacity: 5 }, headers: t.as.community });
  assert.equal(offer.statusCode, 201, offer.body);
  const claimed = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${forNeighbour.json().id}/claim`, payload: { offerId: offer.json().id }, headers: t.as.community });
  assert.equal(claimed.statusCode, 201, claimed.body);
  staffPhones = new Set((await t.db.selectFrom('staff').select('work_phone').execute()).map((s) => s.work_phone).filter((p): p is string => !!p));
});

after(() => t?.close());

/** Every public output, as text (binary answers as latin1, so a phone number in image metadata shows too). */
async function publicOutputs(): Promise<{ url: string; text: string }[]> {
  const urls = [
    '/api/v1/public/cases?pageSize=100',
    '/open311/v2/requests.json',
    '/open311/v2/requests.xml',
    `/grid/${gridCode}`,
    `/grid/${gridCode}?lang=en`,
    `/api/v1/grids/${gridId}/contact-card`,
    `/api/v1/grids/${gridId}/contact-card?format=svg`,
    `/api/v1/grids/${gridCode}/contact-card?format=png`,
    '/api/v1/route?lng=91.1335&lat=29.6565',
    '/api/v1/wishes/public?pageSize=100',
    '/api/v1/wishes/public?community=CSK&pageSize=100&lang=en',
    '/api/v1/service-offers?pageSize=100',
  ];
  const out: { url: string; text: string }[] = [];
  for (const url of urls) {
    const res = await t.app.inject({ url });
    if (res.statusCode >= 400) continue;
    out.push({ url, text: res.rawPayload.toString('utf8') + res.rawPayload.toString('latin1') });
  }
  const board = (await t.app.inject({ url: '/api/v1/public/cases?pageSize=100' })).json().items ?? [];
  const requests = (await t.app.inject({ url: '/open311/v2/requests.json' })).json();
  for (const r of Array.isArray(requests) ? requests : []) {
    const one = await t.app.inject({ url: `/open311/v2/requests/${r.service_request_id}.json` });
    out.push({ url: `/open311/v2/requests/${r.service_request_id}.json`, text: one.body });
  }
  const photoUrls = new Set<string>();
  const collect = (v: unknown) => {
    if (typeof v === 'string' && v.startsWith('/api/v1/photos/')) photoUrls.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(board);
  collect(requests);
  for (const url of photoUrls) {
    const res = await t.app.inject({ url });
    out.push({ url, text: res.rawPayload.toString('latin1') });
  }
  return out;
}

test('the public outputs show cases, but no reporter name, phone or ID number', async () => {
  const outputs = await publicOutputs();
  const board = outputs.find((o) => o.url.startsWith('/api/v1/public/cases'))!;
  assert.ok(board.text.includes('已更换灯泡') || board.text.includes('路灯'), 'the public board lists the published cases');
  assert.ok(outputs.some((o) => o.url.includes('open311') && o.url.endsWith('.xml')), 'Open311 XML answered');
  const needs = outputs.find((o) => o.url.startsWith('/api/v1/wishes/public'))!;
  assert.ok(needs.text.includes('老人需要米面油'), 'the needs list shows the wishes');
  for (const { url, text } of outputs) {
    for (const s of secrets) assert.ok(!text.includes(s), `${url} shows a private value: ${s}`);
    for (const m of text.match(ID_NUMBER) ?? []) assert.fail(`${url} shows an 18-character ID-number-like value ${m}`);
    for (const m of text.match(MOBILE) ?? []) assert.ok(staffPhones.has(m), `${url} shows a mobile number that is not a staff work phone: ${m}`);
  }
});

test('the contact card shows staff work phones and nothing else that looks like a phone', async () => {
  const card = await t.app.inject({ url: `/api/v1/grids/${gridId}/contact-card` });
  assert.ok(card.statusCode < 300, card.body);
  const phones = card.body.match(MOBILE) ?? [];
  assert.ok(phones.length > 0, 'the card lists work phones');
  for (const p of phones) assert.ok(staffPhones.has(p), p);
});
