import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createCommunity, createCommunityWorker, createGridWorker, createHousehold, createResident, type OrgNode, TEST_PASSWORD } from '../../../../test/support/factories.ts';
import { newId } from '../../platform/ids.ts';
import { byRank, scoreCandidate } from './matching.ts';
import { matchTalents } from './matching.service.ts';
import { checkedWeeklyHours, coversInstant } from './weekly-hours.ts';

const ZONE = 'Asia/Shanghai';
// Saturday 7 March 2026, 10:00 in Lhasa (北京时间) and 16:00 on the Wednesday after.
const SATURDAY_10 = new Date('2026-03-07T02:00:00Z');
const WEDNESDAY_16 = new Date('2026-03-11T08:00:00Z');

describe('weekly hours', () => {
  test('cover local weekdays and times, the end excluded', () => {
    const hours = checkedWeeklyHours([{ weekdays: [7, 6, 6], from: '09:00', to: '12:00' }], 'availability');
    assert.deepEqual(hours, [{ weekdays: [6, 7], from: '09:00', to: '12:00' }]);
    assert.equal(coversInstant(hours, SATURDAY_10, ZONE), true);
    assert.equal(coversInstant(hours, new Date('2026-03-07T04:00:00Z'), ZONE), false, '12:00 is already past the slot');
    assert.equal(coversInstant(hours, new Date('2026-03-07T00:59:00Z'), ZONE), false, '08:59');
    assert.equal(coversInstant(hours, WEDNESDAY_16, ZONE), false);
    // 23:30 on Friday in Lhasa is still Friday there, though Friday 15:30 in UTC.
    assert.equal(coversInstant([{ weekdays: [5], from: '20:00', to: '24:00' }], new Date('2026-03-06T15:30:00Z'), ZONE), true);
  });

  test('refuse a slot that ends before it starts', () => {
    assert.throws(() => checkedWeeklyHours([{ weekdays: [1], from: '12:00', to: '12:00' }], 'availability'), { code: 'WEEKLY_HOURS_INVALID' });
    assert.throws(() => checkedWeeklyHours([{ weekdays: [1], from: '18:00', to: '08:00' }], 'availability'), { code: 'WEEKLY_HOURS_INVALID' });
  });
});

describe('ranking', () => {
  const place = { lng: 91.1, lat: 29.65 };
  const free = [{ weekdays: [6], from: '09:00', to: '12:00' }];

  test('scores each factor with its reason, and the sum is the score', () => {
    const c = scoreCandidate({ id: 'a', name: '卓嘎', level: 3, home: { lng: 91.1, lat: 29.659 }, availability: free }, place, SATURDAY_10, 1, ZONE, 'zh-CN');
    assert.deepEqual(c.reasons.map((r) => r.factor), ['skill', 'distance', 'availability', 'load']);
    assert.equal(c.reasons[0]!.points, 40);
    assert.equal(c.distanceMetres, 1001);
    assert.equal(c.reasons[1]!.points, 24);
    assert.equal(c.reasons[1]!.text, '距服务地点约 1001 米');
    assert.equal(c.reasons[2]!.points, 20);
    assert.equal(c.reasons[3]!.points, 6.7);
    assert.equal(c.score, 90.7);
    const en = scoreCandidate({ id: 'a', name: 'x', level: 2, home: null, availability: [] }, place, SATURDAY_10, 0, ZONE, 'en');
    assert.deepEqual(en.reasons.map((r) => r.text), ['skill level: skilled (2)', 'where they live is not known', 'has not given their free hours', '0 open orders now']);
    assert.equal(en.available, null);
  });

  test('orders by score, then distance, then name', () => {
    const mk = (id: string, level: number, lat: number, name = id) => scoreCandidate({ id, name, level, home: { lng: 91.1, lat }, availability: free }, place, null, 0, ZONE, 'zh-CN');
    const ranked = [mk('far', 3, 29.695), mk('near', 3, 29.651), mk('low', 1, 29.65), mk('b', 2, 29.66, '乙'), mk('a', 2, 29.66, '甲')].sort(byRank);
    assert.deepEqual(ranked.map((r) => [r.id, r.score]), [['near', 79.3], ['a', 60], ['b', 60], ['low', 53.3], ['far', 50]]);
  });
});

