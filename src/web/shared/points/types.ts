/** The points API's answers as the web pages read them (see src/server/modules/points/*.schemas.ts). */

export type TransferKind = 'earn' | 'redeem' | 'expire' | 'reversal' | 'settle';

export interface Transfer {
  id: string;
  at: string;
  day: string;
  kind: TransferKind;
  kindLabel: string;
  amount: number;
  change?: number;
  rule: string | null;
  ruleLabel: string | null;
  quantity: number | null;
  sourceKind: string;
  sourceId: string;
  communityId: string;
  communityName: string;
  residentId: string | null;
  residentName: string | null;
  merchantId: string | null;
  merchantName: string | null;
  operatorName: string | null;
  reason: string | null;
  reversesId: string | null;
  reversedBy: string | null;
  abilities: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Balance {
  communityId: string;
  communityCode: string;
  communityName: string;
  balance: number;
}

export interface MyBalance {
  residentId: string;
  total: number;
  accounts: Balance[];
}

export interface Reward {
  id: string;
  merchantId: string;
  name: string;
  description: string | null;
  price: number;
  stock: number | null;
  active: boolean;
  updatedAt: string;
}

export interface OfferedReward extends Reward {
  merchant: { id: string; name: string; address: string; phone: string; location: { lng: number; lat: number } | null };
}

export interface OfferedRewards {
  communityId: string;
  items: OfferedReward[];
}

export type CodeState = 'issued' | 'redeemed' | 'cancelled' | 'expired';

export interface RedemptionCode {
  id: string;
  code: string;
  qrPayload: string;
  rewardId: string;
  rewardName: string;
  merchantId: string;
  merchantName: string;
  points: number;
  state: CodeState;
  expiresAt: string;
  redeemedAt: string | null;
  createdAt: string;
}

export interface Merchant {
  id: string;
  communityId: string;
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  location: { lng: number; lat: number } | null;
  agreement: { signedOn: string; validUntil: string; terms: string | null; valid: boolean } | null;
  accounts: string[];
  abilities: string[];
}

export interface Redemption {
  id: string;
  code: string;
  rewardId: string;
  rewardName: string;
  points: number;
  residentName: string;
  redeemedAt: string;
  transferId: string;
}

export interface RedemptionLine {
  id: string;
  code: string;
  rewardName: string;
  points: number;
  residentName: string;
  redeemedAt: string;
  day: string;
  reversed: boolean;
}

export interface RedemptionList {
  merchantId: string;
  merchantName: string;
  from: string;
  to: string;
  count: number;
  points: number;
  items: RedemptionLine[];
}

export interface Statement {
  merchantId: string;
  merchantName: string;
  month: string;
  count: number;
  points: number;
  settlement: { id: string; points: number; settledAt: string; transferId: string } | null;
  items: RedemptionLine[];
}

export interface Rule {
  rule: 'service_hour' | 'activity_attendance' | 'manual';
  label: string;
  configured: boolean;
  pointsPerUnit: number | null;
  period: 'month' | 'year' | null;
  periodLimit: number | null;
  overLimit: 'cap' | 'refuse' | null;
  active: boolean;
  updatedAt: string | null;
}

export interface RuleList {
  community: { id: string; code: string; name: string };
  rules: Rule[];
}

export interface PointsSettings {
  communityId: string;
  expiryMonths: number | null;
  codeMinutes: number;
  updatedAt: string | null;
}
