import { Type } from '@sinclair/typebox';
import { Nullable, Paging, pageOf } from '../../http/schemas.ts';
import { MAX_POINTS } from './ledger.ts';
import { POINT_RULES, TRANSFER_KINDS } from './labels.ts';

const Ref = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const Day = (description: string) => Type.String({ format: 'date', description });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM (local time)' });
const Points = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_POINTS, description });
const Reason = Type.String({ minLength: 1, maxLength: 500, description: 'Why; recorded with the operator' });

export const RuleName = Type.Union(POINT_RULES.map((r) => Type.Literal(r)), {
  description: 'service_hour 志愿服务时长 (per verified hour), activity_attendance 参加活动 (per attendance), manual 人工奖励 (staff award with a reason)',
});
export const TransferKind = Type.Union(TRANSFER_KINDS.map((k) => Type.Literal(k)), {
  description: 'earn 积分发放, redeem 积分兑换, expire 积分过期, reversal 冲正, settle 商户结算',
});
const Period = Type.Union([Type.Literal('month'), Type.Literal('year')], { description: 'The period a limit counts over, in local time' });

export const CommunityQuery = Type.Object({ community: Ref('Community (id or code)') }, { additionalProperties: false });

export const RuleParams = Type.Object({ rule: RuleName });

export const RuleView = Type.Object({
  rule: RuleName,
  label: Type.String(),
  configured: Type.Boolean({ description: 'Whether the community has set this rule up' }),
  pointsPerUnit: Nullable(Type.Integer()),
  period: Nullable(Period),
  periodLimit: Nullable(Type.Integer({ description: 'Most points one person may earn under the rule in one period' })),
  overLimit: Nullable(Type.Union([Type.Literal('cap'), Type.Literal('refuse')], { description: 'cap: pay up to the limit; refuse: pay nothing past it' })),
  active: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
});

export const RuleList = Type.Object({
  community: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  rules: Type.Array(RuleView),
});

export const RuleBody = Type.Object(
  {
    community: Ref('Community (id or code)'),
    pointsPerUnit: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Points per verified hour or attendance; 1 for the manual rule' }),
    period: Type.Optional(Nullable(Period)),
    periodLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_POINTS }))),
    overLimit: Type.Optional(Type.Union([Type.Literal('cap'), Type.Literal('refuse')], { default: 'cap' })),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const SettingsView = Type.Object({
  communityId: Type.String(),
  expiryMonths: Nullable(Type.Integer({ description: 'Earned points expire after this many months; null: never' })),
  codeMinutes: Type.Integer({ description: 'How long a redemption code lives' }),
  updatedAt: Nullable(Type.String()),
});

export const SettingsBody = Type.Object(
  {
    community: Ref('Community (id or code)'),
    expiryMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120, description: 'Months after which earned points expire; null: never' })),
    codeMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Minutes a redemption code lives (default 10)' })),
  },
  { additionalProperties: false },
);

export const AwardBody = Type.Object(
  {
    community: Ref('The community paying the points (id or code)'),
    residentId: Ref('The resident'),
    points: Points('Whole points, at least 1'),
    reason: Reason,
  },
  { additionalProperties: false },
);

export const TransferView = Type.Object({
  id: Type.String(),
  at: Type.String(),
  day: Type.String({ description: 'Local day' }),
  kind: TransferKind,
  kindLabel: Type.String(),
  amount: Type.Integer(),
  change: Type.Optional(Type.Integer({ description: 'In a resident\'s own history: + in, - out' })),
  rule: Nullable(Type.String()),
  ruleLabel: Nullable(Type.String()),
  quantity: Nullable(Type.Number()),
  sourceKind: Type.String(),
  sourceId: Type.String(),
  communityId: Type.String(),
  communityName: Type.String(),
  residentId: Nullable(Type.String()),
  residentName: Nullable(Type.String()),
  merchantId: Nullable(Type.String()),
  merchantName: Nullable(Type.String()),
  operatorName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  reversesId: Nullable(Type.String()),
  reversedBy: Nullable(Type.String()),
  abilities: Type.Array(Type.String(), { description: 'reverse: the caller may reverse it' }),
});

export const TransferPage = pageOf(TransferView);

export const LedgerFilterQuery = {
  node: Type.Optional(Ref('Org node (id or code): transfers of every community under it')),
  resident: Type.Optional(Ref('Only this resident\'s transfers')),
  merchant: Type.Optional(Ref('Only this merchant\'s transfers')),
  kind: Type.Optional(TransferKind),
  from: Type.Optional(Day('First local day')),
  to: Type.Optional(Day('Last local day')),
};

export const LedgerQuery = Type.Object({ ...LedgerFilterQuery, ...Paging }, { additionalProperties: false });
export const LedgerExportQuery = Type.Object(LedgerFilterQuery, { additionalProperties: false });

export const TransferParams = Type.Object({ id: Ref('Transfer id') });
export const ReversalBody = Type.Object({ reason: Reason }, { additionalProperties: false });

const Balance = Type.Object({ communityId: Type.String(), communityCode: Type.String(), communityName: Type.String(), balance: Type.Integer() });

export const MyBalance = Type.Object({ residentId: Type.String(), total: Type.Integer(), accounts: Type.Array(Balance) });

export const ResidentParams = Type.Object({ residentId: Ref('Resident id') });
export const PageQuery = Type.Object({ ...Paging }, { additionalProperties: false });

export const ResidentPoints = Type.Object({
  residentId: Type.String(),
  name: Type.String(),
  total: Type.Integer(),
  accounts: Type.Array(Balance),
  transfers: TransferPage,
});

export const FiguresQuery = Type.Object(
  {
    node: Ref('Org node (id or code); the figures cover every community under it'),
    period: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month'), Type.Literal('year'), Type.Literal('custom')], { description: 'Default month' })),
    date: Type.Optional(Type.String({ maxLength: 10, description: 'The day (YYYY-MM-DD, also for week), month (YYYY-MM) or year (YYYY)' })),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export const FiguresView = Type.Object({
  node: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  issued: Type.Integer({ description: 'Points earned by residents, less earnings reversed' }),
  redeemed: Type.Integer({ description: 'Points redeemed at merchants, less redemptions reversed' }),
  expired: Type.Integer(),
  settled: Type.Integer({ description: 'Points merchants settled back to the pool' }),
  reversed: Type.Integer(),
  outstanding: Type.Integer({ description: 'Points residents hold at the end of the period' }),
  transfers: Type.Integer(),
});

export const RewardParams = Type.Object({ rewardId: Ref('Reward id') });

export const CodeBody = Type.Object({ rewardId: Ref('The reward') }, { additionalProperties: false });

export const CodeView = Type.Object({
  id: Type.String(),
  code: Type.String({ description: '8 digits the merchant types' }),
  qrPayload: Type.String({ description: 'What the QR code shows (LXPT:<code>); the merchant scans it' }),
  rewardId: Type.String(),
  rewardName: Type.String(),
  merchantId: Type.String(),
  merchantName: Type.String(),
  points: Type.Integer(),
  state: Type.Union([Type.Literal('issued'), Type.Literal('redeemed'), Type.Literal('cancelled'), Type.Literal('expired')]),
  expiresAt: Type.String(),
  redeemedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const CodeList = Type.Object({ items: Type.Array(CodeView) });
export const CodeParams = Type.Object({ id: Ref('Code id') });
