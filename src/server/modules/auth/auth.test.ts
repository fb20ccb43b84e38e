import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { createAccount, createApiKey } from './auth.service.ts';

describe('accounts and sessions', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    await createAccount(t.db, { username: 'dawa', password: 'correct horse', displayName: '达瓦', role: 'admin', node: null });
  });
  after(() => t.close());

  test('login gives a cookie and a bearer token; me answers with the roles', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dawa', password: 'correct horse' } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'lx_session');
    assert.ok(cookie?.httpOnly);
    const { token, me } = body(res);
    assert.equal(me.displayName, '达瓦');
    assert.deepEqual(me.roles, [{ role: 'admin', nodeId: null }]);
    const viaBearer = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(body(viaBearer).username, 'dawa');
    const viaCookie = await t.app.inject({ url: '/api/v1/auth/me', cookies: { lx_session: cookie!.value } });
    assert.equal(body(viaCookie).username, 'dawa');
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(stored.every((s) => s.token_hash !== token), 'tokens are stored hashed');
  });

  test('a wrong password or unknown user is refused the same way, in the caller\'s language', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dawa', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'nope' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(body(wrong).error, { code: 'LOGIN_FAILED', message: '用户名或密码错误。' });
    assert.deepEqual(body(unknown).error, { code: 'LOGIN_FAILED', message: 'Wrong username or password.' });
  });

  test('logout ends the session; an expired session is anonymous', async () => {
    const headers = await t.login('dawa', 'correct horse');
    assert.equal(body(await t.app.inject({ url: '/api/v1/auth/session', headers })).me.username, 'dawa');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode, 204);
    assert.equal((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode, 401);
    const after = await t.app.inject({ url: '/api/v1/auth/session', headers });
    assert.equal(after.statusCode, 200, 'a page open to anonymous residents asks without an error');
    assert.deepEqual(body(after), { me: null });

    const fresh = await t.login('dawa', 'correct horse');
    const later = new Date(Date.now() + (t.ctx.config.sessionHours + 1) * 3_600_000);
    setClock(() => later);
    try {
      assert.equal((await t.app.inject({ url: '/api/v1/auth/me', headers: fresh })).statusCode, 401);
    } finally {
      setClock();
    }
  });

  test('passwords are stored with scrypt, never in clear', async () => {
    const row = await t.db.selectFrom('accounts').select('password_hash').where('username', '=', 'dawa').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^scrypt\$32768\$8\$1\$/);
    assert.ok(!row.password_hash.includes('correct horse'));
  });

  test('API keys are stored hashed and identify their client', async () => {
    const { key } = await createApiKey(t.db, 'hotline');
    const rows = await t.db.selectFrom('api_keys').select(['key_hash', 'prefix', 'name']).execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.key_hash, key);
    assert.ok(key.startsWith(rows[0]!.prefix));
  });

  test('a duplicate username is refused', async () => {
    await assert.rejects(createAccount(t.db, { username: 'dawa', password: 'x'.repeat(10), role: 'admin', node: null }), { code: 'USERNAME_TAKEN' });
  });
});

describe('login attempts are rate-limited', () => {
  test('attempts past the limit get 429', async () => {
    const { buildApp } = await import('../../app.ts');
    const { loadConfig } = await import('../../config.ts');
    const { freshStore } = await import('../../../../test/support/store.ts');
    const store = await freshStore();
    const { app } = await buildApp(store.database, loadConfig({ databaseUrl: store.url, logLevel: 'silent', loginAttemptsPerMinute: 3 }, {}));
    try {
      const attempt = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } });
      for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
      const limited = await attempt();
      assert.equal(limited.statusCode, 429);
      assert.equal(body(limited).error.code, 'RATE_LIMITED');
    } finally {
      await app.close();
      await store.drop();
    }
  });
});

describe('account management is scoped', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('a community worker grants roles inside their community only, and never admin', async () => {
    const { insertOrgNode } = await import('../org/org.service.ts');
    const a = await insertOrgNode(t.db, { kind: 'community', code: 'A', name: '甲社区' }, null);
    const b = await insertOrgNode(t.db, { kind: 'community', code: 'B', name: '乙社区' }, null);
    await insertOrgNode(t.db, { kind: 'grid', code: 'A-1', name: '甲一网格', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }, a);
    await createAccount(t.db, { username: 'cw-a', password: 'cw-a-pass', role: 'community_worker', node: { id: a.id, path: a.path } });
    await createAccount(t.db, { username: 'cw-b', password: 'cw-b-pass', role: 'community_worker', node: { id: b.id, path: b.path } });
    const cw = await t.login('cw-a', 'cw-a-pass');
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: cw, payload });

    const ok = await create({ username: 'gw1', password: 'gw1-password', role: 'grid_worker', at: 'A-1' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await create({ username: 'gw2', password: 'gw2-password', role: 'grid_worker', at: 'B' })).statusCode, 404);
    assert.equal((await create({ username: 'boss', password: 'boss-password', role: 'admin' })).statusCode, 403);
    assert.equal((await create({ username: 'gw3', password: 'short', role: 'grid_worker', at: 'A-1' })).statusCode, 400);
    const ghost = await create({ username: 'gw4', password: 'gw4-password', role: 'grid_worker', at: 'A-1', staffId: '张三' });
    assert.equal(ghost.statusCode, 404, 'a staff record that does not exist is named, not a server error');
    assert.equal(ghost.json().error.code, 'STAFF_NOT_FOUND');
    assert.equal((await create({ username: 'gw5', password: 'gw5-password', role: 'resident', at: 'A-1', residentId: 'nobody' })).json().error.code, 'RESIDENT_NOT_FOUND');
    // Found by the fuzzer (FUZZ_SEED=928345382): an empty id used to reach the insert and fail its foreign key.
    for (const empty of [{ staffId: '' }, { residentId: '' }]) {
      const res = await create({ username: 'gw6', password: 'gw6-password', role: 'grid_worker', at: 'A-1', ...empty });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const names = (await t.db.selectFrom('accounts').select('username').orderBy('username').execute()).map((r) => r.username);
    assert.deepEqual(names, ['cw-a', 'cw-b', 'gw1']);

    const listed = body(await t.app.inject({ url: '/api/v1/accounts', headers: cw }));
    assert.deepEqual(listed.items.map((i: any) => i.username), ['cw-a', 'gw1'], 'cw-b lives in another community');
    const gw = await t.login('gw1', 'gw1-password');
    assert.equal((await t.app.inject({ url: '/api/v1/accounts', headers: gw })).statusCode, 403);
  });
});
