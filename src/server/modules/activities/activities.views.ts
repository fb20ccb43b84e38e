import type { Locale } from '../../http/errors.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import type { Actor } from '../auth/permissions.ts';
import { nodesByIds } from '../org/org.repository.ts';
import * as repo from './activities.repository.ts';
import type { ActivityRow, Db } from './activities.repository.ts';
import { canManageAt } from './activities.scope.ts';
import { activityKindLabel, activityStateLabel } from './labels.ts';

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** HH:mm of an instant on the deployment's clocks. */
function clockTime(iso: string, timeZone: string): string {
  let f = clockFormats.get(timeZone);
  if (!f) clockFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(new Date(iso));
}

/** What a caller may do with an activity, so the app offers only those buttons. */
function abilities(actor: Actor, row: ActivityRow): string[] {
  const out: string[] = [];
  if (row.state === 'published' && actor.kind === 'account' && actor.residentId) out.push('sign_up', 'withdraw', 'check_in');
  if (canManageAt(actor, row.path)) out.push('activities.manage');
  return out;
}

/** Public views of activities: where, when, how many, never who. */
export async function activityViews(db: Db, actor: Actor, rows: ActivityRow[], locale: Locale, timeZone: string) {
  const [counts, communities, teams] = await Promise.all([
    repo.countsOf(db, rows.map((r) => r.id)),
    nodesByIds(db, [...new Set(rows.map((r) => r.community_id))]),
    repo.teamNames(db, [...new Set(rows.map((r) => r.team_id).filter((t): t is string => !!t))]),
  ]);
  const community = new Map(communities.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = community.get(r.community_id);
    const n = counts.get(r.id) ?? { signedUp: 0, attended: 0 };
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      kindLabel: activityKindLabel(r.kind, locale),
      description: r.description,
      community: { id: r.community_id, code: c?.code ?? '', name: c?.name ?? '', kind: c?.kind ?? 'community' },
      address: r.address,
      location: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      localDay: localDate(new Date(r.starts_at), timeZone),
      localTime: `${clockTime(r.starts_at, timeZone)}–${clockTime(r.ends_at, timeZone)}`,
      capacity: r.capacity,
      signUpOpensAt: r.sign_up_opens_at,
      signUpClosesAt: r.sign_up_closes_at,
      organiser: { name: r.organiser_name, team: r.team_id ? { name: teams.get(r.team_id) ?? '' } : null },
      state: r.state,
      stateLabel: activityStateLabel(r.state, locale),
      cancelReason: r.cancel_reason,
      earnsPoints: r.earns_points === 1,
      signedUp: n.signedUp,
      attended: n.attended,
      seatsLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.seats_taken),
      publishedAt: r.published_at,
      abilities: abilities(actor, r),
    };
  });
}

export async function activityView(db: Db, actor: Actor, row: ActivityRow, locale: Locale, timeZone: string) {
  return (await activityViews(db, actor, [row], locale, timeZone))[0]!;
}
