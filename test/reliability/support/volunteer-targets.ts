/**
 * The scope matrix's targets for the volunteers routes (M6): talents, teams, partner units and shared resources
 * of the demo in 冲赛康社区 (home) and 加措社区 (far). Writes that consume their target get a fresh one, made by
 * admin, so every role meets the same state.
 */
import type { InjectOptions } from 'fastify';
import type { DemoApp } from '../../support/demo-app.ts';
import { unique } from '../../support/factories.ts';
import type { Operation } from './openapi.ts';

type Where = 'home' | 'far';

export interface VolunteerIds {
  talent: string;
  team: string;
  /** A talent of the team's community who is not in the team. */
  joiner: string;
  unit: string;
  resource: string;
  gridCode: string;
  communityCode: string;
}

let phoneCounter = 0;
/** A mobile number no demo person has (the demo draws none from 166). */
function freshPhone(): string {
  phoneCounter += 1;
  return `166${String(phoneCounter).padStart(8, '0')}`;
}

export async function loadVolunteerTargets(t: DemoApp): Promise<Record<Where, VolunteerIds>> {
  const side = async (communityCode: string, gridCode: string): Promise<VolunteerIds> => {
    const community = await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', communityCode).executeTakeFirstOrThrow();
    const grid = await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', gridCode).executeTakeFirstOrThrow();
    const talent = await t.db.selectFrom('talents').select('id').where('grid_id', '=', grid.id).where('status', '=', 'confirmed').orderBy('id').executeTakeFirstOrThrow();
    const team = await t.db.selectFrom('teams').select('id').where('community_id', '=', community.id).where('kind', 'in', ['six_yi', 'health_guard']).executeTakeFirstOrThrow();
    const joiner = await t.db
      .selectFrom('talents')
      .select('id')
      .where('community_id', '=', community.id)
      .where('status', 'in', ['proposed', 'confirmed'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('team_members').select('talent_id').whereRef('team_members.talent_id', '=', 'talents.id').where('team_members.team_id', '=', team.id))))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const unit = await t.db.selectFrom('partner_unit_communities').select('partner_unit_id').where('community_id', '=', community.id).orderBy('partner_unit_id').executeTakeFirstOrThrow();
    const resource = await t.db.selectFrom('shared_resources').select('id').where('community_id', '=', community.id).orderBy('id').executeTakeFirstOrThrow();
    return { talent: talent.id, team: team.id, joiner: joiner.id, unit: unit.partner_unit_id, resource: resource.id, gridCode, communityCode };
  };
  return { home: await side('CSK', 'CSK-03'), far: await side('JC', 'JC-01') };
}

/** The far side's private volunteer records: none of these may show in a non-admin's answer. */
export function volunteerFarMarkers(ids: Record<Where, VolunteerIds>): string[] {
  return [ids.far.talent, ids.far.team, ids.far.unit, ids.far.joiner];
}

