/**
 * The scope matrix's targets for the service-order routes (issue 6): orders the demo resident placed in 冲赛康社区
 * 第三网格 (home, served by the demo barber) and in 加措社区 第一网格 (far, for its plumber). Each request that
 * moves an order gets a fresh one, brought through the services to the state the step starts from, so every
 * role meets the same state.
 */
import type { InjectOptions } from 'fastify';
import type { DemoApp } from '../../support/demo-app.ts';
import { IN_CSK_03 } from '../../support/demo-app.ts';
import { unique } from '../../support/factories.ts';
import { accountActor } from '../../../src/server/modules/auth/auth.service.ts';
import type { Actor } from '../../../src/server/modules/auth/permissions.ts';
import { inTransaction } from '../../../src/server/modules/cases/cases.routes.ts';
import * as orders from '../../../src/server/modules/orders/orders.service.ts';
import type { Operation } from './openapi.ts';

type Where = 'home' | 'far';
type Stage = 'new' | 'dispatched' | 'in_progress' | 'resolved';

interface Side {
  community: string;
  location: { lng: number; lat: number };
  skill: string;
  talentId: string;
  /** Who serves it in the setup: the barber's own account at home, admin for the far plumber (who has none). */
  server: Actor;
}

export class OrderTargets {
  private shared: Partial<Record<Where, string>> = {};
  private constructor(private t: DemoApp, private resident: Actor, private admin: Actor, private sides: Record<Where, Side>) {}

  static async load(t: DemoApp): Promise<OrderTargets> {
    const account = async (username: string) => accountActor(t.db, (await t.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
    const talentIn = async (grid: string, skill: string) =>
      (await t.db.selectFrom('talents').innerJoin('org_nodes', 'org_nodes.id', 'talents.grid_id').innerJoin('talent_skills', 'talent_skills.talent_id', 'talents.id').select('talents.id').where('org_nodes.code', '=', grid).where('talent_skills.skill', '=', skill).where('talents.status', '=', 'confirmed').orderBy('talents.id').executeTakeFirstOrThrow()).id;
    const jc01 = await t.db.selectFrom('org_nodes').select(['centroid_lng', 'centroid_lat']).where('code', '=', 'JC-01').executeTakeFirstOrThrow();
    const admin = await account('admin');
    return new OrderTargets(t, await account('resident'), admin, {
      home: { community: 'CSK', location: IN_CSK_03, skill: 'haircut', talentId: await talentIn('CSK-03', 'haircut'), server: await account('talent') },
      far: { community: 'JC', location: { lng: jc01.centroid_lng!, lat: jc01.centroid_lat! }, skill: 'plumbing', talentId: await talentIn('JC-01', 'plumbing'), server: admin },
    });
  }

  /** A fresh order of the demo resident at the side, brought to `stage`. */
  private async fresh(where: Where, stage: Stage): Promise<string> {
    const s = this.sides[where];
    const ctx = this.t.ctx;
    const run = <T>(fn: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ctx, fn);
    const o = await run((tx) => orders.createOrder(tx, ctx, this.resident, { skill: s.skill, description: `范围测试点单 ${unique('o')}`, location: s.location }));
    const id = o.case.id;
    if (stage === 'new') return id;
    await run((tx) => orders.dispatchOrder(tx, ctx, this.admin, id, { talentId: s.talentId }, 'zh-CN'));
    if (stage === 'dispatched') return id;
    await run((tx) => orders.acceptOrder(tx, ctx, s.server, id));
    if (stage === 'in_progress') return id;
    await run((tx) => orders.completeOrder(tx, ctx, s.server, id, { result: '范围测试完成', hours: 1 }));
    return id;
  }

  /** The request for a service-order route, or null for any other route. */
  async request(op: Operation, where: Where): Promise<InjectOptions | null> {
    if (op.path.split('/')[3] !== 'orders') return null;
    const s = this.sides[where];
    let ref = (this.shared[where] ??= await this.fresh(where, 'new'));
    let query = '';
    let payload: object | undefined;
    switch (op.key) {
      case 'POST /api/v1/orders':
        payload = { skill: s.skill, description: `范围测试点单 ${unique('o')}`, location: s.location };
        break;
      case 'GET /api/v1/orders':
        query = `community=${s.community}`;
        break;
      case 'GET /api/v1/orders/figures':
      case 'GET /api/v1/orders/figures.xlsx':
        query = `node=${s.community}`;
        break;
      case 'POST /api/v1/orders/{ref}/dispatch':
        ref = await this.fresh(where, 'new');
        payload = { talentId: s.talentId };
        break;
      case 'POST /api/v1/orders/{ref}/accept':
        ref = await this.fresh(where, 'dispatched');
        payload = {};
        break;
      case 'POST /api/v1/orders/{ref}/decline':
        ref = await this.fresh(where, 'dispatched');
        payload = { reason: '范围测试谢绝' };
        break;
      case 'POST /api/v1/orders/{ref}/done':
        ref = await this.fresh(where, 'in_progress');
        payload = { result: '范围测试完成', hours: 1 };
        break;
      case 'POST /api/v1/orders/{ref}/verify':
        ref = await this.fresh(where, 'resolved');
        payload = { pass: true };
        break;
      case 'POST /api/v1/orders/{ref}/rating':
        ref = await this.fresh(where, 'resolved');
        payload = { score: 5 };
        break;
    }
    const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(p === 'ref' ? ref : 'x')) + (query ? `?${query}` : '');
    return { method: op.method, url, ...(payload ? { payload } : {}) };
  }
}
