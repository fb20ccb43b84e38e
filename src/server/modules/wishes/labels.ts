import type { ServiceOfferKind, ServiceOfferMode, WishClaimStatus } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';

type Pair = readonly [zh: string, en: string];

/** The kinds of wish (and of the service that answers one), from seed 002's needs list and 六义社's services. */
export const WISH_TYPES = {
  goods: ['生活物资', 'daily necessities'],
  repair: ['维修帮扶', 'repairs'],
  care: ['助老助残', 'care for the elderly or disabled'],
  health: ['健康义诊', 'health'],
  study: ['助学圆梦', 'study'],
  haircut: ['义剪理发', 'haircut'],
  other: ['其他心愿', 'other'],
} as const satisfies Record<string, Pair>;
export type WishType = keyof typeof WISH_TYPES;
export const WISH_TYPE_CODES = Object.keys(WISH_TYPES) as WishType[];

const OFFER_KINDS: Record<ServiceOfferKind, Pair> = {
  goods: ['物资', 'goods'],
  service: ['服务', 'service'],
  fund: ['资金', 'funds'],
  other: ['其他', 'other'],
};
export const OFFER_KIND_CODES = Object.keys(OFFER_KINDS) as ServiceOfferKind[];

// 002: "以'一对一''一对多''多对一'等方式提供力所能及服务".
const OFFER_MODES: Record<ServiceOfferMode, Pair> = {
  one_to_one: ['一对一', 'one to one'],
  one_to_many: ['一对多', 'one to many'],
  many_to_one: ['多对一', 'many to one'],
};
export const OFFER_MODE_CODES = Object.keys(OFFER_MODES) as ServiceOfferMode[];

/** A wish as the needs list and the board see it (derived from its case and its live claims; see wishStatus). */
export type WishStatus = 'open' | 'claimed' | 'fulfilled' | 'closed' | 'cancelled';
const WISH_STATUSES: Record<WishStatus, Pair> = {
  open: ['待认领', 'waiting for a claim'],
  claimed: ['已认领', 'claimed'],
  fulfilled: ['已实现（待核查）', 'fulfilled (being checked)'],
  closed: ['已实现', 'fulfilled'],
  cancelled: ['已撤销', 'cancelled'],
};
export const WISH_STATUS_CODES = Object.keys(WISH_STATUSES) as WishStatus[];

const CLAIM_STATUSES: Record<WishClaimStatus, Pair> = {
  claimed: ['已认领', 'claimed'],
  fulfilled: ['已完成', 'fulfilled'],
  withdrawn: ['已退回', 'withdrawn'],
};

const pick = (pair: Pair, locale: Locale) => (locale === 'en' ? pair[1] : pair[0]);

export const wishTypeLabel = (code: string, locale: Locale) => pick((WISH_TYPES as Record<string, Pair>)[code] ?? WISH_TYPES.other, locale);
export const offerKindLabel = (code: ServiceOfferKind, locale: Locale) => pick(OFFER_KINDS[code], locale);
export const offerModeLabel = (code: ServiceOfferMode, locale: Locale) => pick(OFFER_MODES[code], locale);
export const wishStatusLabel = (code: WishStatus, locale: Locale) => pick(WISH_STATUSES[code], locale);
export const claimStatusLabel = (code: WishClaimStatus, locale: Locale) => pick(CLAIM_STATUSES[code], locale);
/** How the public sees a claimant who is a person rather than a unit: never by name. */
export const volunteerLabel = (locale: Locale) => (locale === 'en' ? 'a volunteer' : '志愿者');
