/**
 * What the scope matrix points each route at: a record in the demo accounts' home grid 冲赛康社区 第三网格
 * (CSK-03, under 八廓街道) or one in 加措社区 (JC, under 八一街道), which is outside every demo account's
 * node but admin's. Writes that succeed get a fresh target each time, so every role meets the same state.
 */
import type { InjectOptions } from 'fastify';
import { IN_CSK_03, type DemoApp } from '../../support/demo-app.ts';
import { unique } from '../../support/factories.ts';
import type { Operation } from './openapi.ts';
import { IN_JC, reportCase, tinyJpeg } from './world.ts';
import { loadVolunteerTargets, volunteerFarMarkers, volunteerRequest, type VolunteerIds } from './volunteer-targets.ts';
import { PointsTargets } from './points-targets.ts';
// Activities and role models (M12)
import { ActivityTargets } from './activity-targets.ts';
// Micro-wishes and the service list (M6)
import { WishTargets } from './wish-targets.ts';
// Service orders (issue 6)
import { OrderTargets } from './order-targets.ts';

export type Where = 'home' | 'far';

const square = (lng: number, lat: number, half = 0.0004) => ({ type: 'Polygon', coordinates: [[[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]]] });

export class Targets {
  private constructor(private t: DemoApp, private n: Record<Where, Record<string, string>>) {}

  static async load(t: DemoApp): Promise<Targets> {
    const node = async (code: string) => (await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow());
    const under = (path: string) => ({ lo: path, hi: `${path}\uffff` });
    const side = async (street: string, community: string, grid: string) => {
      const g = await node(grid);
      const c = await node(community);
      const inGrid = (q: any) => q.where('path', '>=', under(g.path).lo).where('path', '<', under(g.path).hi);
      const compound = (await inGrid(t.db.selectFrom('compounds').select('id')).orderBy('id').executeTakeFirstOrThrow()).id as string;
      const household = (await inGrid(t.db.selectFrom('households').select('id')).orderBy('id').executeTakeFirstOrThrow()).id as string;
      const resident = (await inGrid(t.db.selectFrom('residents').select('id')).orderBy('id').executeTakeFirstOrThrow()).id as string;
      const assignment = await t.db.selectFrom('staff_assignments').select(['id', 'staff_id']).where('node_id', '=', g.id).where('role', '=', 'grid_worker').executeTakeFirstOrThrow();
      const partyHub = await t.db.selectFrom('households').select('id').where('is_party_hub', '=', 1).where('path', '>=', c.path).where('path', '<', `${c.path}\uffff`).orderBy('id').executeTakeFirstOrThrow();
      const liaison = await t.db.selectFrom('household_links').innerJoin('residents', 'residents.id', 'household_links.linker_id').select('linker_id').where('kind', '=', 'liaison').where('residents.path', '>=', c.path).where('residents.path', '<', `${c.path}\uffff`).orderBy('linker_id').executeTakeFirstOrThrow();
      const building = await t.db.selectFrom('buildings').innerJoin('compounds', 'compounds.id', 'buildings.compound_id').select('buildings.id').where('compounds.path', '>=', c.path).where('compounds.path', '<', `${c.path}\uffff`).orderBy('buildings.id').executeTakeFirstOrThrow();
      const sector = await t.db.selectFrom('org_nodes').select('id').where('kind', '=', 'sector').where('parent_id', '=', c.id).orderBy('code').executeTakeFirstOrThrow();
      const beat = await t.db.selectFrom('police_beats').select('id').where('path', '>=', c.path).where('path', '<', `${c.path}\uffff`).orderBy('id').executeTakeFirstOrThrow();
      return {
        street: (await node(street)).id, community: c.id, communityCode: community, grid: g.id, gridCode: grid, sector: sector.id, beat: beat.id,
        compound, building: building.id, household, resident, staff: assignment.staff_id, assignment: assignment.id, partyHub: partyHub.id, liaison: liaison.linker_id,
      };
    };
    const targets = new Targets(t, { home: await side('BKJD', 'CSK', 'CSK-03'), far: await side('BYJD', 'JC', 'JC-01') });
    targets.volunteers = await loadVolunteerTargets(t);
    return targets;
  }

  // Volunteers (M6): talents, teams, partner units and shared resources at home and far.
  private volunteers!: Record<Where, VolunteerIds>;

  /** The private records of the far side: none of these may show in a non-admin's answer. */
  farMarkers(): string[] {
    const f = this.n.far;
    // Compounds are public places (the report form's picker lists them), so their ids are not among these.
    return [f.household!, f.resident!, f.building!, ...volunteerFarMarkers(this.volunteers)];
  }

  ids(where: Where) {
    return this.n[where]!;
  }

