import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { IN_CSK_03, type DemoApp, startDemoApp } from '../../../../test/support/demo-app.ts';
import { tinyJpeg } from '../../../../test/reliability/support/world.ts';

type Headers = Record<string, string>;

describe('micro-wishes: needs list, service list, claims and fulfilment (journey 5 in small)', () => {
  let t: DemoApp;
  let community: { id: string; code: string };
  let compoundId: string;
  let hospital: string;
  let gym: string;
  let farUnit: string;
  let barber: string;
  const photos: string[] = [];

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const code = (res: LightMyRequestResponse) => `${res.statusCode} ${res.statusCode >= 400 ? res.json().error.code : ''}`.trim();
  const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object, status = method === 'POST' ? 201 : 200) => {
    const res = await send(method, url, headers, payload);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const n = async (table: 'cases' | 'case_events' | 'wish_claims' | 'service_offers' | 'case_photos') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ cases: await n('cases'), events: await n('case_events'), claims: await n('wish_claims'), offers: await n('service_offers'), photos: await n('case_photos') });
  const offerTaken = async (id: string) => Number((await t.db.selectFrom('service_offers').select('claims_taken').where('id', '=', id).executeTakeFirstOrThrow()).claims_taken);
  const visitWish = (description: string, extra: object = {}) => ok('POST', '/api/v1/wishes', t.as.gridworker, { description, wishType: 'goods', compoundId, ...extra });

  before(async () => {
    t = await startDemoApp();
    community = await t.db.selectFrom('org_nodes').select(['id', 'code']).where('code', '=', 'CSK').executeTakeFirstOrThrow();
    const grid = await t.db.selectFrom('org_nodes').select('path').where('code', '=', 'CSK-03').executeTakeFirstOrThrow();
    compoundId = (await t.db.selectFrom('compounds').select('id').where('path', '=', grid.path).orderBy('name').executeTakeFirstOrThrow()).id;
    const unit = async (name: string) => (await t.db.selectFrom('partner_units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    hospital = await unit('拉萨市人民医院');
    gym = await unit('城关区全民健身中心');
    farUnit = await unit('金珠中路小学');
    barber = (await t.db.selectFrom('talents').select('id').where('community_id', '=', community.id).where('status', '=', 'confirmed').orderBy('created_at').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 3; i++) photos.push((await ok('POST', '/api/v1/photos', { 'content-type': 'image/jpeg' }, (await tinyJpeg()) as unknown as object)).id);
  });
  after(() => t?.close());

  test('grid worker records wishes, a unit offers one-to-many for 2, the office matches 3: the third is refused; fulfil with a photo, verify, the needs list shows what is open', async () => {
    const wishes: any[] = [];
    for (const text of ['独居老人想要一台轮椅', '低保户需要冬季棉被', '残疾人家庭需要米面油']) wishes.push(await visitWish(text, { beneficiaryNote: '西嘎奴大院 3 号 独居', publicSummary: '老人需要生活物资' }));
    for (const w of wishes) {
      assert.equal(w.status, 'open');
      const row = await t.db.selectFrom('cases').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
      // The community's queue: a unit, nobody named; the case stays in its grid for the grid's people.
      assert.deepEqual([row.kind, row.category, row.state, row.channel, row.handler_node_id, row.handler_staff_id], ['micro_wish', '1202', 'new', 'visit', community.id, null]);
      assert.ok(row.path.endsWith(`/`) && row.path !== row.handler_path, 'located in its grid, queued at the community');
    }
    const offer = await ok('POST', '/api/v1/service-offers', t.as.community, { community: 'CSK', partnerUnitId: hospital, title: '冬季爱心物资', kind: 'goods', wishType: 'goods', mode: 'one_to_many', capacity: 2 });
    assert.deepEqual([offer.capacity, offer.placesLeft, offer.provider.name, offer.modeLabel], [2, 2, '拉萨市人民医院', '一对多']);

    const board = await ok('GET', '/api/v1/wishes?node=CSK&status=open', t.as.community);
    const first = board.items.find((i: any) => i.id === wishes[0].id);
    assert.ok(first.candidates.some((c: any) => c.id === offer.id && c.sameType), 'the board proposes the offer for the wish');
    assert.ok(first.abilities.includes('claim'));

    const c1 = await ok('POST', `/api/v1/wishes/${wishes[0].id}/claim`, t.as.community, { offerId: offer.id });
    assert.equal(c1.wish.status, 'claimed');
    assert.equal(c1.wish.state, 'in_progress');
    await ok('POST', `/api/v1/wishes/${wishes[1].number}/claim`, t.as.community, { offerId: offer.id });
    const before = await counts();
    const third = await send('POST', `/api/v1/wishes/${wishes[2].id}/claim`, t.as.community, { offerId: offer.id });
    assert.equal(code(third), '409 SERVICE_OFFER_FULL');
    assert.match(third.json().error.message, /2/);
    assert.deepEqual(await counts(), before, 'the refused claim wrote nothing');
    assert.equal(await offerTaken(offer.id), 2);

    // The timeline says who claimed, through the engine's steps.
    const events = await t.db.selectFrom('case_events').select(['action', 'reason']).where('case_id', '=', wishes[0].id).orderBy('seq').execute();
    assert.deepEqual(events.map((e) => e.action), ['submit', 'dispatch', 'accept']);
    assert.match(events[1]!.reason!, /拉萨市人民医院 认领/);

    // Fulfilment needs a photo, and the grid worker of the wish's grid may record it.
    const claimId = c1.claimId;
    assert.equal(code(await send('POST', `/api/v1/wishes/${wishes[0].id}/claims/${claimId}/fulfil`, t.as.gridworker, { note: '已送上轮椅', photoIds: [] })), '400 VALIDATION_FAILED');
    assert.equal(code(await send('POST', `/api/v1/wishes/${wishes[0].id}/claims/${claimId}/fulfil`, t.as.gridworker, { note: '已送上轮椅', photoIds: ['no-such-photo'] })), '400 PHOTO_NOT_FOUND');
    assert.deepEqual(await counts(), before);
    const done = await ok('POST', `/api/v1/wishes/${wishes[0].id}/claims/${claimId}/fulfil`, t.as.gridworker, { note: '已送上轮椅一台', photoIds: [photos[0]] }, 200);
    assert.equal(done.status, 'fulfilled');
    assert.equal(done.claims[0].photos.length, 1);
    const proof = await t.db.selectFrom('case_photos').select(['photo_id', 'role']).where('case_id', '=', wishes[0].id).execute();
    assert.deepEqual(proof, [{ photo_id: photos[0], role: 'proof' }]);
    // Whoever recorded it does not verify it; the community office does.
    const gw = await send('POST', `/api/v1/cases/${wishes[0].id}/verify`, t.as.gridworker, { pass: true });
    assert.ok(gw.statusCode === 403, gw.body);
    const verified = await ok('POST', `/api/v1/cases/${wishes[0].id}/verify`, t.as.community, { pass: true }, 200);
    assert.equal(verified.state, 'closed');
    assert.equal((await ok('GET', `/api/v1/wishes/${wishes[0].id}`, t.as.community)).status, 'closed');

    const needs = await ok('GET', '/api/v1/wishes/public?community=CSK', {});
    assert.deepEqual(needs.counts, { posted: 3, open: 1, claimed: 1, fulfilled: 1 });
    const open = await ok('GET', '/api/v1/wishes/public?community=CSK&status=open', {});
    assert.deepEqual(open.items.map((i: any) => i.number), [wishes[2].number]);
    assert.equal(open.items[0].summary, '老人需要生活物资');
    const text = JSON.stringify(needs);
    for (const secret of ['西嘎奴大院 3 号', '独居老人想要', '棉被']) assert.ok(!text.includes(secret), `the public list shows ${secret}`);
    assert.ok(needs.items.some((i: any) => i.claimedBy.includes('拉萨市人民医院')), 'units are named');

    const figures = await ok('GET', `/api/v1/wishes/figures?node=${community.id}&period=year`, t.as.community);
    const row = figures.communities.find((c: any) => c.community.code === 'CSK');
    assert.deepEqual([row.posted, row.claimed, row.fulfilled, row.verified, row.open], [3, 2, 1, 1, 1]);
    const drill = await ok('GET', row.wishesUrl, t.as.community);
    assert.equal(drill.total, 3);
    const xlsx = await send('GET', `/api/v1/wishes/figures.xlsx?node=CSK&period=year`, t.as.community);
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const [summary, list] = book.worksheets;
    const cskRow = summary!.getSheetValues().find((r) => Array.isArray(r) && r[1] === '冲赛康社区') as unknown[];
    assert.deepEqual(cskRow.slice(2, 7), [3, 2, 1, 1, 1]);
    const numbers = list!.getColumn(1).values.slice(2);
    assert.deepEqual([...numbers].sort(), wishes.map((w) => w.number).sort(), 'the list sheet holds the wishes behind the figures');
  });

  test('many-to-one: several claimants share a wish; it is resolved once the last one is done', async () => {
    const w = await visitWish('老房子需要修缮屋顶和更换电线', { wishType: 'repair' });
    const a = await ok('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { partnerUnitId: gym });
    const b = await ok('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { talentId: barber });
    const c = await ok('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { name: '冲赛康物业' });
    assert.equal(c.wish.claims.length, 3);
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { partnerUnitId: gym })), '409 WISH_ALREADY_CLAIMED');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { partnerUnitId: farUnit })), '400 WISH_CLAIMANT_OUTSIDE_COMMUNITY');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { partnerUnitId: gym, name: '两个' })), '400 WISH_CLAIMANT_REQUIRED');
    await ok('POST', `/api/v1/wishes/${w.id}/claims/${a.claimId}/fulfil`, t.as.community, { note: '屋顶已修', photoIds: [photos[1]] }, 200);
    const mid = await ok('POST', `/api/v1/wishes/${w.id}/claims/${b.claimId}/withdraw`, t.as.community, { reason: '时间冲突' }, 200);
    assert.equal(mid.status, 'claimed', 'one claim still pending');
    const end = await ok('POST', `/api/v1/wishes/${w.id}/claims/${c.claimId}/fulfil`, t.as.community, { note: '电线已更换', photoIds: [photos[2], photos[1]] }, 200);
    assert.equal(end.status, 'fulfilled');
    assert.equal(end.state, 'resolved');
    assert.equal(Number((await t.db.selectFrom('case_photos').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', w.id).executeTakeFirstOrThrow()).n), 2, 'a photo shared by two fulfilments is attached once');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claims/${a.claimId}/withdraw`, t.as.community, { reason: '晚了' })), '409 WISH_CLAIM_NOT_PENDING');
    // The last pending claimant withdrawing after the others are done: the wish is fulfilled by them.
    const v = await visitWish('楼道需要安装扶手', { wishType: 'repair' });
    const x = await ok('POST', `/api/v1/wishes/${v.id}/claim`, t.as.community, { partnerUnitId: gym });
    const y = await ok('POST', `/api/v1/wishes/${v.id}/claim`, t.as.community, { name: '冲赛康物业' });
    await ok('POST', `/api/v1/wishes/${v.id}/claims/${x.claimId}/fulfil`, t.as.community, { note: '扶手已安装', photoIds: [photos[0]] }, 200);
    const left = await ok('POST', `/api/v1/wishes/${v.id}/claims/${y.claimId}/withdraw`, t.as.community, { reason: '已由健身中心完成' }, 200);
    assert.deepEqual([left.status, left.state, left.resolution], ['fulfilled', 'resolved', '城关区全民健身中心：扶手已安装']);
  });

  test('withdrawing the last claim frees the offer place and puts the wish back on the needs list', async () => {
    const w = await visitWish('想要一副老花镜', { wishType: 'health' });
    const offer = await ok('POST', '/api/v1/service-offers', t.as.community, { community: 'CSK', partnerUnitId: hospital, title: '老花镜验配', kind: 'service', wishType: 'health', mode: 'one_to_one' });
    const claim = await ok('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { offerId: offer.id });
    assert.equal(await offerTaken(offer.id), 1);
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claims/${claim.claimId}/withdraw`, t.as.gridworker, { reason: '医生出差' })), '403 FORBIDDEN');
    const back = await ok('POST', `/api/v1/wishes/${w.id}/claims/${claim.claimId}/withdraw`, t.as.community, { reason: '医生出差' }, 200);
    assert.deepEqual([back.status, back.state], ['open', 'new']);
    assert.equal(await offerTaken(offer.id), 0);
    const open = await ok('GET', '/api/v1/wishes/public?community=CSK&status=open&pageSize=100', {});
    assert.ok(open.items.some((i: any) => i.number === w.number));
    // One-to-one offers take one wish; lowering a capacity below its claims is refused.
    assert.equal(code(await send('PATCH', `/api/v1/service-offers/${offer.id}`, t.as.community, { capacity: 3 })), '409 SERVICE_OFFER_CAPACITY_INVALID');
    const stopped = await ok('PATCH', `/api/v1/service-offers/${offer.id}`, t.as.community, { active: false });
    assert.equal(stopped.active, false);
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { offerId: offer.id })), '409 SERVICE_OFFER_INACTIVE');
    const listed = await ok('GET', '/api/v1/service-offers?community=CSK&pageSize=100', {});
    assert.ok(!listed.items.some((o: any) => o.id === offer.id), 'a stopped offer leaves the public list');
  });

  test('racing claims never pass the offer capacity', async () => {
    const offer = await ok('POST', '/api/v1/service-offers', t.as.community, { community: 'CSK', partnerUnitId: gym, title: '免费健身卡', kind: 'goods', wishType: 'other', mode: 'one_to_many', capacity: 3 });
    const wishes: any[] = [];
    for (let i = 0; i < 8; i++) wishes.push(await visitWish(`想办一张健身卡 ${i}`, { wishType: 'other' }));
    const results = await Promise.all(wishes.map((w) => send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { offerId: offer.id })));
    const codes = results.map(code);
    assert.equal(codes.filter((c) => c === '201').length, 3, codes.join(','));
    assert.ok(codes.every((c) => c === '201' || c === '409 SERVICE_OFFER_FULL'), codes.join(','));
    assert.equal(await offerTaken(offer.id), 3);
    const live = await t.db.selectFrom('wish_claims').select((eb) => eb.fn.countAll<number>().as('n')).where('offer_id', '=', offer.id).executeTakeFirstOrThrow();
    assert.equal(Number(live.n), 3);
  });

  test('residents post their own wish at home; bad input gets a clear 4xx and writes nothing', async () => {
    const mine = await ok('POST', '/api/v1/wishes', t.as.resident, { description: '希望有人教我用智能手机', wishType: 'other', publicSummary: '不该被采用' });
    assert.deepEqual([mine.channel, mine.status, mine.publicSummary], ['app', 'open', null]);
    const list = await ok('GET', '/api/v1/wishes', t.as.resident);
    assert.deepEqual(list.items.map((i: any) => i.id), [mine.id], 'a resident sees their own wishes only');
    assert.equal(code(await send('GET', `/api/v1/wishes/${mine.id}`, t.as.police)), '200');

    const before = await counts();
    const bad: [Headers, object, string][] = [
      [t.as.resident, { description: '', wishType: 'goods' }, '400 VALIDATION_FAILED'],
      [t.as.resident, { description: '想要', wishType: 'car' }, '400 VALIDATION_FAILED'],
      [t.as.gridworker, { description: '想要米', wishType: 'goods' }, '400 WISH_PLACE_REQUIRED'],
      [t.as.gridworker, { description: '想要米', wishType: 'goods', channel: 'proxy' }, '400 WISH_RESIDENT_CONSENT_REQUIRED'],
      [t.as.gridworker, { description: '想要米', wishType: 'goods', compoundId: 'nope' }, '404 COMPOUND_NOT_FOUND'],
      [t.as.gridworker, { description: '想要米', wishType: 'goods', location: [91.1335, 95] }, '400 VALIDATION_FAILED'],
      [t.as.gridworker, { description: '想要米', wishType: 'goods', location: IN_CSK_03 ? [IN_CSK_03.lng, IN_CSK_03.lat] : [], photoIds: ['missing'] }, '400 PHOTO_NOT_FOUND'],
      [{}, { description: '想要米', wishType: 'goods' }, '401 UNAUTHENTICATED'],
    ];
    for (const [who, payload, expected] of bad) assert.equal(code(await send('POST', '/api/v1/wishes', who, payload)), expected, JSON.stringify(payload));
    const w = await visitWish('想要一袋米');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, {})), '400 WISH_CLAIMANT_REQUIRED');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.community, { offerId: 'nope' })), '404 SERVICE_OFFER_NOT_FOUND');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claim`, t.as.gridworker, { partnerUnitId: gym })), '403 FORBIDDEN');
    assert.equal(code(await send('POST', `/api/v1/wishes/${w.id}/claims/nope/fulfil`, t.as.community, { note: '完成', photoIds: [photos[0]] })), '404 WISH_CLAIM_NOT_FOUND');
    assert.equal(code(await send('POST', '/api/v1/wishes/nope/claim', t.as.community, { partnerUnitId: gym })), '404 WISH_NOT_FOUND');
    assert.equal(code(await send('POST', '/api/v1/service-offers', t.as.community, { community: 'CSK', title: '无人提供', kind: 'goods', wishType: 'goods', mode: 'one_to_many' })), '400 SERVICE_OFFER_PROVIDER_REQUIRED');
    assert.equal(code(await send('POST', '/api/v1/service-offers', t.as.community, { community: 'CSK', partnerUnitId: farUnit, title: '未结对', kind: 'goods', wishType: 'goods', mode: 'one_to_many' })), '400 PARTNER_UNIT_NOT_PAIRED');
    assert.equal(code(await send('POST', '/api/v1/service-offers', t.as.community, { community: 'CSK', partnerUnitId: gym, title: '一对一', kind: 'goods', wishType: 'goods', mode: 'one_to_one', capacity: 2 })), '409 SERVICE_OFFER_CAPACITY_INVALID');
    assert.equal(code(await send('POST', '/api/v1/service-offers', t.as.gridworker, { community: 'CSK', partnerUnitId: gym, title: '网格员', kind: 'goods', wishType: 'goods', mode: 'one_to_many' })), '403 FORBIDDEN');
    const en = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${w.id}/claim`, headers: { ...t.as.community, 'accept-language': 'en' }, payload: {} });
    assert.match(en.json().error.message, /exactly one claimant/);
    const after = await counts();
    assert.deepEqual({ ...after, cases: after.cases - 1, events: after.events - 1 }, before, 'only the one good wish was written');
  });
});
