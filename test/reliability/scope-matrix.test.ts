import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, type DemoApp, startDemoApp } from '../support/demo-app.ts';
import { EXPECTED, ROLES, type Role } from './support/scope-expectations.ts';
import { fingerprinter } from './support/fingerprint.ts';
import { type Operation, operationsOf } from './support/openapi.ts';
import { Targets, type Where } from './support/scope-targets.ts';

// Every role × every route of the app's OpenAPI document, at a record inside the demo accounts' grid
// (home) and one in another street (far): each answer is the one the policy gives (the table in
// support/scope-expectations.ts), a refused request writes nothing, and no answer to anyone but admin
// holds a private record of the far side. A route without a row in the table fails the test, so a new
// route has to be thought through. SCOPE_RECORD=1 prints the answers as table rows instead of asserting.

const RECORD = process.env.SCOPE_RECORD === '1';
let t: DemoApp;
let ops: Operation[];
let targets: Targets;
let fingerprint: () => Promise<string>;

before(async () => {
  t = await startDemoApp();
  ops = operationsOf(t.app);
  targets = await Targets.load(t);
  fingerprint = await fingerprinter(t);
});

after(() => t?.close());

function headersOf(role: Role): Record<string, string> {
  return role === 'anon' ? {} : t.as[role];
}

test('every documented route has an expectation for every role, and every expectation a route', () => {
  if (RECORD) return;
  const keys = new Set(ops.map((o) => o.key));
  const missing = ops.filter((o) => !EXPECTED[o.key]).map((o) => o.key);
  assert.deepEqual(missing, [], 'routes without a row in test/reliability/support/scope-expectations.ts');
  assert.deepEqual(Object.keys(EXPECTED).filter((k) => !keys.has(k)), [], 'rows for routes that no longer exist');
  for (const [key, row] of Object.entries(EXPECTED)) {
    for (const where of ['home', 'far'] as const) {
      const line = row[where];
      if (line !== undefined) assert.equal(line.split(/\s+/).length, ROLES.length, `${key} ${where}: one answer per role (${ROLES.join(' ')})`);
    }
  }
});

test('each role gets the answer the policy gives on every route, at home and outside its node', async (tc) => {
  const rows: string[] = [];
  const wrong: string[] = [];
  const leaks: string[] = [];
  const farMarkers = targets.farMarkers();
  let requests = 0;
  for (const op of ops) {
    // The live stream never ends for a signed-in caller; its scope (which changes reach whom) is live.test.ts's.
    const streaming = op.key === 'GET /api/v1/cases/stream';
    const row = EXPECTED[op.key];
    const sides: Where[] = RECORD ? ['home', 'far'] : (['home', 'far'] as const).filter((w) => row?.[w] !== undefined);
    const recorded: Partial<Record<Where, string>> = {};
    for (const where of sides) {
      const expected = row?.[where]?.split(/\s+/);
      const got: string[] = [];
      let pending: Awaited<ReturnType<Targets['request']>> | null = null;
      for (const [i, role] of ROLES.entries()) {
        if (streaming && role !== 'anon') {
          // Not asked: see above.
          got.push(expected?.[i] ?? '-');
          continue;
        }
        // A refused request leaves its target as it was, so the next role can reuse it.
        try {
          pending ??= await targets.request(op, where);
        } catch (err) {
          wrong.push(`${op.key} ${where}: ${(err as Error).message}`);
          got.push('ERR');
          continue;
        }
        const before = await fingerprint();
        // Signing out ends the session it is sent with, so it gets a session of its own.
        const who = op.key === 'POST /api/v1/auth/logout' && role !== 'anon' ? await t.login(role, DEMO_PASSWORD) : headersOf(role);
        const res = await t.app.inject({ ...pending, headers: { ...(pending.headers as Record<string, string>), ...who } });
        requests++;
        got.push(String(res.statusCode));
        if (res.statusCode >= 400) {
          const now = await fingerprint();
          if (now !== before) wrong.push(`${op.key} ${where} ${role}: refused with ${res.statusCode} but the store changed`);
        } else {
          pending = null;
          if (role !== 'admin') {
            const text = res.rawPayload.toString('latin1') + res.body;
            const leaked = farMarkers.filter((m) => text.includes(m));
            if (leaked.length) leaks.push(`${op.key} ${where} ${role}: answer holds far-side records ${leaked.join(', ')}`);
          }
        }
        if (expected && expected[i] !== '-' && expected[i] !== String(res.statusCode)) wrong.push(`${op.key} ${where} ${role}: expected ${expected[i]}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      recorded[where] = got.join(' ');
    }
    rows.push(`  '${op.key}': { home: '${recorded.home}'${recorded.far && recorded.far !== recorded.home ? `, far: '${recorded.far}'` : recorded.far ? `, far: '${recorded.far}'` : ''} },`);
  }
  if (RECORD) {
    console.log(rows.join('\n'));
    console.log(wrong.filter((w) => !w.includes('expected')).join('\n'));
    console.log(leaks.join('\n'));
    return;
  }
  tc.diagnostic(`${requests} requests: ${ops.length} routes × ${ROLES.length} roles (${ROLES.join(', ')}), home and far`);
  assert.deepEqual(leaks, [], 'answers to non-admins holding records outside their node');
  assert.deepEqual(wrong, [], 'answers that differ from the policy');
});