  private async admin(method: InjectOptions['method'], url: string, payload?: object): Promise<any> {
    const res = await this.t.app.inject({ method, url, payload, headers: this.t.as.admin });
    if (res.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  }

  /** A fresh case at `where`, moved into a state the action may start from. */
  async caseFor(action: string, where: Where): Promise<{ id: string; number: string }> {
    const t = this.t;
    const location = where === 'home' ? IN_CSK_03 : IN_JC;
    const act = (id: string, a: string, headers: Record<string, string>, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${a}`, payload, headers }).then((r) => {
      if (r.statusCode !== 200) throw new Error(`setup ${a}: ${r.statusCode} ${r.body}`);
    });
    const c = await reportCase(t, { description: `范围测试 ${action} ${unique('c')}`, location, reporter: { name: '范围测试人', phone: '13700000001' } }, t.as.resident);
    // Reported at the home grid the case lands with the demo grid worker; at JC with JC's.
    const handler = where === 'home' ? t.as.gridworker : t.as.admin;
    const steps: Record<string, (() => Promise<void>)[]> = {
      dispatch: [() => act(c.id, 'return', handler, { reason: '不归我管' })],
      reject: [() => act(c.id, 'return', handler, { reason: '不归我管' })],
      suspend: [() => act(c.id, 'accept', handler)],
      resolve: [() => act(c.id, 'accept', handler)],
      resume: [() => act(c.id, 'accept', handler), () => act(c.id, 'suspend', handler, { reason: '等待材料' })],
      'decide-extension': [() => act(c.id, 'extend', handler, { workingDays: 2, reason: '需要协调' })],
      verify: [() => act(c.id, 'accept', handler), () => act(c.id, 'resolve', handler, { result: '已处理' })],
      'follow-up': [() => act(c.id, 'accept', handler), () => act(c.id, 'resolve', handler, { result: '已处理' })],
      rate: [() => act(c.id, 'accept', handler), () => act(c.id, 'resolve', handler, { result: '已处理' })],
      reopen: [() => act(c.id, 'accept', handler), () => act(c.id, 'resolve', handler, { result: '已处理' }), () => act(c.id, 'verify', t.as.admin, { pass: true })],
    };
    for (const step of steps[action] ?? []) await step();
    return c;
  }

  /** The request a role makes to probe `op` at `where`. */
  async request(op: Operation, where: Where): Promise<InjectOptions> {
    // Routes of the talent pool and the points ledger build their own requests.
    const volunteers = await volunteerRequest(this.t, this.volunteers, op, where);
    if (volunteers) return volunteers;
    const ids = this.n[where]!;
    const points = await (this.points ??= await PointsTargets.load(this.t)).request(op, where, ids.resident!);
    if (points) return points;
    // Activities and role models (M12) build their own requests.
    const activities = await (this.activities ??= await ActivityTargets.load(this.t)).request(op, where);
    if (activities) return activities;
    // Micro-wishes and the service list (M6) build their own requests.
    const wishes = await (this.wishes ??= await WishTargets.load(this.t)).request(op, where);
    if (wishes) return wishes;
    // Service orders (issue 6) build their own requests.
    const orders = await (this.orders ??= await OrderTargets.load(this.t)).request(op, where);
    if (orders) return orders;
    const kind = op.path.split('/')[3] ?? '';
    const name = unique('范围');
    const code = unique('SCOPE');
    let idFor = (): string => ids.grid!;
    let payload: object | undefined;
    let query = '';
    const fresh = async (collection: string, parent: string) => (await this.admin('POST', `/api/v1/${collection}`, { code: unique('DEL'), name: unique('删'), parent, ...(collection === 'grids' ? { geometry: square(where === 'home' ? 91.16 : 91.06, 29.7) } : {}) })).id as string;
    switch (kind) {
      case 'districts':
        idFor = () => 'x';
        break;
      case 'streets':
        idFor = () => ids.street!;
        break;
      case 'communities':
        idFor = () => ids.community!;
        break;
      case 'sectors':
        idFor = () => ids.sector!;
        break;
      case 'police-beats':
        idFor = () => ids.beat!;
        break;
      case 'staff':
        idFor = () => ids.staff!;
        break;
      case 'compounds':
        idFor = () => ids.compound!;
        break;
      case 'buildings':
        idFor = () => ids.building!;
        break;
      case 'households':
        idFor = () => ids.household!;
        break;
      case 'residents':
        idFor = () => ids.resident!;
        break;
    }
    let id = idFor();
    // Writes: a valid body, and a fresh record where the write would consume one.
    switch (op.key) {
      case 'POST /api/v1/districts':
        payload = { code, name };
        break;
      case 'POST /api/v1/streets':
        payload = { code, name, parent: (await this.t.db.selectFrom('org_nodes').select('id').where('kind', '=', 'district').executeTakeFirstOrThrow()).id };
        break;
      case 'POST /api/v1/communities':
        payload = { code, name, parent: ids.street };
        break;
      case 'POST /api/v1/sectors':
        payload = { code, name, parent: ids.community };
        break;
      case 'POST /api/v1/grids':
        payload = { code, name, parent: ids.community, geometry: square(where === 'home' ? 91.17 : 91.07, 29.71) };
        break;
      case 'PATCH /api/v1/districts/{id}':
      case 'PATCH /api/v1/streets/{id}':
      case 'PATCH /api/v1/communities/{id}':
      case 'PATCH /api/v1/sectors/{id}':
      case 'PATCH /api/v1/grids/{id}':
      case 'PATCH /api/v1/police-beats/{id}':
        if (kind === 'districts') id = (await this.t.db.selectFrom('org_nodes').select('id').where('kind', '=', 'district').executeTakeFirstOrThrow()).id;
        payload = { name: `${name}` };
        break;
      case 'DELETE /api/v1/districts/{id}':
        id = (await this.admin('POST', '/api/v1/districts', { code: unique('DEL'), name: unique('删') })).id;
        break;
      case 'DELETE /api/v1/streets/{id}':
        id = await fresh('streets', (await this.t.db.selectFrom('org_nodes').select('id').where('kind', '=', 'district').executeTakeFirstOrThrow()).id);
        break;
      case 'DELETE /api/v1/communities/{id}':
        id = await fresh('communities', ids.street!);
        break;
      case 'DELETE /api/v1/sectors/{id}':
        id = await fresh('sectors', ids.community!);
        break;
      case 'DELETE /api/v1/grids/{id}':
        id = await fresh('grids', ids.community!);
        break;
      case 'POST /api/v1/grids/import':
        query = `community=${ids.communityCode}`;
        payload = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: unique('IMP'), name: unique('导入网格') }, geometry: square(where === 'home' ? 91.18 : 91.08, 29.72) }] };
        break;
      case 'GET /api/v1/route':
        query = where === 'home' ? 'lng=91.1335&lat=29.6565' : 'lng=91.085&lat=29.652';
        break;
      case 'POST /api/v1/police-beats':
        payload = { code, name, node: ids.community, geometry: square(where === 'home' ? 91.19 : 91.09, 29.73) };
        break;
      case 'DELETE /api/v1/police-beats/{id}':
        id = (await this.admin('POST', '/api/v1/police-beats', { code: unique('DEL'), name: unique('删'), node: ids.community, geometry: square(91.2, 29.74) })).id;
        break;
      case 'POST /api/v1/accounts':
        payload = { username: unique('scope'), password: 'scope-password-1', role: 'grid_worker', at: ids.gridCode };
        break;
      case 'POST /api/v1/staff':
        payload = { name, workPhone: '13600000000' };
        break;
      case 'PATCH /api/v1/staff/{id}':
        payload = { workPhone: '13600000001' };
        break;
      case 'POST /api/v1/staff/{id}/assignments':
        payload = { node: ids.gridCode, role: 'community_worker' };
        id = (await this.admin('POST', '/api/v1/staff', { name, workPhone: '13600000002' })).id;
        break;
      case 'PATCH /api/v1/staff/{id}/assignments/{assignmentId}':
        payload = { onDuty: true };
        break;
      case 'DELETE /api/v1/staff/{id}/assignments/{assignmentId}': {
        id = (await this.admin('POST', '/api/v1/staff', { name, workPhone: '13600000003' })).id;
        const a = await this.admin('POST', `/api/v1/staff/${id}/assignments`, { node: ids.gridCode, role: 'community_worker' });
        return { method: 'DELETE', url: `/api/v1/staff/${id}/assignments/${a.assignments?.[0]?.id ?? a.id}` };
      }
      case 'POST /api/v1/compounds':
        payload = { grid: ids.gridCode, name };
        break;
      case 'POST /api/v1/compounds/{id}/buildings':
        payload = { name };
        break;
      case 'POST /api/v1/households':
        payload = { grid: ids.gridCode, address: name };
        break;
      case 'PATCH /api/v1/households/{id}':
        payload = { room: '101' };
        break;
      case 'POST /api/v1/residents':
        payload = { household: ids.household, name };
        break;
      case 'PATCH /api/v1/residents/{id}':
        payload = { name };
        break;
      case 'DELETE /api/v1/residents/{id}':
        id = (await this.admin('POST', '/api/v1/residents', { household: ids.household, name })).id;
        break;
      case 'DELETE /api/v1/party-hubs/{householdId}':
        // Each allowed role takes the mark off; put it back so the next role meets a party hub household.
        await this.t.db.updateTable('households').set({ is_party_hub: 1 }).where('id', '=', ids.partyHub!).execute();
        break;
      case 'PUT /api/v1/party-hubs/{householdId}/households':
      case 'PUT /api/v1/liaisons/{residentId}/households':
        payload = { householdIds: [ids.household] };
        break;
      case 'POST /api/v1/cases':
        payload = { description: `范围测试上报 ${name}`, category: '0501', location: where === 'home' ? IN_CSK_03 : IN_JC };
        break;
      case 'POST /api/v1/cases/suggest-category':
        payload = { description: '路灯坏了' };
        break;
      case 'POST /api/v1/webhooks':
        payload = { url: 'http://127.0.0.1:9/hook', events: ['case.*'] };
        break;
      case 'DELETE /api/v1/webhooks/{id}':
        id = (await this.admin('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['case.*'] })).id;
        break;
      case 'POST /api/v1/photos':
        return { method: 'POST', url: '/api/v1/photos', payload: await tinyJpeg(), headers: { 'content-type': 'image/jpeg' } };
      case 'POST /open311/v2/requests.{format}':
        return { method: 'POST', url: '/open311/v2/requests.json', payload: `service_code=0501&lat=${where === 'home' ? IN_CSK_03.lat : IN_JC.lat}&long=${where === 'home' ? IN_CSK_03.lng : IN_JC.lng}&description=${encodeURIComponent('路灯不亮')}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    const caseAction = /^POST \/api\/v1\/cases\/\{id\}\/([a-z-]+)$/.exec(op.key)?.[1];
    if (caseAction) {
      const c = await this.caseFor(caseAction, where);
      id = c.id;
      payload = CASE_BODIES[caseAction] ?? {};
      if (caseAction === 'merge') payload = { into: (await this.caseFor('note', where)).id };
    } else if (kind === 'cases' && op.pathParams.includes('id')) {
      id = (await this.caseFor('note', where)).id;
    }
    if (kind === 'cases' && op.key === 'POST /api/v1/cases/{id}/publish') payload = { public: true };
    const values: Record<string, string> = {
      id,
      assignmentId: ids.assignment!,
      householdId: ids.partyHub!,
      residentId: ids.liaison!,
      code: ids.gridCode!,
      format: 'json',
      service_code: '0501',
      service_request_id: 'LX-2026-999999',
      token: 'LX-2026-999999',
    };
    if (kind === 'grids' || kind === 'grid') values.id = ids.gridCode!;
    if (op.path.startsWith('/grid/')) values.code = ids.gridCode!;
    if (kind === 'photos' && op.method === 'GET') values.id = await this.photoAt(where);
    if (kind === 'notifications') values.id = 'none';
    const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(values[p] ?? 'x')) + (query ? `?${query}` : '');
    return { method: op.method, url, ...(payload ? { payload } : {}) };
  }

  private photos: Partial<Record<Where, string>> = {};
  // Points and merchants (M7).
  private points?: PointsTargets;
  // Activities and role models (M12).
  private activities?: ActivityTargets;
  // Micro-wishes and the service list (M6)
  private wishes?: WishTargets;
  private orders?: OrderTargets;

  /** A photo of a case at `where`, attached by its handler. */
  private async photoAt(where: Where): Promise<string> {
    if (this.photos[where]) return this.photos[where]!;
    const res = await this.t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: await tinyJpeg(), headers: { ...this.t.as.admin, 'content-type': 'image/jpeg' } });
    const photo = res.json().id as string;
    const c = await this.caseFor('note', where);
    await this.admin('POST', `/api/v1/cases/${c.id}/note`, { text: '现场照片', photoIds: [photo] });
    this.photos[where] = photo;
    return photo;
  }
}

const CASE_BODIES: Record<string, object> = {
  dispatch: {},
  accept: {},
  return: { reason: '范围测试' },
  transfer: { reason: '范围测试', node: 'CSK' },
  escalate: { reason: '范围测试' },
  extend: { workingDays: 2, reason: '范围测试' },
  'decide-extension': { approve: true },
  suspend: { reason: '范围测试' },
  resume: {},
  note: { text: '范围测试备注' },
  resolve: { result: '范围测试办结' },
  verify: { pass: true },
  'follow-up': { method: 'phone', reached: true, satisfaction: 'satisfied', solved: true },
  rate: { satisfaction: 'satisfied' },
  reopen: { reason: '范围测试' },
  reject: { reason: '范围测试' },
  categorize: { category: '0502' },
  grade: { grade: 'urgent' },
};
