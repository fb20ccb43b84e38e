import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { type DemoApp, startDemoApp } from '../support/demo-app.ts';
import { fingerprinter } from './support/fingerprint.ts';
import { HINTS, NASTY_STRINGS, deepJson, encodeSegment, invalidUtf8, mangled, pathSegment, queryString, shaped } from './support/hostile.ts';
import { type Operation, fillPath, operationsOf } from './support/openapi.ts';
import { IN_JC, realIds, reportCase, tinyJpeg } from './support/world.ts';

// Every route of the app's own OpenAPI document gets generated hostile input. Whatever arrives, the answer
// is never a 5xx, and a refused request (4xx) leaves the store exactly as it was. The seed changes per run
// (FUZZ_SEED=<n> replays one) and is printed with any failure.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TOTAL_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);

let t: DemoApp;
let ops: Operation[];
let fingerprint: () => Promise<string>;
let ids: Record<string, string[]>;
let sent = 0;
const statuses = new Map<number, number>();

before(async () => {
  t = await startDemoApp({ orders: true });
  ops = operationsOf(t.app);
  fingerprint = await fingerprinter(t);
  const r = await realIds(t);
  const token = 'Fz_' + 'q7'.repeat(20);
  const mine = await reportCase(t, { description: '楼道灯坏了，晚上看不见台阶', reporter: { name: '测试人', phone: '13912345678' } }, { 'x-report-token': token });
  const other = await reportCase(t, { description: '加措社区路口积水', location: IN_JC }, t.as.resident);
  const photo = await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: await tinyJpeg(), headers: { ...t.as.gridworker, 'content-type': 'image/jpeg' } });
  const photoId = photo.statusCode < 300 ? photo.json().id : 'no-photo';
  const notification = await t.db.selectFrom('notifications').select('id').orderBy('id').executeTakeFirst();
  // Real values per path parameter name; the rest of the time a parameter gets hostile text.
  ids = {
    id: [r.gridId, r.grid.code, r.communityId, r.streetId, r.districtId, r.sectorId, r.beatId, r.compoundId, r.buildingId, r.householdId, r.residentId, r.staffId, mine.id, mine.number, other.id, photoId, notification?.id ?? 'n'],
    assignmentId: [r.assignmentId],
    householdId: [r.partyHubId, r.householdId],
    residentId: [r.liaisonId, r.residentId],
    code: [r.grid.code, 'CSK-01', 'JC-01'],
    format: ['json', 'xml', 'JSON', 'html'],
    service_code: ['0501', '0201', '9999'],
    service_request_id: [mine.number, other.number],
    token: [mine.number, token],
  };
  Object.assign(HINTS, {
    kind: ['demand', 'patrol_report'],
    household: [r.householdId],
    grid: [r.grid.code, r.gridId],
    compound: [r.compoundId],
    compoundId: [r.compoundId],
    address_id: [r.compoundId],
    building: [r.buildingId],
    residentId: [r.residentId],
    staffId: [r.staffId],
    node: [r.grid.code, 'CSK', 'JC'],
    at: [r.grid.code, 'CSK'],
    parent: [r.communityId, r.streetId, r.districtId, r.sectorId],
    community: ['CSK'],
    householdIds: [[r.householdId], [r.partyHubId, r.householdId]],
    into: [other.id, mine.id],
    policeBeat: [r.beatId],
    photoIds: [[photoId]],
    category: ['0501', '0201'],
    service_code: ['0501'],
    nature: ['02'],
    lng: [91.1335],
    long: [91.1335],
    lat: [29.6565],
  });
  // Volunteers (M6): real talents, teams, partner units and shared resources, so hostile requests reach past the 404s.
  const talents = (await t.db.selectFrom('talents').select('id').orderBy('id').execute()).map((r) => r.id);
  const teams = (await t.db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id);
  const units = (await t.db.selectFrom('partner_units').select('id').orderBy('id').execute()).map((r) => r.id);
  const resources = (await t.db.selectFrom('shared_resources').select('id').orderBy('id').execute()).map((r) => r.id);
  ids.id!.push(...talents, ...teams, ...units, ...resources);
  Object.assign(ids, { talentId: talents, skill: ['haircut', 'cooking', 'health_check'] });
  Object.assign(HINTS, { partnerUnit: units, resident: [r.residentId], recommender: [r.residentId], leader: talents, serviceAreas: [['CSK'], [r.grid.code]], communities: [['CSK'], ['JC']] });
  // Activities and role models (M12): real activities and stories, so hostile requests reach past the 404s.
  const activities = (await t.db.selectFrom('activities').select('id').orderBy('id').execute()).map((r) => r.id);
  const stories = (await t.db.selectFrom('role_models').select('id').orderBy('id').execute()).map((r) => r.id);
  ids.id!.push(...activities, ...stories);
  // Micro-wishes and the service list (M6): a wish with a claim and an offer, so hostile requests reach past the 404s.
  const csk = await t.db.selectFrom('partner_unit_communities').innerJoin('org_nodes', 'org_nodes.id', 'partner_unit_communities.community_id').select('partner_unit_id').where('org_nodes.code', '=', 'CSK').orderBy('partner_unit_id').executeTakeFirstOrThrow();
  const offer = await t.app.inject({ method: 'POST', url: '/api/v1/service-offers', headers: t.as.admin, payload: { community: 'CSK', partnerUnitId: csk.partner_unit_id, title: '模糊测试服务', kind: 'goods', wishType: 'goods', mode: 'one_to_many', capacity: 50 } });
  const wish = await t.app.inject({ method: 'POST', url: '/api/v1/wishes', headers: t.as.admin, payload: { description: '模糊测试心愿', wishType: 'goods', compoundId: r.compoundId } });
  const claim = await t.app.inject({ method: 'POST', url: `/api/v1/wishes/${wish.json().id}/claim`, headers: t.as.admin, payload: { offerId: offer.json().id } });
  ids.id!.push(offer.json().id);
  Object.assign(ids, { ref: [wish.json().id, wish.json().number], claimId: [claim.json().claimId] });
  Object.assign(HINTS, { offerId: [offer.json().id], partnerUnitId: [csk.partner_unit_id], talentId: talents, wishType: ['goods', 'care'], mode: ['one_to_many', 'one_to_one'] });
  // Service orders (issue 6): the demo's orders, by id and number, so hostile requests reach past the 404s.
  const orders = await t.db.selectFrom('service_orders').innerJoin('cases', 'cases.id', 'service_orders.case_id').select(['cases.id', 'cases.number']).orderBy('cases.id').execute();
  ids.ref = orders.flatMap((o) => [o.id, o.number]);
  Object.assign(HINTS, { teamId: teams, score: [1, 5], hours: [1, 1.5] });
});

