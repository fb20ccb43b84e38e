/**
 * The scope matrix's targets for the activities and role-model routes (M12): activities and stories of 冲赛康社区
 * (home) and 加措社区 (far). Each request that changes an activity gets a fresh one made by admin through the
 * services — a draft to publish, an open one to sign up to, one at its door to check in to — so every role
 * meets the same state.
 */
import type { InjectOptions } from 'fastify';
import type { DemoApp } from '../../support/demo-app.ts';
import { unique } from '../../support/factories.ts';
import { accountActor } from '../../../src/server/modules/auth/auth.service.ts';
import type { Actor } from '../../../src/server/modules/auth/permissions.ts';
import { createActivity, publishActivity } from '../../../src/server/modules/activities/activities.service.ts';
import { signUp } from '../../../src/server/modules/activities/sign-ups.service.ts';
import { createRoleModel, setRoleModelPublished } from '../../../src/server/modules/activities/role-models.service.ts';
import type { Operation } from './openapi.ts';

type Where = 'home' | 'far';
const HOUR = 3_600_000;
const WHERE = { locale: 'zh-CN' as const, timeZone: 'Asia/Shanghai' };

interface Side {
  community: string;
  activity: string;
  story: string;
  /** A resident of the side the office there may tick present. */
  resident: string;
}

export class ActivityTargets {
  private constructor(private t: DemoApp, private admin: Actor, private demoResident: Actor, private sides: Record<Where, Side>) {}

  static async load(t: DemoApp): Promise<ActivityTargets> {
    const account = async (username: string) => accountActor(t.db, (await t.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
    const side = async (code: string): Promise<Side> => {
      const c = await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
      const activity = await t.db.selectFrom('activities').select('id').where('community_id', '=', c.id).where('state', '=', 'published').orderBy('starts_at').executeTakeFirstOrThrow();
      const story = await t.db.selectFrom('role_models').select('id').where('community_id', '=', c.id).where('published', '=', 1).orderBy('id').executeTakeFirstOrThrow();
      const resident = await t.db.selectFrom('residents').select('id').where('path', '>=', c.path).where('path', '<', `${c.path}\uffff`).orderBy('id', 'desc').executeTakeFirstOrThrow();
      return { community: code, activity: activity.id, story: story.id, resident: resident.id };
    };
    return new ActivityTargets(t, await account('admin'), await account('resident'), { home: await side('CSK'), far: await side('JC') });
  }

  /** A fresh activity at the side, starting `startsIn` ms from now, published unless `draft`. */
  private async fresh(where: Where, startsIn: number, draft = false): Promise<string> {
    const start = Date.now() + startsIn;
    return this.t.db.transaction().execute(async (trx) => {
      const a = await createActivity(trx, this.admin, { community: this.sides[where].community, title: unique('范围测试活动'), kind: 'other', address: '范围测试地点', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString(), capacity: 50 }, WHERE);
      return draft ? a.id : (await publishActivity(trx, this.admin, a.id, WHERE)).id;
    });
  }

  /** A fresh role-model story at the side, published or not. */
  private async story(where: Where, published: boolean): Promise<string> {
    return this.t.db.transaction().execute(async (trx) => {
      const r = await createRoleModel(trx, this.admin, { community: this.sides[where].community, title: unique('范围测试榜样'), shownName: '范围测试', story: '范围测试事迹' }, 'zh-CN');
      return published ? (await setRoleModelPublished(trx, this.admin, r.id, true, 'zh-CN')).id : r.id;
    });
  }

  /** The request for an activities or role-models route, or null for any other route. */
  async request(op: Operation, where: Where): Promise<InjectOptions | null> {
    const kind = op.path.split('/')[3];
    if (kind !== 'activities' && kind !== 'role-models') return null;
    const s = this.sides[where];
    let id = kind === 'activities' ? s.activity : s.story;
    let query = '';
    let payload: object | undefined;
    switch (op.key) {
      case 'GET /api/v1/activities/calendar':
      case 'GET /api/v1/role-models':
        query = `community=${s.community}`;
        break;
      case 'GET /api/v1/activities':
      case 'GET /api/v1/activities/figures':
        query = `node=${s.community}`;
        break;
      case 'POST /api/v1/activities': {
        const start = Date.now() + 24 * HOUR;
        payload = { community: s.community, title: unique('范围测试活动'), kind: 'talk', address: '范围测试地点', startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
        break;
      }
      case 'PATCH /api/v1/activities/{id}':
        payload = { description: unique('说明') };
        break;
      case 'POST /api/v1/activities/{id}/publish':
        id = await this.fresh(where, 24 * HOUR, true);
        break;
      case 'POST /api/v1/activities/{id}/cancel':
        id = await this.fresh(where, 24 * HOUR);
        payload = { reason: '范围测试取消' };
        break;
      case 'POST /api/v1/activities/{id}/finish':
        id = await this.fresh(where, -10 * 60_000);
        break;
      case 'POST /api/v1/activities/{id}/sign-ups':
        id = await this.fresh(where, 24 * HOUR);
        payload = {};
        break;
      case 'POST /api/v1/activities/{id}/withdrawal':
        id = await this.fresh(where, 24 * HOUR);
        // Only the demo resident's own community takes their sign-up.
        if (where === 'home') await this.t.db.transaction().execute((trx) => signUp(trx, this.demoResident, id, undefined, WHERE));
        payload = {};
        break;
      case 'POST /api/v1/activities/check-in': {
        const fresh = await this.fresh(where, 10 * 60_000);
        const row = await this.t.db.selectFrom('activities').select('check_in_code').where('id', '=', fresh).executeTakeFirstOrThrow();
        payload = { code: row.check_in_code };
        break;
      }
      case 'POST /api/v1/activities/{id}/attendances':
        id = await this.fresh(where, 10 * 60_000);
        payload = { residentId: s.resident };
        break;
      case 'POST /api/v1/role-models':
        payload = { community: s.community, title: unique('范围测试榜样'), shownName: '范围测试', story: '范围测试事迹' };
        break;
      case 'POST /api/v1/role-models/{id}/publish':
        id = await this.story(where, false);
        break;
      case 'POST /api/v1/role-models/{id}/unpublish':
        id = await this.story(where, true);
        break;
      case 'PATCH /api/v1/role-models/{id}':
        payload = { title: unique('范围测试榜样') };
        break;
    }
    const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(p === 'id' ? id : 'x')) + (query ? `?${query}` : '');
    return { method: op.method, url, ...(payload ? { payload } : {}) };
  }
}
