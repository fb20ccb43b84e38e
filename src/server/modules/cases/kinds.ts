import { type TSchema, Type } from '@sinclair/typebox';
import type { CasesTable } from '../../db/tables.ts';
import type { ErrorCode } from '../../http/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import type { Tx } from './engine.ts';
import type { CaseAction } from './lifecycle.ts';

/** How a case reached us. `app`: a resident themselves; `proxy`: staff on a resident's behalf (代办). */
export const CHANNELS = ['app', 'proxy', 'patrol', 'visit', 'api', 'open311', 'hotline', 'sensor'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How each channel is named to people, [zh, en]. */
export const CHANNEL_LABELS: Record<Channel, readonly [zh: string, en: string]> = {
  app: ['居民随手拍', 'resident app'],
  proxy: ['代办', 'proxy (staff for a resident)'],
  patrol: ['巡查发现', 'patrol'],
  visit: ['走访发现', 'home visit'],
  api: ['系统接入', 'API'],
  open311: ['Open311', 'Open311'],
  hotline: ['热线电话', 'hotline'],
  sensor: ['感知设备', 'sensor'],
};

/** Channels where staff or sensors found the problem themselves (主动发现率). */
export const PROACTIVE_CHANNELS: readonly Channel[] = ['patrol', 'visit', 'sensor'];

export type CaseRow = CasesTable;

/**
 * A kind of case: its own fields and rules on top of the one lifecycle (DESIGN.md principle 1). A kind
 * never adds states or workflows; its guards may only refuse an action the lifecycle allows.
 */
export interface CaseKind {
  code: string;
  zh: string;
  en: string;
  /** Channels this kind may arrive through. */
  channels: readonly Channel[];
  /** Whether only staff (not residents or anonymous callers) may file it. */
  staffOnly: boolean;
  /** False when overdue cases of this kind stay where they are rather than go one tier up by themselves. */
  autoEscalate?: boolean;
  /** Kept off the public board unless staff publish it (a service at someone's home is their business). */
  private?: boolean;
  /** Schema of the kind's own fields, stored as `kind_data`. */
  dataSchema: TSchema;
  /**
   * Whose queue a new case waits in: the grid's handler (the default: dispatched at once when the grid has
   * one) or the community office, which matches it itself (社区派单: a service order waits for the office to
   * dispatch it to a talent; a micro-wish waits for a unit to claim it).
   */
  queue?: 'grid' | 'community';
  /**
   * Extra rules per action; a returned code refuses the action. `actor` is null for the system's own steps
   * (the scheduler's escalation), which the guards hold to the kind's rules too.
   */
  guards?: Partial<Record<CaseAction, (c: CaseRow, actor: Actor | null) => ErrorCode | null>>;
  /**
   * What a step of this kind does beyond the case itself, in the step's own transaction once the step is
   * recorded (a verified service order pays its talent). An effect may refuse by throwing, which undoes the step.
   */
  effects?: Partial<Record<CaseAction, (tx: Tx, actor: Actor | null, before: CaseRow, after: CaseRow) => Promise<void>>>;
}

const kinds = new Map<string, CaseKind>();

/** Adds a kind; modules declare theirs at start-up. */
export function registerCaseKind(kind: CaseKind): void {
  kinds.set(kind.code, kind);
}

export function caseKind(code: string): CaseKind | undefined {
  return kinds.get(code);
}

export function caseKinds(): CaseKind[] {
  return [...kinds.values()];
}

/** Kinds the scheduler never escalates by itself. */
export function kindsKeptFromAutoEscalation(): string[] {
  return caseKinds().filter((k) => k.autoEscalate === false).map((k) => k.code);
}

/** 诉求: a resident's demand or report (随手拍, 居民说事), from the app, a proxy, an API client or the hotline. */
registerCaseKind({
  code: 'demand',
  zh: '居民诉求',
  en: 'resident demand',
  channels: ['app', 'proxy', 'api', 'open311', 'hotline'],
  staffOnly: false,
  dataSchema: Type.Object({}, { additionalProperties: false }),
});

/** 巡查上报: a problem a grid worker found on patrol or a home visit (主动发现). */
registerCaseKind({
  code: 'patrol_report',
  zh: '巡查上报',
  en: 'patrol report',
  channels: ['patrol', 'visit'],
  staffOnly: true,
  dataSchema: Type.Object(
    {
      patrolRoute: Type.Optional(Type.String({ maxLength: 200, description: 'Route or area patrolled' })),
      checklist: Type.Optional(Type.Union([Type.Literal('fire'), Type.Literal('production'), Type.Literal('food_drug'), Type.Literal('flood'), Type.Literal('public_order'), Type.Literal('other')], { description: 'Which checklist found it (消防、安全生产、食品药品、防汛、治安)' })),
      fixedOnSite: Type.Optional(Type.Boolean({ description: 'Already solved on the spot' })),
    },
    { additionalProperties: false },
  ),
});