after(() => t?.close());

// Who asks: each demo account, nobody, and callers with forged credentials.
const WHO = ['anonymous', 'resident', 'gridworker', 'police', 'admin', 'forged-bearer', 'forged-api-key', 'report-token', 'forged-cookie'] as const;
type Who = (typeof WHO)[number];

function headersFor(who: Who): Record<string, string> {
  switch (who) {
    case 'anonymous':
      return {};
    case 'forged-bearer':
      return { authorization: 'Bearer ' + "' OR 1=1 --" };
    case 'forged-api-key':
      return { 'x-api-key': 'lx_' + 'x'.repeat(40) };
    case 'report-token':
      return { 'x-report-token': 'Fz_' + 'q7'.repeat(20) };
    case 'forged-cookie':
      return { cookie: 'lx_session=%E0%A4%A; lx_session=..%2f' };
    default:
      return { ...t.as[who] };
  }
}

// Bodies: precomputed where building them per request would cost more than sending them.
const HUGE_STRING_BODY = JSON.stringify({ description: 'x'.repeat(1_200_000) });
const HUGE_ARRAY_BODY = '[' + '1,'.repeat(150_000) + '1]';
const MALFORMED_JSON = ['{"a":', '{"a":1,}', "{'a':1}", 'nul', '{"a":1}{"b":2}', '\uFEFF{"a":1}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '1e999999', '"\\ud800"', '{"a":"\\u0000"}'];
const JUNK_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'image/jpeg', 'application/octet-stream', '*/*', ';;;'];

