/**
 * What the scope matrix points the points and merchants routes at (M7): 冲赛康社区 (home) or 加措社区 (far),
 * the demo's dental clinic or 加措社区卫生服务站, their rewards, a fresh code of a resident of each side for
 * cancelling and a fresh award for reversing, so every role meets the same state.
 */
import type { InjectOptions } from 'fastify';
import type { DemoApp } from '../../support/demo-app.ts';
import { unique } from '../../support/factories.ts';
import type { Actor } from '../../../src/server/modules/auth/permissions.ts';
import { earnPoints } from '../../../src/server/modules/points/earning.service.ts';
import { requestCode } from '../../../src/server/modules/points/redemption.service.ts';
import type { Operation } from './openapi.ts';

type Where = 'home' | 'far';

interface Side {
  community: string;
  merchant: string;
  reward: string;
  /** A resident of the side holding points there, for codes. */
  holder: string;
}

const residentActor = (residentId: string): Actor => ({ kind: 'account', accountId: 'scope-matrix', username: '', displayName: '', grants: [], residentId, householdId: null, staffId: null });

export class PointsTargets {
  private constructor(private t: DemoApp, private sides: Record<Where, Side>) {}

  static async load(t: DemoApp): Promise<PointsTargets> {
    const side = async (community: string, merchantName: string, holder: string | null): Promise<Side> => {
      const c = await t.db.selectFrom('org_nodes').select(['id']).where('code', '=', community).executeTakeFirstOrThrow();
      const m = await t.db.selectFrom('merchants').select('id').where('community_id', '=', c.id).where('name', '=', merchantName).executeTakeFirstOrThrow();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${m.id}/rewards`, headers: t.as.admin, payload: { name: unique('范围测试项目'), price: 1 } });
      if (res.statusCode !== 201) throw new Error(`setup reward: ${res.statusCode} ${res.body}`);
      const rich = holder ?? (await t.db.selectFrom('point_accounts').select('owner_id').where('kind', '=', 'person').where('community_id', '=', c.id).where('balance', '>', 0).orderBy('owner_id').executeTakeFirstOrThrow()).owner_id;
      return { community, merchant: m.id, reward: res.json().id, holder: rich };
    };
    const demoResident = (await t.db.selectFrom('accounts').select('resident_id').where('username', '=', 'resident').executeTakeFirstOrThrow()).resident_id!;
    return new PointsTargets(t, { home: await side('CSK', '雪域口腔诊所', demoResident), far: await side('JC', '加措社区卫生服务站', null) });
  }

  /** The request for a points or merchants route, or null for any other route. */
  async request(op: Operation, where: Where, residentId: string): Promise<InjectOptions | null> {
    const kind = op.path.split('/')[3];
    if (kind !== 'points' && kind !== 'merchants') return null;
    const s = this.sides[where];
    let id = s.merchant;
    let query = '';
    let payload: object | undefined;
    const month = '2020-01';
    switch (op.key) {
      case 'GET /api/v1/points/rewards':
      case 'GET /api/v1/points/rules':
      case 'GET /api/v1/points/settings':
      case 'GET /api/v1/merchants':
        query = `community=${s.community}`;
        break;
      case 'GET /api/v1/points/transfers':
      case 'GET /api/v1/points/transfers.xlsx':
      case 'GET /api/v1/points/figures':
        query = `node=${s.community}`;
        break;
      case 'PUT /api/v1/points/rules/{rule}':
        payload = { community: s.community, pointsPerUnit: 1, period: 'month', periodLimit: 10 };
        break;
      case 'PUT /api/v1/points/settings':
        payload = { community: s.community, expiryMonths: 24, codeMinutes: 10 };
        break;
      case 'POST /api/v1/points/awards':
        payload = { community: s.community, residentId, points: 1, reason: '范围测试奖励' };
        break;
      case 'POST /api/v1/points/me/codes':
        payload = { rewardId: s.reward };
        break;
      case 'POST /api/v1/points/me/codes/{id}/cancel':
        id = (await this.t.db.transaction().execute((trx) => requestCode(trx, residentActor(s.holder), s.reward))).id;
        break;
      case 'POST /api/v1/points/transfers/{id}/reversal':
        id = (await this.t.db.transaction().execute((trx) => earnPoints(trx, { residentId, rule: 'service_hour', sourceKind: 'scope_matrix', sourceId: unique('scope'), quantity: 0.5, operatorAccountId: null }))).id;
        payload = { reason: '范围测试冲正' };
        break;
      case 'GET /api/v1/points/residents/{residentId}':
        id = residentId;
        break;
      case 'POST /api/v1/merchants':
        payload = { community: s.community, name: unique('范围测试商户'), address: '范围测试地址', contactName: '联系人', contactPhone: '13800001111' };
        break;
      case 'PATCH /api/v1/merchants/{id}':
        payload = { contactName: unique('联系人') };
        break;
      case 'POST /api/v1/merchants/{id}/accounts':
        payload = { username: unique('scope-shop'), password: 'scope-password-1' };
        break;
      case 'POST /api/v1/merchants/{id}/rewards':
        payload = { name: unique('范围测试项目'), price: 3 };
        break;
      case 'PATCH /api/v1/merchants/{id}/rewards/{rewardId}':
        payload = { description: unique('说明') };
        break;
      case 'POST /api/v1/merchants/{id}/redemptions':
        payload = { code: '12345678' };
        break;
      case 'GET /api/v1/merchants/{id}/statement':
      case 'GET /api/v1/merchants/{id}/statement.xlsx':
        query = `month=${month}`;
        break;
      case 'POST /api/v1/merchants/{id}/settlements':
        // A month without redemptions: whoever may settle gets 409 (nothing to settle), the rest their scope answer.
        payload = { month };
        break;
    }
    const values: Record<string, string> = { id, residentId: id, rewardId: s.reward, rule: 'activity_attendance' };
    const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(values[p] ?? 'x')) + (query ? `?${query}` : '');
    return { method: op.method, url, ...(payload ? { payload } : {}) };
  }
}
