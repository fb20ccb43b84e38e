import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSkill, TEAM_KIND_CODES } from '../modules/volunteers/taxonomy.ts';
import { generateDemo } from './demo.generate.ts';
import { DEMO_TALENT_USERNAME, generateVolunteers } from './demo.volunteers.ts';

function build() {
  let n = 0;
  const newId = () => `id-${++n}`;
  const rows = generateDemo({ newId, at: '2026-01-01T00:00:00.000Z' });
  return { rows, volunteers: generateVolunteers(rows, newId, '2026-01-01T00:00:00.000Z') };
}

describe('demo talent pool', () => {
  it('gives the same rows on every run', () => {
    assert.deepEqual(build().volunteers, build().volunteers);
  });

  it('makes the `talent` account a confirmed barber (义剪) and leaves the `resident` account out of the pool', () => {
    const { rows, volunteers } = build();
    const residentOf = (username: string) => rows.accounts.find((a) => a.username === username)!.residentId;
    const talent = volunteers.talents.find((t) => t.resident_id === residentOf(DEMO_TALENT_USERNAME))!;
    assert.ok(talent, 'the talent account is a talent');
    assert.equal(talent.status, 'confirmed');
    assert.equal(talent.grid_id, rows.orgNodes.find((n) => n.code === 'CSK-03')!.id);
    const skills = volunteers.talentSkills.filter((s) => s.talent_id === talent.id);
    assert.deepEqual(skills.map((s) => [s.skill, s.confirmed_at !== null]), [['haircut', true]]);
    assert.ok(rows.residents.find((r) => r.id === residentOf(DEMO_TALENT_USERNAME))!.phone, 'reachable by phone');
    assert.ok(!volunteers.talents.some((t) => t.resident_id === residentOf('resident')));
  });

  it('holds talents, teams and a partner unit on the far side, and only known codes', () => {
    const { rows, volunteers } = build();
    const jc = rows.orgNodes.find((n) => n.code === 'JC')!;
    assert.ok(volunteers.talents.some((t) => t.community_id === jc.id && t.status === 'confirmed'));
    assert.ok(volunteers.teams.some((t) => t.community_id === jc.id));
    assert.ok(volunteers.partnerUnitCommunities.some((p) => p.community_id === jc.id));
    assert.ok(volunteers.talentSkills.every((s) => isSkill(s.skill)));
    assert.ok(volunteers.teams.every((t) => TEAM_KIND_CODES.includes(t.kind) && (JSON.parse(t.services) as string[]).every(isSkill)));
    for (const team of volunteers.teams) assert.ok(volunteers.teamMembers.some((m) => m.team_id === team.id && m.talent_id === team.leader_talent_id), `${team.name}'s leader is a member`);
    const inService = volunteers.talents.filter((t) => t.origin === 'in_service');
    assert.equal(inService.length, 1);
    assert.equal(inService[0]!.resident_id, null);
    assert.ok(inService[0]!.partner_unit_id);
    const phones = new Set(rows.residents.map((r) => r.phone));
    assert.ok(!phones.has(inService[0]!.phone), 'the in-service member\'s phone is nobody else\'s');
  });
});