interface Body {
  payload?: string | Buffer;
  contentType?: string;
}

function bodyFor(op: Operation): fc.Arbitrary<Body> {
  const json = (v: unknown): Body => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' });
  const acceptsImages = op.bodyTypes.some((c) => c.startsWith('image/'));
  const acceptsForm = op.bodyTypes.includes('application/x-www-form-urlencoded');
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Body>({}) },
    { weight: 8, arbitrary: shaped(op.body ?? undefined, 0, true).map(json) },
    { weight: 2, arbitrary: shaped(op.body ?? undefined).map(json) },
    { weight: 5, arbitrary: mangled(op.body).map(json) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
    { weight: 1, arbitrary: deepJson.map((payload): Body => ({ payload, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom<Body>({ payload: HUGE_STRING_BODY, contentType: 'application/json' }, { payload: HUGE_ARRAY_BODY, contentType: 'application/json' }) },
    { weight: 2, arbitrary: invalidUtf8.map((payload): Body => ({ payload, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((payload): Body => ({ payload, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...JUNK_TYPES), fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)))).map(([contentType, payload]): Body => ({ payload, contentType })) },
    ...(acceptsImages
      ? [{ weight: 4, arbitrary: fc.tuple(fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/octet-stream'), fc.uint8Array({ maxLength: 512 }), fc.constantFrom(Buffer.from([0xff, 0xd8, 0xff, 0xe1]), Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from('ftypheic'), Buffer.alloc(0))).map(([contentType, bytes, magic]): Body => ({ payload: Buffer.concat([magic, Buffer.from(bytes)]), contentType })) }]
      : []),
    ...(acceptsForm
      ? [{ weight: 4, arbitrary: mangled(op.body).map((v): Body => ({ payload: formEncode(v), contentType: 'application/x-www-form-urlencoded' })) }]
      : []),
  );
}

function formEncode(v: unknown): string {
  if (!v || typeof v !== 'object') return encodeSegment(String(v));
  return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${encodeSegment(k)}=${encodeSegment(typeof x === 'string' ? x : JSON.stringify(x) ?? '')}`).join('&');
}

function whoFor(op: Operation): fc.Arbitrary<Who> {
  // Signing out with a demo account's token would end that session for the rest of the run.
  if (op.key === 'POST /api/v1/auth/logout') return fc.constantFrom<Who>('anonymous', 'forged-bearer', 'forged-cookie', 'report-token');
  // The live stream never ends for a signed-in caller; only callers it refuses at once are fuzzed here
  // (test/reliability/scope-matrix.test.ts and live.test.ts cover a real subscription).
  if (op.key === 'GET /api/v1/cases/stream') return fc.constantFrom<Who>('anonymous', 'forged-bearer', 'forged-api-key', 'report-token', 'forged-cookie');
  return fc.constantFrom(...WHO);
}

function requestFor(op: Operation) {
  const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p, fc.oneof({ weight: 2, arbitrary: pathSegment }, { weight: 3, arbitrary: fc.constantFrom(...(ids[p] ?? ['x'])) })])) as Record<string, fc.Arbitrary<string>>);
  return fc.record({
    who: whoFor(op),
    params,
    query: fc.option(queryString(op.query), { freq: 3 }),
    body: bodyFor(op),
    lang: fc.constantFrom(undefined, 'en', 'zh-CN', 'xx;q=abc', '*', 'en-US,en;q=0.9,zh;q=0.8'),
    idempotencyKey: fc.option(fc.constantFrom('fuzz-key-0001', 'k', 'x'.repeat(200)), { freq: 4 }),
  });
}

type FuzzRequest = ReturnType<typeof requestFor> extends fc.Arbitrary<infer R> ? R : never;

function injectOptions(op: Operation, r: FuzzRequest): InjectOptions {
  const url = fillPath(op.path, r.params) + (r.query ? `?${r.query}` : '');
  const headers: Record<string, string> = { ...headersFor(r.who) };
  if (r.lang) headers['accept-language'] = r.lang;
  if (r.idempotencyKey) headers['idempotency-key'] = r.idempotencyKey;
  if (r.body.contentType) headers['content-type'] = r.body.contentType;
  return { method: op.method, url, headers, ...(r.body.payload !== undefined ? { payload: r.body.payload } : {}) };
}

/** Each route draws its own stream from the run's seed, so routes do not all get the same sequence of choices. */
function seedFor(op: Operation): number {
  let h = SEED;
  for (const ch of op.key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function describe(req: InjectOptions): string {
  const payload = req.payload === undefined ? '' : Buffer.isBuffer(req.payload) ? `<${req.payload.length} bytes>` : String(req.payload).slice(0, 300);
  return `${req.method} ${String(req.url).slice(0, 300)} headers=${JSON.stringify(req.headers)} body=${payload}`;
}

// Signing in runs the password hash on purpose (slow against guessing), so it gets fewer runs than the rest.
const RUNS_OVERRIDE: Record<string, number> = { 'POST /api/v1/auth/login': 12 };

test(`every documented route survives hostile input: no 5xx, no write on a refused request (seed ${SEED})`, async (tc) => {
  assert.ok(ops.length > 50, 'the OpenAPI document lists the routes');
  const capped = ops.filter((op) => RUNS_OVERRIDE[op.key]);
  const runs = Math.ceil((TOTAL_REQUESTS - capped.reduce((n, op) => n + RUNS_OVERRIDE[op.key]!, 0)) / (ops.length - capped.length));
  let baseline = await fingerprint();
  const timings: [string, number][] = [];
  for (const op of ops) {
    const started = Date.now();
    // A write must show after each refused write request. Reads are checked per route, once, to keep the
    // run fast: a GET may legitimately write (an audited read of personal data), so a change is only a
    // fault when every GET of the batch was refused.
    const isRead = op.method === 'GET';
    let anyAccepted = false;
    await fc.assert(
      fc.asyncProperty(requestFor(op), async (r) => {
        const req = injectOptions(op, r);
        const res = await t.app.inject(req);
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${op.key}: ${res.statusCode} ${res.body.slice(0, 500)}\nrequest: ${describe(req)}`);
        if (res.statusCode < 400) anyAccepted = true;
        if (isRead) return;
        const now = await fingerprint();
        if (res.statusCode >= 400) assert.equal(now, baseline, `${op.key}: refused with ${res.statusCode} but the store changed\nrequest: ${describe(req)}`);
        baseline = now;
      }),
      { seed: seedFor(op), numRuns: RUNS_OVERRIDE[op.key] ?? runs, endOnFailure: true },
    );
    if (isRead) {
      const now = await fingerprint();
      if (!anyAccepted) assert.equal(now, baseline, `${op.key}: every request was refused but the store changed (seed ${SEED})`);
      baseline = now;
    }
    timings.push([op.key, Date.now() - started]);
  }
  const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, ms]) => `${k} ${ms} ms`);
  tc.diagnostic(`${sent} requests over ${ops.length} routes, seed ${SEED}; answers ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; slowest: ${slowest.join(', ')}`);
  assert.ok(sent >= TOTAL_REQUESTS, `${sent} requests sent`);
});
