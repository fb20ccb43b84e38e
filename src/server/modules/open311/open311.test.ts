import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { SaxesParser } from 'saxes';
import { at, IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';
import { createApiKey } from '../auth/auth.service.ts';
import { CATEGORIES } from '../cases/taxonomy.ts';
import { parseW3cDateTime, w3cDateTime, xmlDocument } from './open311.format.ts';
import { redactText } from '../../platform/redact.ts';

const V2 = '/open311/v2';
const LISTS: Record<string, string> = { services: 'service', service_requests: 'request', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format', errors: 'error' };

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/** Parses XML with saxes (which throws on anything ill-formed) into a tree. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const node = { name: tag.name, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  assert.ok(root, 'a root element');
  return root;
}

/** The Spark convention backwards: lists from their element names, records from children, text from leaves. */
function sparkValue(node: XmlNode): unknown {
  if (LISTS[node.name]) return node.children.map(sparkValue);
  if (node.children.length) return Object.fromEntries(node.children.map((c) => [c.name, sparkValue(c)]));
  return node.text;
}

/** A JSON value as its XML rendering reads back: every scalar as text, null as empty. */
function asText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return String(value);
}

function xmlOf(res: LightMyRequestResponse): { root: string; value: unknown } {
  assert.match(String(res.headers['content-type']), /^text\/xml; charset=utf-8/);
  assert.ok(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  const root = parseXml(res.body);
  return { root: root.name, value: sparkValue(root) };
}

/** Both formats of one GET, asserted to say the same thing; returns the JSON. */
async function both(t: DemoApp, path: string, root: string, headers: Record<string, string> = {}): Promise<any> {
  const [json, xml] = await Promise.all(['json', 'xml'].map((f) => t.app.inject({ url: path.replace('{f}', f), headers })));
  assert.equal(json!.statusCode, 200, json!.body);
  assert.equal(xml!.statusCode, 200, xml!.body);
  assert.match(String(json!.headers['content-type']), /^application\/json; charset=utf-8/);
  const parsed = xmlOf(xml!);
  assert.equal(parsed.root, root);
  assert.deepEqual(parsed.value, asText(json!.json()), `${path}: XML and JSON agree`);
  return json!.json();
}

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('Open311 GeoReport v2', () => {
  let t: DemoApp;
  let apiKey: string;
  const post = (fields: Record<string, string>, format = 'json', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `${V2}/requests.${format}`, payload: new URLSearchParams(fields).toString(), headers: { ...formHeaders, ...headers } });
  const countCases = async () => Number((await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const point = { lat: String(IN_CSK_03.lat), long: String(IN_CSK_03.lng) };

  before(async () => {
    t = await startDemoApp();
    apiKey = (await createApiKey(t.db, '城市服务 App')).key;
  });
  after(() => t.close());

  test('discovery names the GeoReport v2 endpoint, its formats and how to get a key', async () => {
    const doc = await both(t, `${V2}/discovery.{f}`, 'discovery');
    assert.match(doc.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.ok(doc.contact && doc.key_service);
    assert.deepEqual(doc.endpoints, [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://lianxin.test/open311/v2', changeset: doc.changeset, type: 'production', formats: ['text/xml', 'application/json'] }]);
  });

  test('services: every minor category, in Chinese by default and English on request', async () => {
    const services = await both(t, `${V2}/services.{f}`, 'services');
    assert.equal(services.length, CATEGORIES.length);
    const garbage = services.find((s: any) => s.service_code === '0101');
    assert.deepEqual(Object.keys(garbage), ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    assert.equal(garbage.service_name, '垃圾堆积');
    assert.equal(garbage.group, '市容环境');
    assert.equal(garbage.metadata, false);
    assert.equal(garbage.type, 'realtime');
    assert.match(garbage.keywords, /垃圾堆积, garbage pile-up/);
    assert.match(garbage.description, /4 小时内响应/);
    for (const headers of [{ 'accept-language': 'en-US,en;q=0.9' }, {}] as Record<string, string>[]) {
      const url = Object.keys(headers).length ? `${V2}/services.{f}` : `${V2}/services.{f}?locale=en`;
      const en = (await both(t, url, 'services', headers)).find((s: any) => s.service_code === '0101');
      assert.equal(en.service_name, 'garbage pile-up');
      assert.equal(en.group, 'environment and sanitation');
    }
  });

  test('a service definition offers the nature as a singlevaluelist; an unknown service is 404 in the spec format', async () => {
    const def = await both(t, `${V2}/services/0101.{f}`, 'service_definition');
    assert.equal(def.service_code, '0101');
    const [nature] = def.attributes;
    assert.deepEqual(Object.keys(nature), ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    assert.equal(nature.code, 'nature');
    assert.equal(nature.datatype, 'singlevaluelist');
    assert.equal(nature.required, false);
    assert.equal(nature.order, 1);
    assert.deepEqual(nature.values[0], { key: '01', name: '咨询' });
    assert.equal(nature.values.length, 7);

    const json = await t.app.inject({ url: `${V2}/services/7777.json` });
    assert.equal(json.statusCode, 404);
    assert.deepEqual(json.json(), [{ code: 404, description: '没有编码为 7777 的服务类型。' }]);
    const xml = await t.app.inject({ url: `${V2}/services/7777.xml`, headers: { 'accept-language': 'en' } });
    assert.equal(xml.statusCode, 404);
    assert.deepEqual(xmlOf(xml), { root: 'errors', value: [{ code: '404', description: 'service_code 7777 was not found.' }] });
  });

  test('a city app posts a form-encoded request: a case on the open311 channel, the reporter kept privately', async () => {
    const before = await countCases();
    const res = await post({
      api_key: apiKey,
      jurisdiction_id: 'lianxin.test',
      service_code: '0101',
      ...point,
      address_string: '冲赛康巷23号门口',
      description: '西嘎奴大院门口垃圾堆了三天，没人清运',
      first_name: '卓玛',
      last_name: '次仁',
      phone: '+86 139 1234 5678',
      email: 'zhuoma@example.com',
      'attribute[nature]': '03',
      'attribute[fixmystreet_id]': '42',
      media_url: 'https://photos.example.com/p/1.jpg',
    });
    assert.equal(res.statusCode, 200, res.body);
    const [answer] = res.json();
    assert.deepEqual(Object.keys(answer), ['service_request_id', 'service_notice', 'account_id']);
    assert.match(answer.service_request_id, /^LX-\d{4}-\d{6}$/);
    assert.match(answer.service_notice, /已受理/);
    assert.equal(answer.account_id, null);
    assert.doesNotMatch(res.body, /1234\s?5678|次仁|卓玛|zhuoma/);
    assert.equal(await countCases(), before + 1);

    const row = await t.db.selectFrom('cases').selectAll().where('number', '=', answer.service_request_id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'open311');
    assert.equal(row.kind, 'demand');
    assert.equal(row.category, '0101');
    assert.equal(row.category_source, 'reporter');
    assert.equal(row.nature, '03');
    assert.equal(row.reporter_phone, '13912345678');
    assert.equal(row.reporter_name, '次仁卓玛');
    assert.equal(row.contact_preference, 'phone');
    assert.equal(row.address, '冲赛康巷23号门口');
    assert.equal(row.is_public, 1);
    assert.equal(row.state, 'dispatched');
    assert.deepEqual(JSON.parse(row.kind_data!), { mediaUrl: 'https://photos.example.com/p/1.jpg' });
    const events = await t.db.selectFrom('case_events').select(['action', 'actor_label']).where('case_id', '=', row.id).execute();
    assert.deepEqual(events.map((e) => e.action), ['submit']);

    const xml = await post({ api_key: apiKey, service_code: '0501', ...point, description: '路灯不亮' }, 'xml');
    assert.equal(xml.statusCode, 200, xml.body);
    const parsed = xmlOf(xml);
    assert.equal(parsed.root, 'service_requests');
    assert.match((parsed.value as any)[0].service_request_id, /^LX-/);
    assert.equal((parsed.value as any)[0].account_id, '');
  });

  test('without a valid api_key nothing is written: 403 in the spec format', async () => {
    const before = await countCases();
    const missing = await post({ service_code: '0101', ...point, description: '垃圾' });
    assert.equal(missing.statusCode, 403);
    const [error] = missing.json();
    assert.equal(error.code, 403);
    assert.match(error.description, /api_key/);
    const wrong = await post({ api_key: 'lxk_not-a-key', service_code: '0101', ...point, description: '垃圾' }, 'xml', { 'accept-language': 'en' });
    assert.equal(wrong.statusCode, 403);
    assert.deepEqual(xmlOf(wrong), { root: 'errors', value: [{ code: '403', description: 'Missing or invalid api_key; the service request cannot be created.' }] });
    // A session does not stand in for the key.
    const staff = await post({ service_code: '0101', ...point, description: '垃圾' }, 'json', t.as.admin);
    assert.equal(staff.statusCode, 403);
    assert.equal(await countCases(), before);
  });

  test('bad requests are refused in the spec format and write nothing', async () => {
    const before = await countCases();
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ ...point, description: '垃圾' }, 400, /service_code/],
      [{ service_code: '7777', ...point }, 404, /7777/],
      [{ service_code: '0101', description: '垃圾' }, 400, /lat 和 long/],
      [{ service_code: '0101', lat: point.lat, description: '垃圾' }, 400, /long/],
      [{ service_code: '0101', lat: '95', long: point.long }, 400, /lat/],
      [{ service_code: '0101', address_string: '不存在的大院', description: '垃圾' }, 400, /address_string/],
      [{ service_code: '0101', ...point, 'attribute[nature]': '42' }, 400, /attribute\[nature\]/],
      [{ service_code: '0101', ...point, description: 'x'.repeat(4001) }, 400, /description/],
      [{ service_code: '0101', ...point, phone: 'call me' }, 400, /phone/],
    ];
    for (const [fields, status, description] of cases) {
      const res = await post({ api_key: apiKey, ...fields });
      assert.equal(res.statusCode, status, `${JSON.stringify(fields).slice(0, 80)} → ${res.body}`);
      const [error] = res.json();
      assert.equal(error.code, status);
      assert.match(error.description, description);
    }
    assert.equal(await countCases(), before);
  });

  test('a request without coordinates is placed at the compound its address_string names exactly', async () => {
    const compound = await t.db.selectFrom('compounds').selectAll().where('name', '=', '西嘎奴大院').executeTakeFirstOrThrow();
    const res = await post({ api_key: apiKey, service_code: '0102', address_string: '西嘎奴大院', description: '院里的路很脏' });
    assert.equal(res.statusCode, 200, res.body);
    const row = await t.db.selectFrom('cases').selectAll().where('number', '=', res.json()[0].service_request_id).executeTakeFirstOrThrow();
    assert.equal(row.compound_id, compound.id);
    const [published] = await both(t, `${V2}/requests/${row.number}.{f}`, 'service_requests');
    assert.equal(published.address_id, compound.id);
    assert.match(published.address, /西嘎奴大院/);
    // The address_id GET requests publishes places a request too.
    const byId = await post({ api_key: apiKey, service_code: '0102', address_id: compound.id });
    assert.equal(byId.statusCode, 200, byId.body);
    const again = await t.db.selectFrom('cases').selectAll().where('number', '=', byId.json()[0].service_request_id).executeTakeFirstOrThrow();
    assert.equal(again.compound_id, compound.id);
    assert.equal(again.description, '道路不洁', 'no description: the service name');
  });

  test('a JSON body and the X-Api-Key header are accepted too; a key in the query string is not', async () => {
    const json = await t.app.inject({ method: 'POST', url: `${V2}/requests.json`, headers: { 'x-api-key': apiKey }, payload: { service_code: '0402', lat: IN_CSK_03.lat, long: IN_CSK_03.lng, description: '车堵住了巷口' } });
    assert.equal(json.statusCode, 200, json.body);
    const query = await post({ service_code: '0402', ...point }, `json?api_key=${encodeURIComponent(apiKey)}`);
    assert.equal(query.statusCode, 403);
  });

  test('GET requests filters by ids, status, service_code and dates, within 90 days by default', async () => {
    const file = (iso: string, code: string, description: string) =>
      at(iso, async () => {
        const res = await post({ api_key: apiKey, service_code: code, ...point, description });
        assert.equal(res.statusCode, 200, res.body);
        return res.json()[0].service_request_id as string;
      });
    const old = await file('2025-11-20T10:00:00+08:00', '0101', '老问题');
    const lamp = await file('2026-03-02T10:00:00+08:00', '0501', '巷口路灯坏了');
    const rubbish = await file('2026-03-10T10:00:00+08:00', '0101', '垃圾桶满了');
    const dupe = await file('2026-03-11T10:00:00+08:00', '0501', '路灯又坏了');
    await at('2026-03-11T15:00:00+08:00', async () => {
      const accept = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${rubbish}/accept`, headers: t.as.gridworker, payload: {} });
      assert.equal(accept.statusCode, 200, accept.body);
      const resolve = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${rubbish}/resolve`, headers: t.as.gridworker, payload: { result: '已清运，有问题打 13800138000' } });
      assert.equal(resolve.statusCode, 200, resolve.body);
      const merge = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${dupe}/merge`, headers: t.as.community, payload: { into: lamp, reason: '同一盏灯' } });
      assert.equal(merge.statusCode, 200, merge.body);
    });
    const mine = [old, lamp, rubbish, dupe];
    await at('2026-04-20T12:00:00+08:00', async () => {
      const numbers = async (query: string) => ((await both(t, `${V2}/requests.{f}?${query}`, 'service_requests')) as any[]).map((r) => r.service_request_id).filter((n: string) => mine.includes(n));
      assert.deepEqual(await numbers(''), [dupe, rubbish, lamp], 'newest first, the last 90 days');
      assert.deepEqual(await numbers('status=open'), [lamp]);
      assert.deepEqual(await numbers('status=closed'), [dupe, rubbish]);
      assert.deepEqual(await numbers('status=open,closed'), [dupe, rubbish, lamp]);
      assert.deepEqual(await numbers('service_code=0501'), [dupe, lamp]);
      assert.deepEqual(await numbers('service_code=0501&service_code=0101&status=open'), [lamp]);
      assert.deepEqual(await numbers('start_date=2026-03-05T00:00:00%2B08:00&end_date=2026-03-10T23:59:59Z'), [rubbish]);
      // An unencoded + arrives as a space.
      assert.deepEqual(await numbers('start_date=2026-03-05T00:00:00+08:00&end_date=2026-03-10'), []);
      assert.deepEqual(await numbers('start_date=2026-03-05&end_date=2026-03-11'), [rubbish]);
      assert.deepEqual(await numbers('start_date=2025-11-01'), [old]);
      assert.deepEqual(await numbers(`service_request_id=${old},${lamp}&status=closed`), [lamp, old], 'ids override every other filter');

      const all = await both(t, `${V2}/requests.{f}?service_request_id=${mine.join(',')}`, 'service_requests');
      const byId = new Map<string, any>(all.map((r: any) => [r.service_request_id, r]));
      const r = byId.get(rubbish);
      assert.deepEqual(Object.keys(r), ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']);
      assert.equal(r.status, 'closed');
      assert.equal(r.status_notes, '处理人已办结，等待核查：已清运，有问题打 138****8000');
      assert.equal(r.requested_datetime, '2026-03-10T10:00:00+08:00');
      assert.equal(r.updated_datetime, '2026-03-11T15:00:00+08:00');
      assert.match(r.expected_datetime, /^2026-03-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      assert.equal(r.service_name, '垃圾堆积');
      assert.equal(r.agency_responsible, '冲赛康社区 第三网格');
      assert.equal(r.address, '冲赛康社区 第三网格', 'no compound: the grid, never the typed address');
      assert.equal(byId.get(dupe).status, 'closed');
      assert.equal(byId.get(dupe).status_notes, `重复诉求，与相同问题合并处理：${lamp}`);
      assert.equal(byId.get(lamp).status, 'open');

      for (const [query, parameter] of [['start_date=2026-01-01&end_date=2026-04-15', 'end_date'], ['start_date=yesterday', 'start_date'], ['start_date=2026-02-30', 'start_date'], ['status=pending', 'status'], ['start_date=2026-04-01&end_date=2026-03-01', 'start_date']]) {
        const res = await t.app.inject({ url: `${V2}/requests.xml?${query}` });
        assert.equal(res.statusCode, 400, query);
        const [error] = xmlOf(res).value as any[];
        assert.equal(error.code, '400');
        assert.match(error.description, new RegExp(parameter));
      }
    });
  });

  test('no personal data leaves: contact details and names masked, points rounded, only released photos', async () => {
    const res = await post({
      api_key: apiKey,
      service_code: '0103',
      lat: '29.656512345',
      long: '91.133498765',
      description: '楼下堆了很多建材，我是扎西顿珠，电话１３９ ８７６５ ４３２１，身份证540102199001011234，邮箱 tashi@example.com。扎西顿珠住在三楼',
      first_name: '顿珠',
      last_name: '扎西',
      phone: '13987654321',
      email: 'tashi@example.com',
    });
    assert.equal(res.statusCode, 200, res.body);
    const number = res.json()[0].service_request_id;
    const [r] = await both(t, `${V2}/requests/${number}.{f}`, 'service_requests');
    assert.equal(r.description, '楼下堆了很多建材，我是扎***，电话139****4321，身份证5401**********1234，邮箱 t***@example.com。扎***住在三楼');
    assert.equal(r.lat, 29.657);
    assert.equal(r.long, 91.133);
    assert.equal(r.media_url, null);
    assert.equal(r.zipcode, null);
    const xml = await t.app.inject({ url: `${V2}/requests/${number}.xml` });
    const list = await t.app.inject({ url: `${V2}/requests.json?service_code=0103` });
    for (const body of [JSON.stringify(r), xml.body, list.body]) {
      assert.doesNotMatch(body, /13987654321|8765|540102199001011234|扎西顿珠|顿珠|tashi@|29\.6565|91\.1334/);
    }

    // A photo appears once staff release it.
    const row = await t.db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    await t.db.insertInto('photos').values({ id: 'ph_open311_test', storage_key: 'ph_open311_test', sha256: 'f'.repeat(64), mime: 'image/jpeg', width: 8, height: 8, bytes: 100, original_format: 'jpeg', exif_lng: 91.13351, exif_lat: 29.65651, taken_at: null, uploaded_by: null, created_at: new Date().toISOString() }).execute();
    await t.db.insertInto('case_photos').values({ case_id: row.id, photo_id: 'ph_open311_test', role: 'report', event_id: null, released: 0, position: 0 }).execute();
    assert.equal((await both(t, `${V2}/requests/${number}.{f}`, 'service_requests'))[0].media_url, null);
    await t.db.updateTable('case_photos').set({ released: 1 }).where('case_id', '=', row.id).execute();
    assert.equal((await both(t, `${V2}/requests/${number}.{f}`, 'service_requests'))[0].media_url, 'http://lianxin.test/api/v1/photos/ph_open311_test');
  });

  test('private categories are filed but never published; a token is answered with its id', async () => {
    const res = await post({ api_key: apiKey, service_code: '0801', ...point, description: '楼上邻居天天吵架' });
    assert.equal(res.statusCode, 200, res.body);
    const number = res.json()[0].service_request_id;
    const one = await t.app.inject({ url: `${V2}/requests/${number}.json` });
    assert.equal(one.statusCode, 404);
    assert.equal(one.json()[0].code, 404);
    const listed = await t.app.inject({ url: `${V2}/requests.json?service_request_id=${number}` });
    assert.deepEqual(listed.json(), []);
    assert.deepEqual(await both(t, `${V2}/tokens/${number}.{f}`, 'service_requests'), [{ service_request_id: number, token: number }]);
    const unknown = await t.app.inject({ url: `${V2}/tokens/LX-1999-000001.xml` });
    assert.equal(unknown.statusCode, 404);
    assert.equal((xmlOf(unknown).value as any[])[0].code, '404');
  });

  test('nothing personal posted in this file appears in any published list, in either format', async () => {
    const secrets = /13912345678|1234 ?5678|次仁|卓玛|zhuoma|13987654321|扎西顿珠|顿珠|tashi|540102199001011234|photos\.example\.com|13800138000/;
    for (const url of ['requests.json', 'requests.xml', 'requests.json?locale=en', 'requests.xml?start_date=2026-02-01&end_date=2026-04-30']) {
      const res = await t.app.inject({ url: `${V2}/${url}` });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.body.length > 100, `${url} lists something`);
      assert.doesNotMatch(res.body, secrets, url);
    }
  });

  test('unknown Open311 routes answer in the spec format; the rest of the API keeps its own', async () => {
    const xml = await t.app.inject({ url: `${V2}/nothing.xml` });
    assert.equal(xml.statusCode, 404);
    assert.equal(xmlOf(xml).root, 'errors');
    const badFormat = await t.app.inject({ url: `${V2}/services.html` });
    assert.equal(badFormat.statusCode, 400);
    assert.equal(badFormat.json()[0].code, 400);
    const api = await t.app.inject({ url: '/api/v1/nothing' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'ROUTE_NOT_FOUND');
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const ops = Object.entries(doc.paths).filter(([p]) => p.startsWith(V2)).flatMap(([, methods]) => Object.keys(methods as object));
    assert.equal(ops.length, 7);
    assert.ok(doc.paths[`${V2}/requests.{format}`].post.requestBody.content['application/x-www-form-urlencoded']);
  });
});

describe('Open311 wire details', () => {
  test('masking finds numbers however they are typed', () => {
    assert.equal(redactText('电话 138-0013-8000 或 +8613800138000'), '电话 138****8000 或 138****8000');
    assert.equal(redactText('身份证 54010219900101123x'), '身份证 5401**********123X');
    assert.equal(redactText('座机 0891-6321234'), '座机 *******1234');
    assert.equal(redactText('编号 2026 年 3 月'), '编号 2026 年 3 月');
    assert.equal(redactText('Call John Smith or Smith', ['John Smith']), 'Call J********* or S****');
  });

  test('W3C dates read with and without offsets, in China Standard Time by default; invalid days refused', () => {
    assert.equal(parseW3cDateTime('2026-03-01')!.toISOString(), '2026-02-28T16:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-01T08:00:00Z')!.toISOString(), '2026-03-01T08:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-01T08:00:00 08:00')!.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-01T08:00-05:00')!.toISOString(), '2026-03-01T13:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-02-30'), null);
    assert.equal(parseW3cDateTime('2026-03-01T25:00:00Z'), null);
    assert.equal(w3cDateTime('2026-02-28T16:00:00.000Z'), '2026-03-01T00:00:00+08:00');
  });

  test('XML escapes markup and drops characters XML cannot hold', () => {
    const xml = xmlDocument('service_requests', [{ description: '<b>&"\'\u0001\uFFFE' }]);
    assert.deepEqual(sparkValue(parseXml(xml)), [{ description: '<b>&"\'' }]);
  });
});
