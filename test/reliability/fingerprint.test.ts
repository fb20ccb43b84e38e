import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, type DemoApp, startDemoApp } from '../support/demo-app.ts';
import { fingerprinter } from './support/fingerprint.ts';

// The fuzz and scope-matrix tests trust the fingerprint to show any write a refused request makes; this
// holds it to that, including the writes a row count cannot see.

let t: DemoApp;
let fingerprint: () => Promise<string>;

before(async () => {
  t = await startDemoApp();
  fingerprint = await fingerprinter(t);
});

after(() => t?.close());

const buildingCount = async () => Number((await t.db.selectFrom('buildings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

test('reading, and a request that is refused, leave the fingerprint as it was', async () => {
  const before = await fingerprint();
  await t.db.selectFrom('buildings').selectAll().execute();
  const read = await t.app.inject({ url: '/api/v1/auth/me', headers: t.as.resident });
  assert.equal(read.statusCode, 200);
  const refused = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { description: 42 }, headers: t.as.resident });
  assert.ok(refused.statusCode >= 400 && refused.statusCode < 500, `refused: ${refused.statusCode}`);
  assert.equal(await fingerprint(), before);
});

test('an update that keeps every row count, on a table without updated_at, changes the fingerprint', async () => {
  const building = await t.db.selectFrom('buildings').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
  const count = await buildingCount();
  const before = await fingerprint();
  await t.ctx.database.write((db) => db.updateTable('buildings').set({ name: `${building.name}（改）` }).where('id', '=', building.id).execute());
  assert.equal(await buildingCount(), count);
  const afterRename = await fingerprint();
  assert.notEqual(afterRename, before);
  // Setting the name back is a write too, though the table ends as it began.
  await t.ctx.database.write((db) => db.updateTable('buildings').set({ name: building.name }).where('id', '=', building.id).execute());
  assert.notEqual(await fingerprint(), afterRename);
});

test('an insert and a delete that cancel out in the row count change the fingerprint', async () => {
  const building = await t.db.selectFrom('buildings').selectAll().orderBy('id').executeTakeFirstOrThrow();
  const count = await buildingCount();
  const before = await fingerprint();
  await t.ctx.database.write(async (db) => {
    await db.insertInto('buildings').values({ ...building, id: `${building.id}-copy`, name: `${building.name}-copy` }).execute();
    await db.deleteFrom('buildings').where('id', '=', `${building.id}-copy`).execute();
  });
  assert.equal(await buildingCount(), count);
  assert.notEqual(await fingerprint(), before);
});

test('a write that is rolled back leaves the fingerprint as it was', async () => {
  const building = await t.db.selectFrom('buildings').select(['id']).orderBy('id').executeTakeFirstOrThrow();
  const before = await fingerprint();
  await assert.rejects(t.ctx.database.write(async (db) => {
    await db.updateTable('buildings').set({ name: 'never kept' }).where('id', '=', building.id).execute();
    throw new Error('refused after writing');
  }), /refused after writing/);
  assert.equal(await fingerprint(), before);
});

test('an accepted request that writes changes the fingerprint', async () => {
  const session = await t.login('resident', DEMO_PASSWORD);
  const before = await fingerprint();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session });
  assert.ok(res.statusCode < 300, `logout: ${res.statusCode} ${res.body}`);
  assert.notEqual(await fingerprint(), before);
});
