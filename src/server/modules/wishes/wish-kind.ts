import { Type } from '@sinclair/typebox';
import type { CaseState } from '../../db/tables.ts';
import { registerCaseKind } from '../cases/kinds.ts';
import { STATES } from '../cases/lifecycle.ts';
import { WISH_TYPE_CODES, type WishStatus } from './labels.ts';

/** The case kind of a micro-wish and its category in the taxonomy (1202 志愿服务需求). */
export const WISH_KIND = 'micro_wish';
export const WISH_CATEGORY = '1202';

/** What a wish keeps besides its case: its type, who it is for (staff-facing) and the words the public may read. */
export interface WishData {
  wishType: string;
  beneficiaryNote?: string;
  publicSummary?: string;
}

/**
 * 微心愿: one case kind on the one engine (DESIGN.md principle 1). A resident posts it in the app, a grid
 * worker records one found on a home visit or patrol, or files it for a resident (代办). It waits in the
 * community's queue, because the community matches wishes with its service list (002: "社区派单、单位和报到党员干部接单").
 */
registerCaseKind({
  code: WISH_KIND,
  zh: '微心愿',
  en: 'micro-wish',
  channels: ['app', 'visit', 'patrol', 'proxy'],
  staffOnly: false,
  queue: 'community',
  dataSchema: Type.Object(
    {
      wishType: Type.Union(WISH_TYPE_CODES.map((c) => Type.Literal(c))),
      beneficiaryNote: Type.Optional(Type.String({ maxLength: 200 })),
      publicSummary: Type.Optional(Type.String({ maxLength: 60 })),
    },
    { additionalProperties: false },
  ),
});

/**
 * A wish's status, defined once: withdrawn by staff (rejected or merged), verified (closed), fulfilled and
 * waiting for the check (resolved), otherwise claimed while a claim is live, and open (on the needs list)
 * when none is.
 */
export function wishStatus(state: CaseState, liveClaims: number): WishStatus {
  if (state === 'closed') return 'closed';
  if (state === 'resolved') return 'fulfilled';
  if (STATES[state].family === 'closed') return 'cancelled';
  return liveClaims > 0 ? 'claimed' : 'open';
}

export function parseWishData(kindData: string | null): WishData {
  const data = kindData ? (JSON.parse(kindData) as Partial<WishData>) : {};
  return { wishType: data.wishType ?? 'other', ...(data.beneficiaryNote ? { beneficiaryNote: data.beneficiaryNote } : {}), ...(data.publicSummary ? { publicSummary: data.publicSummary } : {}) };
}
