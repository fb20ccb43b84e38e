import { Type } from '@sinclair/typebox';
import { type Actor, can, isStaff } from '../auth/permissions.ts';
import { registerCaseKind } from '../cases/kinds.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { SKILL_CODES } from '../volunteers/taxonomy.ts';
import { payVerifiedOrder } from './payment.ts';

export const ORDER_KIND = 'service_order';
/** 志愿服务需求, the shipped taxonomy's category for a service asked of volunteers: its time limits apply. */
export const ORDER_CATEGORY = '1202';

/** A service order's own fields, as the case keeps them in `kind_data`. */
export interface OrderData {
  skill: string;
  wantedAt?: string;
  talentId?: string;
  teamId?: string;
  hours?: number;
  declinedTalentIds?: string[];
}

export function orderData(c: Pick<CaseRow, 'kind_data'>): OrderData {
  return (c.kind_data ? JSON.parse(c.kind_data) : {}) as OrderData;
}

/**
 * Staff act for a talent (one without an account, say) only from the office that dispatches orders: the
 * engine lets anyone with handling rights take a unit's case, but a police officer does not take a haircut.
 */
function forTalent(c: CaseRow, actor: Actor | null) {
  if (!actor || !isStaff(actor)) return null;
  return can(actor, 'cases.dispatch', { path: c.path }) || (!!c.handler_path && can(actor, 'cases.dispatch', { path: c.handler_path })) ? null : 'NOT_CASE_HANDLER';
}

/**
 * 服务点单: a resident (or staff for them, 代办) orders a service; it waits in the community's queue (社区派单)
 * until the office dispatches it to a talent or a team; the talent accepts or declines, marks it done with
 * the hours, and a verification by staff pays the talent's points. The guards make the order's own steps
 * (orders.service.ts) the only way its talent and hours change: the general case routes are refused where
 * they would leave an order without a talent, hours, or a record of who declined.
 */
registerCaseKind({
  code: ORDER_KIND,
  zh: '服务点单',
  en: 'service order',
  channels: ['app', 'proxy'],
  staffOnly: false,
  queue: 'community',
  // An overdue order is the office's to re-dispatch; the street cannot serve it (and the guard refuses).
  autoEscalate: false,
  private: true,
  dataSchema: Type.Object(
    {
      skill: Type.Union(SKILL_CODES.map((c) => Type.Literal(c)), { description: 'Skill wanted (volunteers taxonomy)' }),
      wantedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the service is wanted' })),
      talentId: Type.Optional(Type.String({ description: 'The talent it is dispatched to (for a team, its leader)' })),
      teamId: Type.Optional(Type.String({ description: 'The team it is dispatched to, if any' })),
      hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Hours of service, reported when done' })),
      declinedTalentIds: Type.Optional(Type.Array(Type.String(), { description: 'Talents who declined it; not suggested again' })),
    },
    { additionalProperties: false },
  ),
  guards: {
    accept: forTalent,
    resolve: (c, actor) => forTalent(c, actor) ?? (orderData(c).hours ? null : 'ORDER_HOURS_REQUIRED'),
    dispatch: (c) => (orderData(c).talentId ? null : 'ORDER_TALENT_REQUIRED'),
    return: (c, actor) => forTalent(c, actor) ?? (orderData(c).talentId ? 'ORDER_USE_DECLINE' : null),
    transfer: () => 'ORDER_NOT_TRANSFERABLE',
    escalate: () => 'ORDER_NOT_TRANSFERABLE',
  },
  effects: { verify: payVerifiedOrder },
});