async function asAdmin(t: DemoApp, method: InjectOptions['method'], url: string, payload?: object): Promise<any> {
  const res = await t.app.inject({ method, url, payload, headers: t.as.admin });
  if (res.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A fresh proposed talent at `where`, for the writes that move one out of `proposed`. */
async function proposedTalent(t: DemoApp, ids: VolunteerIds): Promise<string> {
  return (await asAdmin(t, 'POST', '/api/v1/talents', { origin: 'survey', name: unique('范围能人'), phone: freshPhone(), node: ids.gridCode, skills: [{ skill: 'cooking', level: 2 }] })).id;
}

/** The request a role makes to probe a volunteers route at `where`, or null for a route of another module. */
export async function volunteerRequest(t: DemoApp, all: Record<Where, VolunteerIds>, op: Operation, where: Where): Promise<InjectOptions | null> {
  const ids = all[where];
  const name = unique('范围');
  const talentUrl = (id: string, rest = '') => `/api/v1/talents/${id}${rest}`;
  switch (op.key) {
    case 'GET /api/v1/talents/taxonomy':
    case 'GET /api/v1/talents/me':
      return { method: 'GET', url: op.path };
    case 'GET /api/v1/talents':
      return { method: 'GET', url: `/api/v1/talents?node=${ids.communityCode}` };
    case 'POST /api/v1/talents':
      return { method: 'POST', url: '/api/v1/talents', payload: { origin: 'survey', name, phone: freshPhone(), node: ids.gridCode, skills: [{ skill: 'cooking', level: 2 }] } };
    case 'POST /api/v1/talents/recommendations':
      return { method: 'POST', url: op.path, payload: { name, phone: freshPhone(), skills: [{ skill: 'haircut' }], note: '范围测试推荐' } };
    case 'GET /api/v1/talents/matches':
      return { method: 'GET', url: `/api/v1/talents/matches?skill=haircut&grid=${ids.gridCode}` };
    case 'GET /api/v1/talents/figures':
      return { method: 'GET', url: `/api/v1/talents/figures?node=${ids.communityCode}` };
    case 'GET /api/v1/talents/{id}':
    case 'GET /api/v1/talents/{id}/personal-data':
    case 'GET /api/v1/talents/{id}/file':
    case 'GET /api/v1/talents/{id}/file.xlsx':
      return { method: 'GET', url: op.path.replace('{id}', ids.talent) };
    case 'PATCH /api/v1/talents/{id}':
      return { method: 'PATCH', url: talentUrl(ids.talent), payload: { note: name } };
    case 'POST /api/v1/talents/{id}/confirm':
      return { method: 'POST', url: talentUrl(await proposedTalent(t, ids), '/confirm'), payload: {} };
    case 'POST /api/v1/talents/{id}/decline':
    case 'POST /api/v1/talents/{id}/retire':
      return { method: 'POST', url: talentUrl(await proposedTalent(t, ids), op.path.slice(op.path.lastIndexOf('/'))), payload: { reason: '范围测试' } };
    case 'PUT /api/v1/talents/{id}/skills/{skill}':
      return { method: 'PUT', url: talentUrl(ids.talent, '/skills/cooking'), payload: { level: 2 } };
    case 'DELETE /api/v1/talents/{id}/skills/{skill}':
      await asAdmin(t, 'PUT', talentUrl(ids.talent, '/skills/photography'), { level: 1 });
      return { method: 'DELETE', url: talentUrl(ids.talent, '/skills/photography') };
    case 'PUT /api/v1/talents/{id}/reserve-candidate':
      return { method: 'PUT', url: talentUrl(ids.talent, '/reserve-candidate'), payload: { candidate: true, note: '范围测试' } };
    case 'GET /api/v1/teams':
      return { method: 'GET', url: `/api/v1/teams?node=${ids.communityCode}` };
    case 'POST /api/v1/teams':
      return { method: 'POST', url: '/api/v1/teams', payload: { name, kind: 'other', community: ids.communityCode } };
    case 'GET /api/v1/teams/{id}':
      return { method: 'GET', url: `/api/v1/teams/${ids.team}` };
    case 'PATCH /api/v1/teams/{id}':
      return { method: 'PATCH', url: `/api/v1/teams/${ids.team}`, payload: { purpose: name } };
    case 'PUT /api/v1/teams/{id}/members/{talentId}':
      return { method: 'PUT', url: `/api/v1/teams/${ids.team}/members/${ids.joiner}`, payload: {} };
    case 'DELETE /api/v1/teams/{id}/members/{talentId}':
      await asAdmin(t, 'PUT', `/api/v1/teams/${ids.team}/members/${ids.joiner}`, {});
      return { method: 'DELETE', url: `/api/v1/teams/${ids.team}/members/${ids.joiner}` };
    case 'GET /api/v1/partner-units':
      return { method: 'GET', url: `/api/v1/partner-units?node=${ids.communityCode}` };
    case 'POST /api/v1/partner-units':
      return { method: 'POST', url: '/api/v1/partner-units', payload: { name, communities: [ids.communityCode] } };
    case 'GET /api/v1/partner-units/{id}':
      return { method: 'GET', url: `/api/v1/partner-units/${ids.unit}` };
    case 'PATCH /api/v1/partner-units/{id}':
      return { method: 'PATCH', url: `/api/v1/partner-units/${ids.unit}`, payload: { note: name } };
    case 'POST /api/v1/partner-units/{id}/shared-resources':
      return { method: 'POST', url: `/api/v1/partner-units/${ids.unit}/shared-resources`, payload: { kind: 'parking', name, openingHours: [{ weekdays: [6, 7], from: '08:00', to: '18:00' }], community: ids.communityCode } };
    case 'GET /api/v1/shared-resources':
      return { method: 'GET', url: `/api/v1/shared-resources?node=${ids.communityCode}` };
    case 'PATCH /api/v1/shared-resources/{id}':
      return { method: 'PATCH', url: `/api/v1/shared-resources/${ids.resource}`, payload: { hoursNote: name } };
    default:
      return null;
  }
}
