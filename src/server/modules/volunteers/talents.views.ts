import type { Locale } from '../../http/errors.ts';
import { maskPhone } from '../../platform/privacy.ts';
import { type Action, type Actor, abilitiesOn, type Target } from '../auth/permissions.ts';
import { nodesByIds } from '../org/org.repository.ts';
import { contactLabel, originLabel, statusLabel } from './labels.ts';
import * as repo from './talents.repository.ts';
import type { Db, TalentWithPerson } from './talents.repository.ts';
import { levelLabel, skillLabel, teamKindLabel } from './taxonomy.ts';
import { parseWeeklyHours } from './weekly-hours.ts';

/** The actions sent with every talent, so the UI shows only the buttons the policy allows. */
export const TALENT_ACTIONS: readonly Action[] = ['volunteers.read', 'volunteers.manage', 'people.reveal'];

/** What a talent hangs on for the permission check: its grid (or community) and, for a resident, their household. */
export function talentTarget(row: Pick<TalentWithPerson, 'path' | 'household_id'>): Target {
  return { path: row.path, householdId: row.household_id };
}

/** The name people know them by: the resident record's current name, else their own. */
export function talentName(row: Pick<TalentWithPerson, 'resident_name' | 'name'>): string {
  return row.resident_name ?? row.name;
}

/** The phone to reach them: the resident record's for a resident, else their own. */
export function talentPhone(row: Pick<TalentWithPerson, 'resident_id' | 'resident_phone' | 'phone'>): string | null {
  return row.resident_id ? row.resident_phone : row.phone;
}

const nodeRef = (n: { id: string; code: string; name: string; kind: string }) => ({ id: n.id, code: n.code, name: n.name, kind: n.kind });

/**
 * Talents as every list and GET shows them: phone masked, with skills, service areas, teams and the caller's
 * abilities. Everything is read in a few batched queries, however many talents there are.
 */
export async function talentViews(db: Db, actor: Actor, rows: TalentWithPerson[], locale: Locale) {
  const ids = rows.map((r) => r.id);
  const [skills, areas, teams, nodes] = await Promise.all([
    repo.skillsOf(db, ids),
    repo.serviceAreasOf(db, ids),
    repo.teamsOfTalents(db, ids),
    nodesByIds(db, [...new Set(rows.flatMap((r) => [r.community_id, ...(r.grid_id ? [r.grid_id] : [])]))]),
  ]);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const unknownNode = (id: string) => ({ id, code: '', name: '', kind: '' });
  return rows.map((r) => {
    const phone = talentPhone(r);
    return {
      id: r.id,
      origin: r.origin,
      originLabel: originLabel(r.origin, locale),
      status: r.status,
      statusLabel: statusLabel(r.status, locale),
      residentId: r.resident_id,
      name: talentName(r),
      phone: phone ? maskPhone(phone) : null,
      partnerUnit: r.partner_unit_id ? { id: r.partner_unit_id, name: r.unit_name ?? '' } : null,
      community: nodeRef(nodeById.get(r.community_id) ?? unknownNode(r.community_id)),
      grid: r.grid_id ? nodeRef(nodeById.get(r.grid_id) ?? unknownNode(r.grid_id)) : null,
      skills: skills
        .filter((s) => s.talent_id === r.id)
        .map((s) => ({
          skill: s.skill,
          label: skillLabel(s.skill, locale),
          level: s.level,
          levelLabel: levelLabel(s.level, locale),
          confirmed: s.confirmed_at !== null,
          confirmedBy: s.confirmed_by_label,
          confirmedAt: s.confirmed_at,
        })),
      availability: parseWeeklyHours(r.availability),
      serviceAreas: areas.filter((a) => a.talent_id === r.id).map(nodeRef),
      contactPreference: r.contact_preference,
      contactPreferenceLabel: contactLabel(r.contact_preference, locale),
      reserveCandidate: r.reserve_candidate === 1,
      reserveNote: r.reserve_note,
      note: r.note,
      statusReason: r.status_reason,
      teams: teams
        .filter((t) => t.talent_id === r.id)
        .map((t) => ({ id: t.id, name: t.name, kind: t.kind, kindLabel: teamKindLabel(t.kind, locale), leader: t.leader_talent_id === r.id, joinedOn: t.joined_on })),
      confirmedAt: r.confirmed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      abilities: abilitiesOn(actor, talentTarget(r), TALENT_ACTIONS),
    };
  });
}

export type TalentViewData = Awaited<ReturnType<typeof talentViews>>[number];

/** One talent's view. */
export async function talentView(db: Db, actor: Actor, row: TalentWithPerson, locale: Locale): Promise<TalentViewData> {
  return (await talentViews(db, actor, [row], locale))[0]!;
}
