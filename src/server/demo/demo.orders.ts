/**
 * The demo's service orders (服务点单, issue 6) in 冲赛康社区, so the pages are not empty: one waiting in the
 * community's queue for dispatch, one served by the `talent` account (the barber, 义剪), verified, paid and
 * rated by both sides, and one the barber has accepted and is serving now. Written through the services, in
 * the app's context (the grid index places them), with the clock moved to when each thing happened.
 */
import type { AppContext } from '../context.ts';
import { accountActor } from '../modules/auth/auth.service.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { inTransaction } from '../modules/cases/cases.routes.ts';
import type { Tx } from '../modules/cases/engine.ts';
import * as orders from '../modules/orders/orders.service.ts';
import { addDays, localDate, localDateTimeToInstant } from '../platform/calendar/working-days.ts';
import { now, setClock } from '../platform/clock.ts';
import { DEMO_TALENT_USERNAME } from './demo.volunteers.ts';

async function during<T>(instant: Date, fn: () => Promise<T>): Promise<T> {
  setClock(() => instant);
  try {
    return await fn();
  } finally {
    setClock();
  }
}

/** Loads the orders demo once (a store that already holds orders is left alone); answers how many it made. */
export async function loadOrdersDemo(ctx: AppContext): Promise<number> {
  const { db } = ctx.database;
  if (await db.selectFrom('service_orders').select('case_id').limit(1).executeTakeFirst()) return 0;
  const csk = await db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', 'CSK').executeTakeFirst();
  if (!csk) return 0;
  const actorOf = async (username: string) => accountActor(db, (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
  const office = await actorOf('community');
  const barber = await actorOf(DEMO_TALENT_USERNAME);
  const talentId = (await db.selectFrom('talents').select('id').where('resident_id', '=', (barber as Extract<Actor, { kind: 'account' }>).residentId!).executeTakeFirstOrThrow()).id;
  const talentResident = (barber as Extract<Actor, { kind: 'account' }>).residentId!;
  const resident = await actorOf('resident');
  const demoResident = (resident as Extract<Actor, { kind: 'account' }>).residentId;
  // Neighbours in the barber's grid, ordered for by the office on the phone (代办).
  const grid = await db.selectFrom('org_nodes').select('path').where('code', '=', 'CSK-03').executeTakeFirstOrThrow();
  const neighbours = (await db.selectFrom('residents').select('id').where('path', '=', grid.path).where('id', 'not in', [talentResident, demoResident ?? '']).orderBy('id').limit(3).execute()).map((r) => r.id);
  const today = localDate(now());
  // Never later than now: today's order is placed an hour ago whatever the time of day.
  const at = (days: number, time: string) => new Date(Math.min(localDateTimeToInstant(addDays(today, days), time).getTime(), now().getTime() - 3_600_000 + days * 60_000));
  const step = <T>(when: Date, fn: (tx: Tx) => Promise<T>) => during(when, () => inTransaction(ctx, fn));
  const ask = (residentId: string, description: string, days: number) =>
    step(at(days, '09:00'), (tx) => orders.createOrder(tx, ctx, office, { skill: 'haircut', description, wantedAt: localDateTimeToInstant(addDays(today, days + 2), '10:00').toISOString(), forResident: { residentId, consent: '本人电话同意，社区工作人员代为点单' } }));

  // The demo resident's own order, served, verified and rated on both sides a few days ago.
  const done = await step(at(-6, '09:00'), (tx) => orders.createOrder(tx, ctx, resident, { skill: 'haircut', description: '家里老人卧床，想请理发师傅上门给他理发', wantedAt: localDateTimeToInstant(addDays(today, -4), '10:00').toISOString() }));
  await step(at(-6, '10:00'), (tx) => orders.dispatchOrder(tx, ctx, office, done.case.id, { talentId }, 'zh-CN'));
  await step(at(-6, '11:00'), (tx) => orders.acceptOrder(tx, ctx, barber, done.case.id));
  await step(at(-4, '11:30'), (tx) => orders.completeOrder(tx, ctx, barber, done.case.id, { result: '上门为老人理发、修面，老人很满意', hours: 1.5 }));
  await step(at(-4, '15:00'), (tx) => orders.verifyOrder(tx, ctx, office, done.case.id, { pass: true, note: '电话回访，家属确认已理发' }));
  await step(at(-4, '18:00'), (tx) => orders.rateOrder(tx, ctx, barber, done.case.id, { score: 5, comment: '家属很配合，老人精神不错' }));
  await step(at(-3, '10:00'), (tx) => orders.rateOrder(tx, ctx, resident, done.case.id, { score: 5, comment: '师傅手艺好，还很耐心' }));

  // Accepted by the barber, to be served this weekend.
  const serving = await ask(neighbours[1]!, '腿脚不便，想请师傅周末上门理发', -1);
  await step(at(-1, '10:00'), (tx) => orders.dispatchOrder(tx, ctx, office, serving.case.id, { talentId }, 'zh-CN'));
  await step(at(-1, '12:00'), (tx) => orders.acceptOrder(tx, ctx, barber, serving.case.id));

  // Waiting in the community's queue for the office to dispatch.
  await ask(neighbours[2]!, '想给孙子理个发，家里老人带不过去，希望上门', 0);
  return 3;
}
