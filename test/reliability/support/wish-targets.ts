/**
 * The scope matrix's targets for the micro-wish and service-list routes (M6): wishes and offers of 冲赛康社区
 * (home, at CSK-03) and 加措社区 (far, at JC-01). Each request that changes a wish gets a fresh one recorded
 * by admin (and claimed, when the route needs a claim), so every role meets the same state.
 */
import type { InjectOptions } from 'fastify';
import type { DemoApp } from '../../support/demo-app.ts';
import { unique } from '../../support/factories.ts';
import type { Operation } from './openapi.ts';
import { tinyJpeg } from './world.ts';

type Where = 'home' | 'far';

interface Side {
  community: string;
  compound: string;
  unit: string;
  offer: string;
  wish: string;
}

export class WishTargets {
  private constructor(private t: DemoApp, private photo: string, private sides: Record<Where, Side>) {}

  private static async admin(t: DemoApp, url: string, payload: object): Promise<any> {
    const res = await t.app.inject({ method: 'POST', url, payload, headers: t.as.admin });
    if (res.statusCode >= 300) throw new Error(`setup POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  static async load(t: DemoApp): Promise<WishTargets> {
    const side = async (community: string, grid: string): Promise<Side> => {
      const c = await t.db.selectFrom('org_nodes').select('id').where('code', '=', community).executeTakeFirstOrThrow();
      const g = await t.db.selectFrom('org_nodes').select('path').where('code', '=', grid).executeTakeFirstOrThrow();
      const compound = (await t.db.selectFrom('compounds').select('id').where('path', '=', g.path).orderBy('id').executeTakeFirstOrThrow()).id;
      const unit = (await t.db.selectFrom('partner_unit_communities').select('partner_unit_id').where('community_id', '=', c.id).orderBy('partner_unit_id').executeTakeFirstOrThrow()).partner_unit_id;
      const offer = await WishTargets.admin(t, '/api/v1/service-offers', { community, partnerUnitId: unit, title: unique('范围测试服务'), kind: 'service', wishType: 'other', mode: 'one_to_many', capacity: 500 });
      const wish = await WishTargets.admin(t, '/api/v1/wishes', { description: unique('范围测试心愿'), wishType: 'other', compoundId: compound });
      return { community, compound, unit, offer: offer.id, wish: wish.id };
    };
    const photo = await t.app.inject({ method: 'POST', url: '/api/v1/photos', payload: await tinyJpeg(), headers: { ...t.as.admin, 'content-type': 'image/jpeg' } });
    return new WishTargets(t, photo.json().id, { home: await side('CSK', 'CSK-03'), far: await side('JC', 'JC-01') });
  }

  private async freshWish(where: Where): Promise<string> {
    return (await WishTargets.admin(this.t, '/api/v1/wishes', { description: unique('范围测试心愿'), wishType: 'other', compoundId: this.sides[where].compound })).id;
  }

  /** The request for a wishes or service-offers route, or null for any other route. */
  async request(op: Operation, where: Where): Promise<InjectOptions | null> {
    const kind = op.path.split('/')[3];
    if (kind !== 'wishes' && kind !== 'service-offers') return null;
    const s = this.sides[where];
    let ref = s.wish;
    let claimId = 'x';
    let query = '';
    let payload: object | undefined;
    switch (op.key) {
      case 'GET /api/v1/wishes/public':
      case 'GET /api/v1/service-offers':
        query = `community=${s.community}`;
        break;
      case 'GET /api/v1/wishes':
      case 'GET /api/v1/wishes/figures':
      case 'GET /api/v1/wishes/figures.xlsx':
        query = `node=${s.community}`;
        break;
      case 'POST /api/v1/wishes':
        payload = { description: unique('范围测试心愿'), wishType: 'goods', compoundId: s.compound };
        break;
      case 'POST /api/v1/wishes/{ref}/claim':
        ref = await this.freshWish(where);
        payload = { partnerUnitId: s.unit };
        break;
      case 'POST /api/v1/wishes/{ref}/claims/{claimId}/withdraw':
      case 'POST /api/v1/wishes/{ref}/claims/{claimId}/fulfil':
        ref = await this.freshWish(where);
        claimId = (await WishTargets.admin(this.t, `/api/v1/wishes/${ref}/claim`, { name: unique('范围测试认领人') })).claimId;
        payload = op.key.endsWith('withdraw') ? { reason: '范围测试退回' } : { note: '范围测试完成', photoIds: [this.photo] };
        break;
      case 'POST /api/v1/service-offers':
        payload = { community: s.community, partnerUnitId: s.unit, title: unique('范围测试服务'), kind: 'goods', wishType: 'goods', mode: 'one_to_many', capacity: 2 };
        break;
      case 'PATCH /api/v1/service-offers/{id}':
        payload = { description: unique('说明') };
        break;
    }
    const values: Record<string, string> = { ref, claimId, id: s.offer };
    const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(values[p] ?? 'x')) + (query ? `?${query}` : '');
    return { method: op.method, url, ...(payload ? { payload } : {}) };
  }
}
