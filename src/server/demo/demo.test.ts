import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshStore } from '../../../test/support/store.ts';
import type { Database } from '../db/database.ts';
import { type AreaGeometry, bbox, pointInArea, validateAreaGeometry } from '../platform/geo/geometry.ts';
import { verifyPassword } from '../platform/secrets.ts';
import { DEMO_PASSWORD } from './demo.data.ts';
import { generateDemo } from './demo.generate.ts';
import { loadDemo } from './demo.load.ts';
import { idCheckDigit } from './demo.people.ts';
import { randomStream } from './demo.random.ts';

describe('demo generator', () => {
  it('gives the same rows on every run', () => {
    const run = () => {
      let n = 0;
      return generateDemo({ newId: () => `id-${++n}`, at: '2026-01-01T00:00:00.000Z' });
    };
    assert.deepEqual(run(), run());
  });

  it('places the seeds\' grids and compounds where the scenarios need them', () => {
    const rows = generateDemo();
    const node = (code: string) => rows.orgNodes.find((n) => n.code === code)!;
    assert.equal(node('CSK-03').name, '第三网格');
    assert.equal(node('JC-05').name, '第五网格');
    const compoundGrid = (name: string) => rows.orgNodes.find((n) => n.id === rows.compounds.find((c) => c.name === name)!.grid_id)!.code;
    assert.equal(compoundGrid('西嘎奴大院'), 'CSK-03');
    assert.equal(compoundGrid('格东大院'), 'CSK-02');
    assert.equal(compoundGrid('金珠中路21号农行退休基地小区'), 'JC-05');
  });

  it('invents valid, unique ID numbers and mobile numbers', () => {
    const { residents, staff } = generateDemo();
    for (const r of residents) {
      const id = r.id_number!;
      assert.match(id, /^5401\d{13}[\dX]$/);
      assert.equal(id[17], idCheckDigit(id.slice(0, 17)), id);
      assert.equal(id.slice(6, 14), r.birth_date!.replaceAll('-', ''));
      assert.equal(Number(id[16]) % 2 === 1, r.gender === 'male', id);
      if (r.phone) assert.match(r.phone, /^1[3-9]\d{9}$/);
    }
    for (const s of staff) assert.match(s.work_phone!, /^1[3-9]\d{9}$/);
    assert.equal(new Set(residents.map((r) => r.id_number)).size, residents.length);
    const phones = [...residents.map((r) => r.phone).filter(Boolean), ...staff.map((s) => s.work_phone)];
    assert.equal(new Set(phones).size, phones.length);
  });
});

