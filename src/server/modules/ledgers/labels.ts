import type { Locale } from '../../http/errors.ts';

/** A label in both languages of the interface. */
export type Pair = readonly [zh: string, en: string];

export const pick = (locale: Locale, [zh, en]: Pair): string => (locale === 'en' ? en : zh);

export { CHANNEL_LABELS } from '../cases/kinds.ts';

export const GRADE_LABELS: Record<string, Pair> = { normal: ['一般', 'normal'], urgent: ['紧急', 'urgent'] };

// 003: "一般矛盾在网格中、复杂的在社区、重大的走行政司法途径" — the three tiers of handling.
export const TIER_LABELS: Record<number, Pair> = { 1: ['网格', 'grid'], 2: ['社区', 'community'], 3: ['街道/部门', 'street / department'] };

export const YES_NO: Record<'yes' | 'no', Pair> = { yes: ['是', 'yes'], no: ['否', 'no'] };
