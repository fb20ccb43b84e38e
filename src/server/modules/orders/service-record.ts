import type { Locale } from '../../http/errors.ts';
import { skillLabel } from '../volunteers/taxonomy.ts';
import * as repo from './orders.repository.ts';
import type { Db } from './orders.repository.ts';
import { ratingsRevealed } from './orders.views.ts';

/**
 * A talent's service record for their personal file (一人一档): services verified, hours, points, the average
 * of the ratings they received and each rating that may be shown (both sides rated, or a week passed).
 */
export async function serviceRecord(db: Db, talentId: string, locale: Locale) {
  const [totals, orders] = await Promise.all([repo.serviceTotals(db, talentId), repo.verifiedOrdersOf(db, talentId)]);
  const ratings = await repo.ratingsOf(db, orders.map((o) => o.case.id));
  const feedback = [];
  for (const o of orders) {
    const mine = ratings.filter((r) => r.case_id === o.case.id);
    const received = mine.find((r) => r.side === 'requester');
    if (received && ratingsRevealed(o.case.resolved_at, mine)) feedback.push({ number: o.case.number, skillLabel: skillLabel(o.order.skill, locale), score: received.score, comment: received.comment, at: received.at });
  }
  const scores = feedback.map((f) => f.score);
  return {
    servicesDone: totals.services,
    hours: totals.hours,
    points: totals.points,
    averageRating: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    services: orders.map((o) => ({ number: o.case.number, skillLabel: skillLabel(o.order.skill, locale), doneAt: o.case.resolved_at, verifiedAt: o.order.verified_at, hours: o.order.hours, points: o.order.points, pointsOutcome: o.order.points_outcome })),
    feedback,
  };
}

export type ServiceRecord = Awaited<ReturnType<typeof serviceRecord>>;