describe('loadDemo', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let summary: Record<string, number>;

  before(async () => {
    ({ database, drop } = await freshStore());
    const result = await loadDemo(database);
    assert.equal(result.loaded, true);
    summary = result.summary;
  });
  after(async () => drop());

  const db = () => database.db;
  const geometryOf = (text: string) => JSON.parse(text) as AreaGeometry;

  it('holds two streets, four communities, a dozen grids and hundreds of households', async () => {
    const count = async (kind: 'street' | 'community' | 'grid') =>
      (await db().selectFrom('org_nodes').select(db().fn.countAll<number>().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow()).n;
    assert.equal(Number(await count('street')), 2);
    assert.ok(Number(await count('community')) >= 4);
    assert.ok(Number(await count('grid')) >= 12);
    const households = await db().selectFrom('households').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const residents = await db().selectFrom('residents').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(households.n) >= 300);
    assert.ok(Number(residents.n) >= 700);
    assert.equal(summary.households, Number(households.n));
    assert.equal(summary.residents, Number(residents.n));
    const names = (await db().selectFrom('org_nodes').select('name').where('kind', '=', 'community').execute()).map((r) => r.name);
    for (const name of ['冲赛康社区', '慈松塘社区', '加措社区', '维巴村']) assert.ok(names.includes(name), name);
  });

  it('draws every area as a valid polygon with its centre inside', async () => {
    const areas = await db().selectFrom('org_nodes').select(['code', 'geometry', 'centroid_lng', 'centroid_lat']).where('kind', 'in', ['community', 'sector', 'grid']).execute();
    const beats = await db().selectFrom('police_beats').select(['code', 'geometry', 'centroid_lng', 'centroid_lat']).execute();
    for (const a of [...areas, ...beats]) {
      assert.ok(a.geometry, a.code);
      assert.deepEqual(validateAreaGeometry(JSON.parse(a.geometry)), [], a.code);
      // A grid's contact card looks up its police beat at the grid's centre, so the centre must lie inside.
      assert.ok(pointInArea(a.centroid_lng!, a.centroid_lat!, geometryOf(a.geometry)), `${a.code}: centre inside`);
    }
  });

  it('tiles each community with its grids, without gaps or overlaps', async () => {
    const communities = await db().selectFrom('org_nodes').select(['code', 'path', 'geometry']).where('kind', '=', 'community').execute();
    const random = randomStream('demo.test:points');
    for (const community of communities) {
      const outline = geometryOf(community.geometry!);
      const grids = (await db().selectFrom('org_nodes').select('geometry').where('kind', '=', 'grid').where('path', 'like', `${community.path}%`).execute()).map((g) =>
        geometryOf(g.geometry!),
      );
      const [minX, minY, maxX, maxY] = bbox(outline);
      let inside = 0;
      for (let i = 0; i < 2000; i++) {
        const x = minX + random.next() * (maxX - minX);
        const y = minY + random.next() * (maxY - minY);
        const hits = grids.filter((g) => pointInArea(x, y, g)).length;
        const inCommunity = pointInArea(x, y, outline);
        assert.equal(hits, inCommunity ? 1 : 0, `${community.code} at ${x},${y}`);
        if (inCommunity) inside++;
      }
      assert.ok(inside > 1000, `${community.code}: most sample points fall inside`);
    }
  });

  it('keeps every path under its parent', async () => {
    const nodes = await db().selectFrom('org_nodes').select(['id', 'parent_id', 'path', 'kind']).execute();
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes) {
      const parentPath = n.parent_id ? byId.get(n.parent_id)!.path : '/';
      assert.equal(n.path, `${parentPath}${n.id}/`, n.id);
    }
    const pathOf = (id: string) => byId.get(id)!.path;
    for (const b of await db().selectFrom('police_beats').select(['node_id', 'path']).execute()) assert.equal(b.path, pathOf(b.node_id));
    for (const c of await db().selectFrom('compounds').select(['grid_id', 'path']).execute()) assert.equal(c.path, pathOf(c.grid_id));
    for (const h of await db().selectFrom('households').select(['grid_id', 'path']).execute()) assert.equal(h.path, pathOf(h.grid_id));
    for (const r of await db().selectFrom('residents').innerJoin('households', 'households.id', 'residents.household_id').select(['residents.grid_id', 'residents.path', 'households.grid_id as home']).execute()) {
      assert.equal(r.grid_id, r.home);
      assert.equal(r.path, pathOf(r.grid_id));
    }
    for (const a of await db().selectFrom('staff_assignments').select(['node_id', 'path']).execute()) assert.equal(a.path, pathOf(a.node_id));
    for (const g of nodes.filter((n) => n.kind === 'grid')) assert.equal(g.path.split('/').length - 2, 5, 'district/street/community/sector/grid');
  });

  it('staffs every grid in every role, with a work phone, and puts the beat officer over the grid', async () => {
    const grids = await db().selectFrom('org_nodes').select(['id', 'code']).where('kind', '=', 'grid').execute();
    const assignments = await db()
      .selectFrom('staff_assignments')
      .innerJoin('staff', 'staff.id', 'staff_assignments.staff_id')
      .select(['staff_assignments.node_id', 'staff_assignments.role', 'staff_assignments.police_beat_id', 'staff.work_phone'])
      .execute();
    const beats = new Map((await db().selectFrom('police_beats').select(['id', 'geometry']).execute()).map((b) => [b.id, geometryOf(b.geometry)]));
    const compounds = await db().selectFrom('compounds').select(['grid_id', 'lng', 'lat']).execute();
    const gridGeometry = new Map((await db().selectFrom('org_nodes').select(['id', 'geometry']).where('kind', '=', 'grid').execute()).map((g) => [g.id, geometryOf(g.geometry!)]));
    for (const grid of grids) {
      const here = assignments.filter((a) => a.node_id === grid.id);
      for (const role of ['grid_leader', 'grid_worker', 'part_time_grid_worker', 'community_worker', 'police_officer'] as const) {
        assert.ok(here.some((a) => a.role === role), `${grid.code} has a ${role}`);
      }
      for (const a of here) assert.ok(a.work_phone, `${grid.code} ${a.role} has a work phone`);
      const officer = here.find((a) => a.role === 'police_officer')!;
      const mine = compounds.filter((c) => c.grid_id === grid.id);
      assert.ok(mine.length >= 2 && mine.length <= 4, `${grid.code} has 2-4 compounds`);
      for (const c of mine) {
        assert.ok(pointInArea(c.lng!, c.lat!, gridGeometry.get(grid.id)!), `${grid.code}: compound inside its grid`);
        assert.ok(pointInArea(c.lng!, c.lat!, beats.get(officer.police_beat_id!)!), `${grid.code}: inside its officer's beat`);
      }
    }
  });

  it('links each party hub household to 10-20 households and each liaison to 8-15 in their grid', async () => {
    const households = await db().selectFrom('households').select(['id', 'grid_id', 'path', 'is_party_hub']).execute();
    const byId = new Map(households.map((h) => [h.id, h]));
    const links = await db().selectFrom('household_links').selectAll().execute();
    const hubs = households.filter((h) => h.is_party_hub === 1);
    const communities = await db().selectFrom('org_nodes').select('path').where('kind', '=', 'community').execute();
    for (const c of communities) assert.ok(hubs.filter((h) => h.path.startsWith(c.path)).length >= 2, 'two or more hubs per community');
    for (const hub of hubs) {
      const served = links.filter((l) => l.kind === 'party_hub' && l.linker_id === hub.id);
      assert.ok(served.length >= 10 && served.length <= 20, `hub serves ${served.length}`);
      for (const l of served) assert.equal(byId.get(l.household_id)!.grid_id, hub.grid_id);
      const members = await db().selectFrom('residents').select('is_party_member').where('household_id', '=', hub.id).execute();
      assert.ok(members.some((m) => m.is_party_member === 1), 'a party member lives in the hub');
    }
    const residents = new Map((await db().selectFrom('residents').select(['id', 'grid_id']).execute()).map((r) => [r.id, r]));
    const liaisons = new Set(links.filter((l) => l.kind === 'liaison').map((l) => l.linker_id));
    assert.ok(liaisons.size >= 12);
    for (const liaison of liaisons) {
      const served = links.filter((l) => l.kind === 'liaison' && l.linker_id === liaison);
      assert.ok(served.length >= 8 && served.length <= 15, `liaison links ${served.length}`);
      for (const l of served) assert.equal(byId.get(l.household_id)!.grid_id, residents.get(liaison)!.grid_id);
    }
  });

  it('creates one account per role, granted where the README says and linked to its person', async () => {
    const rows = await db()
      .selectFrom('accounts')
      .innerJoin('account_roles', 'account_roles.account_id', 'accounts.id')
      .leftJoin('org_nodes', 'org_nodes.id', 'account_roles.node_id')
      .select(['accounts.id', 'accounts.username', 'accounts.password_hash', 'accounts.staff_id', 'accounts.resident_id', 'account_roles.role', 'account_roles.path', 'org_nodes.code'])
      .execute();
    const expected: Record<string, [role: string, at: string | null, linked: 'staff' | 'resident' | null]> = {
      admin: ['admin', null, null],
      street: ['street_admin', 'BKJD', null],
      community: ['community_worker', 'CSK', 'staff'],
      gridleader: ['grid_leader', 'CSK-03', 'staff'],
      gridworker: ['grid_worker', 'CSK-03', 'staff'],
      police: ['police_officer', 'CSK', 'staff'],
      resident: ['resident', 'CSK-03', 'resident'],
      // Volunteers (M6): the demo's talent (义剪), a resident of the same grid.
      talent: ['resident', 'CSK-03', 'resident'],
      // Points and merchants (M7).
      merchant: ['merchant', 'CSK', null],
    };
    assert.deepEqual(rows.map((r) => r.username).sort(), Object.keys(expected).sort());
    const grid3 = await db().selectFrom('org_nodes').select(['id', 'path']).where('code', '=', 'CSK-03').executeTakeFirstOrThrow();
    for (const r of rows) {
      const [role, at, linked] = expected[r.username]!;
      assert.equal(r.role, role, r.username);
      assert.equal(r.code ?? null, at, r.username);
      if (at === null) assert.equal(r.path, '/');
      if (linked === 'staff') {
        const staff = await db().selectFrom('staff').select('account_id').where('id', '=', r.staff_id!).executeTakeFirstOrThrow();
        assert.equal(staff.account_id, r.id, `${r.username}: staff row points back`);
        const duty = await db().selectFrom('staff_assignments').select('role').where('staff_id', '=', r.staff_id!).where('node_id', '=', grid3.id).execute();
        assert.ok(duty.some((d) => d.role === role), `${r.username} works in 冲赛康 第三网格`);
      }
      if (linked === 'resident') {
        const resident = await db().selectFrom('residents').select('grid_id').where('id', '=', r.resident_id!).executeTakeFirstOrThrow();
        assert.equal(resident.grid_id, grid3.id);
      }
      if (linked === null) assert.equal(r.staff_id ?? r.resident_id, null);
    }
    assert.ok(await verifyPassword(DEMO_PASSWORD, rows[0]!.password_hash));
  });

  it('does nothing the second time', async () => {
    const before = await db().selectFrom('residents').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const again = await loadDemo(database);
    assert.deepEqual(again, { loaded: false, summary: {} });
    const after = await db().selectFrom('residents').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});
