import { Type } from '@sinclair/typebox';
import { Nullable, Paging, pageOf } from '../../http/schemas.ts';
import { MAX_POINTS } from './ledger.ts';

const Ref = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description });

const Location = Type.Object(
  { lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
  { additionalProperties: false, description: 'Where the shop is (WGS84)' },
);

const Agreement = Type.Object(
  {
    signedOn: Type.String({ format: 'date', description: 'Day the agreement (积分兑换协议) was signed' }),
    validUntil: Type.String({ format: 'date', description: 'Last day it holds' }),
    terms: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'What the merchant offers and on what terms' }))),
  },
  { additionalProperties: false },
);

export const MerchantView = Type.Object({
  id: Type.String(),
  communityId: Type.String(),
  name: Type.String(),
  address: Type.String(),
  contactName: Type.String(),
  contactPhone: Type.String({ description: 'The shop\'s phone (public on the rewards list)' }),
  location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  agreement: Nullable(Type.Object({ signedOn: Type.String(), validUntil: Type.String(), terms: Nullable(Type.String()), valid: Type.Boolean({ description: 'Holds today' }) })),
  accounts: Type.Array(Type.String(), { description: 'Usernames that sign in as the merchant (for the office)' }),
  abilities: Type.Array(Type.String(), { description: 'manage, settle (the office) or operate (the merchant itself)' }),
});

export const MerchantPage = pageOf(MerchantView);

export const MerchantListQuery = Type.Object({ community: Type.Optional(Ref('Community (id or code)')), ...Paging }, { additionalProperties: false });

export const MerchantBody = Type.Object(
  {
    community: Ref('Community (id or code) the merchant signs with'),
    name: Text(100, 'Shop name'),
    address: Text(200, 'Address'),
    contactName: Text(50, 'Contact person'),
    contactPhone: Type.String({ minLength: 1, maxLength: 20, description: 'A mobile number or a landline with area code' }),
    location: Type.Optional(Nullable(Location)),
    agreement: Type.Optional(Nullable(Agreement)),
  },
  { additionalProperties: false },
);

export const MerchantPatchBody = Type.Object(
  {
    name: Type.Optional(Text(100, 'Shop name')),
    address: Type.Optional(Text(200, 'Address')),
    contactName: Type.Optional(Text(50, 'Contact person')),
    contactPhone: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    location: Type.Optional(Nullable(Location)),
    agreement: Type.Optional(Nullable(Agreement)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const MerchantParams = Type.Object({ id: Ref('Merchant id') });
export const MerchantRewardParams = Type.Object({ id: Ref('Merchant id'), rewardId: Ref('Reward id') });

export const MerchantAccountBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const RewardView = Type.Object({
  id: Type.String(),
  merchantId: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  price: Type.Integer({ description: 'Points' }),
  stock: Nullable(Type.Integer({ description: 'How many are left; null: not counted' })),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});

export const RewardList = Type.Object({ items: Type.Array(RewardView) });

export const RewardBody = Type.Object(
  {
    name: Text(100, 'What the resident gets, e.g. 健康体检套餐（价值1200元）'),
    price: Type.Integer({ minimum: 1, maximum: MAX_POINTS, description: 'Whole points' }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    stock: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const RewardPatchBody = Type.Object(
  {
    name: Type.Optional(Text(100, 'Name')),
    price: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POINTS })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    stock: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OfferedRewardsQuery = Type.Object({ community: Type.Optional(Ref('Community (id or code); a signed-in resident\'s own by default')) }, { additionalProperties: false });

export const OfferedRewards = Type.Object({
  communityId: Type.String(),
  items: Type.Array(Type.Intersect([
    RewardView,
    Type.Object({ merchant: Type.Object({ id: Type.String(), name: Type.String(), address: Type.String(), phone: Type.String(), location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })) }) }),
  ])),
});

export const RedeemBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40, description: 'The 8 digits the resident shows, or the scanned QR payload (LXPT:<code>)' }) },
  { additionalProperties: false },
);

export const RedemptionView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  rewardId: Type.String(),
  rewardName: Type.String(),
  points: Type.Integer(),
  residentName: Type.String({ description: 'Masked (扎*)' }),
  redeemedAt: Type.String(),
  transferId: Type.String(),
});

const RedemptionLine = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Last 4 digits only' }),
  rewardName: Type.String(),
  points: Type.Integer(),
  residentName: Type.String({ description: 'Masked' }),
  redeemedAt: Type.String(),
  day: Type.String(),
  reversed: Type.Boolean({ description: 'Reversed since: the points went back to the resident' }),
});

export const RedemptionsQuery = Type.Object(
  { from: Type.Optional(Type.String({ format: 'date', description: 'First local day (default today)' })), to: Type.Optional(Type.String({ format: 'date', description: 'Last local day (default today)' })) },
  { additionalProperties: false },
);

export const RedemptionList = Type.Object({
  merchantId: Type.String(),
  merchantName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  count: Type.Integer({ description: 'Redemptions not reversed' }),
  points: Type.Integer(),
  items: Type.Array(RedemptionLine),
});

export const MonthQuery = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) }, { additionalProperties: false });
export const MonthBody = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'The ended month to settle, YYYY-MM' }) }, { additionalProperties: false });

export const StatementView = Type.Object({
  merchantId: Type.String(),
  merchantName: Type.String(),
  month: Type.String(),
  count: Type.Integer(),
  points: Type.Integer(),
  settlement: Nullable(Type.Object({ id: Type.String(), points: Type.Integer(), settledAt: Type.String(), transferId: Type.String() })),
  items: Type.Array(RedemptionLine),
});