describe('matching talents to a request', () => {
  let t: TestApp;
  let grid1: OrgNode;
  let grid2: OrgNode;
  let office: Record<string, string>;
  let worker: Record<string, string>;
  let farOffice: Record<string, string>;
  const ids: Record<string, string> = {};

  /** A confirmed talent living at a point (their compound's), with a haircut level and free hours. */
  async function talent(key: string, grid: OrgNode, at: [number, number] | null, level: number, availability: object[], status = 'confirmed', areaPath?: string) {
    const household = await createHousehold(t.db, { grid });
    if (at) {
      const compound = { id: newId(), grid_id: grid.id, path: grid.path, name: `${key}大院`, address: null, lng: at[0], lat: at[1], created_at: new Date().toISOString() };
      await t.db.insertInto('compounds').values(compound).execute();
      await t.db.updateTable('households').set({ compound_id: compound.id }).where('id', '=', household.id).execute();
    }
    const resident = await createResident(t.db, { household, name: key });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/talents', headers: office, payload: { origin: 'survey', resident: resident.id, skills: [{ skill: 'haircut', level }], availability } });
    assert.equal(res.statusCode, 201, res.body);
    ids[key] = body(res).id;
    if (status === 'confirmed') assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/talents/${ids[key]}/confirm`, headers: office, payload: {} })).statusCode, 200);
    if (areaPath) await t.db.updateTable('talent_service_areas').set({ path: areaPath }).where('talent_id', '=', ids[key]).execute();
  }

  before(async () => {
    t = await startTestApp();
    const home = await createCommunity(t.db, { code: 'MT', grids: 2 });
    const far = await createCommunity(t.db, { code: 'MTF', grids: 1 });
    [grid1, grid2] = home.grids as [OrgNode, OrgNode];
    await t.ctx.geo.reload(t.db);
    office = await t.login((await createCommunityWorker(t.db, home.community)).username, TEST_PASSWORD);
    worker = await t.login((await createGridWorker(t.db, grid1)).username, TEST_PASSWORD);
    farOffice = await t.login((await createCommunityWorker(t.db, far.community)).username, TEST_PASSWORD);
    const lng = grid1.centroid_lng!;
    const saturday = [{ weekdays: [6], from: '09:00', to: '12:00' }];
    const weekdays = [{ weekdays: [1, 2, 3, 4, 5], from: '14:00', to: '18:00' }];
    await talent('专业近', grid1, [lng, 29.6505], 3, saturday);
    await talent('专业远', grid2, [lng, 29.665], 3, saturday);
    await talent('熟练近', grid1, [lng, 29.6502], 2, weekdays);
    await talent('待确认', grid1, [lng, 29.65], 3, saturday, 'proposed');
    await talent('不服务这里', grid1, [lng, 29.65], 3, saturday, 'confirmed', grid2.path);
  });
  after(() => t.close());

  test('staff get confirmed talents who serve the place, best first, with their reasons', async () => {
    const res = await t.app.inject({ url: `/api/v1/talents/matches?skill=haircut&lng=${grid1.centroid_lng}&lat=29.65&at=${SATURDAY_10.toISOString()}`, headers: office });
    assert.equal(res.statusCode, 200, res.body);
    const m = body(res);
    assert.equal(m.place.grid.code, grid1.code);
    assert.deepEqual(m.talents.map((c: any) => c.name), ['专业近', '专业远', '熟练近'], 'level and availability outweigh a few hundred metres; proposed and out-of-area talents are left out');
    const [first, , third] = m.talents;
    assert.equal(first.rank, 1);
    assert.equal(first.available, true);
    assert.equal(third.available, false);
    assert.deepEqual(third.reasons.map((r: any) => r.text), ['技能等级：熟练（2级）', '距服务地点约 22 米', '该时段不在其服务时间内', '近期在办 0 单']);
    assert.equal(first.score, first.reasons.reduce((s: number, r: any) => Math.round((s + r.points) * 10) / 10, 0));

    const weekday = body(await t.app.inject({ url: `/api/v1/talents/matches?skill=haircut&grid=${grid1.code}&at=${WEDNESDAY_16.toISOString()}`, headers: office }));
    assert.equal(weekday.talents[0].name, '熟练近', 'on a weekday afternoon the one who is free comes first');
    const none = body(await t.app.inject({ url: `/api/v1/talents/matches?skill=plumbing&grid=${grid1.code}`, headers: office }));
    assert.deepEqual(none.talents, []);
  });

  test('recent load, passed in by the caller, moves a busy talent down', async () => {
    const load = async (talentIds: readonly string[]) => new Map(talentIds.filter((id) => id === ids['专业近']).map((id) => [id, 3]));
    const m = await matchTalents(t.db, t.ctx.geo, ZONE, { skill: 'haircut', place: { grid: grid1.code }, at: SATURDAY_10, within: null, load }, 'zh-CN');
    assert.deepEqual(m.talents.map((c) => c.name), ['专业远', '专业近', '熟练近']);
    const busy = m.talents.find((c) => c.name === '专业近')!;
    assert.equal(busy.load, 3);
    assert.deepEqual(busy.reasons.find((r) => r.factor === 'load'), { factor: 'load', points: 0, text: '近期在办 3 单' });
  });

  test('teams of the community rank by their best qualified member', async () => {
    const team = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: office, payload: { name: '六义社', kind: 'six_yi', community: 'MT', services: ['haircut'], leader: ids['熟练近'] } });
    assert.equal(team.statusCode, 201, team.body);
    await t.app.inject({ method: 'PUT', url: `/api/v1/teams/${body(team).id}/members/${ids['专业远']}`, headers: office, payload: {} });
    const m = body(await t.app.inject({ url: `/api/v1/talents/matches?skill=haircut&grid=${grid1.code}&at=${SATURDAY_10.toISOString()}`, headers: office }));
    assert.equal(m.teams.length, 1);
    assert.equal(m.teams[0].team.name, '六义社');
    assert.equal(m.teams[0].qualifiedMembers, 2);
    assert.equal(m.teams[0].availableMembers, 1);
    assert.equal(m.teams[0].bestMember.name, '专业远');
    assert.ok(m.teams[0].reasons.includes('队伍服务项目包含该技能'));
  });

  test('only staff who manage the place may match, and bad places are refused', async () => {
    const asWorker = await t.app.inject({ url: `/api/v1/talents/matches?skill=haircut&grid=${grid1.code}`, headers: worker });
    assert.equal(asWorker.statusCode, 403);
    const farAway = await t.app.inject({ url: `/api/v1/talents/matches?skill=haircut&grid=${grid1.code}`, headers: farOffice });
    assert.equal(farAway.statusCode, 404);
    const cases: [string, number, string][] = [
      ['skill=haircut', 400, 'MATCH_PLACE_REQUIRED'],
      ['skill=haircut&lng=91.1', 400, 'MATCH_PLACE_REQUIRED'],
      ['skill=haircut&lng=10&lat=10', 400, 'MATCH_PLACE_OUTSIDE_GRIDS'],
      ['skill=haircut&grid=MT', 404, 'GRID_NOT_FOUND'],
      ['skill=juggling&grid=MT-G1', 400, 'VALIDATION_FAILED'],
      ['skill=haircut&grid=MT-G1&at=tomorrow', 400, 'VALIDATION_FAILED'],
    ];
    for (const [query, status, code] of cases) {
      const res = await t.app.inject({ url: `/api/v1/talents/matches?${query}`, headers: office });
      assert.equal(res.statusCode, status, `${query}: ${res.body}`);
      assert.equal(body(res).error.code, code, query);
    }
  });
});
