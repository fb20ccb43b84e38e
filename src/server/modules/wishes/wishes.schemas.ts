import { Type } from '@sinclair/typebox';
import { Nullable, Paging } from '../../http/schemas.ts';
import { Abilities, Id, LngLatInput, LocalDay, Note, Text, Timestamp } from '../volunteers/volunteers.schemas.ts';
import { OFFER_KIND_CODES, OFFER_MODE_CODES, WISH_STATUS_CODES, WISH_TYPE_CODES } from './labels.ts';

// Free text over lines, with something in it besides spaces.
const FREE = '[^\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u001F\\u007F]';
const literals = <T extends string>(codes: readonly T[], description: string) => Type.Union(codes.map((c) => Type.Literal(c)), { description });
export const WishType = literals(WISH_TYPE_CODES, 'goods 生活物资, repair 维修帮扶, care 助老助残, health 健康义诊, study 助学圆梦, haircut 义剪理发, other 其他心愿');
const OfferKind = literals(OFFER_KIND_CODES, 'goods 物资, service 服务, fund 资金, other 其他');
const OfferMode = literals(OFFER_MODE_CODES, 'one_to_one 一对一 (capacity 1), one_to_many 一对多 (one provider, up to `capacity` wishes), many_to_one 多对一 (joins others on one wish)');
const Photo = Type.Object({ id: Type.String(), url: Type.String(), thumbnailUrl: Type.String() });
const Provider = Type.Object({
  kind: literals(['partner_unit', 'talent', 'person'] as const, 'A partner unit, a talent of the talent pool, or a named person'),
  id: Nullable(Type.String()),
  name: Nullable(Type.String({ description: 'Units by name; people by name only for staff of the community (志愿者 otherwise)' })),
});
const Place = Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }));

export const OfferView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  kind: Type.String(),
  kindLabel: Type.String(),
  wishType: Type.String(),
  wishTypeLabel: Type.String(),
  mode: Type.String(),
  modeLabel: Type.String(),
  capacity: Type.Integer({ description: 'How many wishes it can take' }),
  claimsTaken: Type.Integer({ description: 'Live claims made through it' }),
  placesLeft: Type.Integer(),
  active: Type.Boolean(),
  provider: Provider,
  community: Type.Object({ code: Type.String(), name: Type.String() }),
  updatedAt: Timestamp,
  abilities: Abilities,
});

const ClaimView = Type.Object({
  id: Type.String(),
  claimant: Provider,
  offer: Nullable(Type.Object({ id: Type.String(), title: Nullable(Type.String()) })),
  status: Type.String(),
  statusLabel: Type.String(),
  claimedAt: Timestamp,
  fulfilledAt: Nullable(Timestamp),
  withdrawnAt: Nullable(Timestamp),
  note: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
  photos: Type.Array(Photo),
});

export const WishView = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'The case number, LX-2026-000123' }),
  wishType: Type.String(),
  wishTypeLabel: Type.String(),
  description: Type.String(),
  beneficiaryNote: Nullable(Type.String({ description: 'Staff only: who it is for' })),
  publicSummary: Nullable(Type.String({ description: 'The words the public needs list shows' })),
  status: literals(WISH_STATUS_CODES, 'open 待认领, claimed 已认领, fulfilled 已实现待核查, closed 已实现, cancelled 已撤销'),
  statusLabel: Type.String(),
  state: Type.String({ description: 'The case state underneath' }),
  channel: Type.String(),
  community: Place,
  grid: Place,
  address: Nullable(Type.String()),
  postedAt: Timestamp,
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  resolution: Nullable(Type.String()),
  claims: Type.Array(ClaimView),
  candidates: Type.Array(Type.Composite([OfferView, Type.Object({ sameType: Type.Boolean() })]), { description: 'For the office that matches it: offers of its community with places left, the same type first' }),
  abilities: Type.Array(Type.String(), { description: 'claim, withdraw, fulfil, verify: what the caller may do now' }),
});

export const WishList = Type.Object({ items: Type.Array(WishView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const WishParams = Type.Object({ ref: Id('Wish (case) id or number') });
export const ClaimParams = Type.Object({ ref: Id('Wish (case) id or number'), claimId: Id('Claim id') });
export const OfferParams = Type.Object({ id: Id('Offer id') });

export const WishCreateBody = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 1000, pattern: `^${FREE}*\\S${FREE}*$`, description: 'The wish in the words of whoever tells it' }),
    wishType: WishType,
    beneficiaryNote: Type.Optional(Note(200, 'Staff: who it is for, e.g. 独居老人（行动不便）')),
    publicSummary: Type.Optional(Text(60, 'Staff: the words the public needs list shows, with no name or door number')),
    channel: Type.Optional(literals(['visit', 'patrol', 'proxy'] as const, 'Staff: found on a home visit (default), on patrol, or filed for a named resident (代办)')),
    residentId: Type.Optional(Id('Staff filing for a resident (代办): the resident')),
    consent: Type.Optional(Text(200, 'Staff filing for a resident: how the resident agreed')),
    compoundId: Type.Optional(Id('Staff: the compound where it was found')),
    location: Type.Optional(LngLatInput),
    photoIds: Type.Optional(Type.Array(Id('Photo id'), { maxItems: 9, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const WishListQuery = Type.Object(
  {
    node: Type.Optional(Id('Only wishes at or under this org node (id or code)')),
    status: Type.Optional(literals([...WISH_STATUS_CODES, 'done' as const], 'open, claimed, fulfilled, closed, cancelled, or done (fulfilled or closed)')),
    from: Type.Optional(LocalDay),
    to: Type.Optional(LocalDay),
    ...Paging,
  },
  { additionalProperties: false },
);

export const PublicNeedsQuery = Type.Object(
  {
    community: Type.Optional(Id('Community (or any org node) id or code')),
    status: Type.Optional(literals(['open', 'claimed', 'done'] as const, 'open 待认领, claimed 已认领, done 已实现')),
    ...Paging,
  },
  { additionalProperties: false },
);

export const PublicNeedsList = Type.Object({
  community: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }, { description: 'The community listed (a grid or sector asked for stands for its community)' })),
  counts: Type.Object({ posted: Type.Integer(), open: Type.Integer({ description: 'Still open: waiting for a claim' }), claimed: Type.Integer(), fulfilled: Type.Integer() }),
  items: Type.Array(
    Type.Object({
      number: Type.String(),
      wishType: Type.String(),
      wishTypeLabel: Type.String(),
      summary: Nullable(Type.String({ description: 'Words staff chose for the public (contact details masked), or null' })),
      status: Type.String(),
      statusLabel: Type.String(),
      grid: Nullable(Type.String()),
      community: Nullable(Type.String()),
      postedAt: Timestamp,
      fulfilledAt: Nullable(Timestamp),
      claimedBy: Type.Array(Type.String(), { description: 'Partner units by name; people as 志愿者' }),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ClaimBody = Type.Object(
  {
    offerId: Type.Optional(Id('An offer of the service list (its provider claims; its capacity counts)')),
    partnerUnitId: Type.Optional(Id('A partner unit paired with the community')),
    talentId: Type.Optional(Id('A talent of the community (e.g. an in-service party member, 双报到)')),
    name: Type.Optional(Text(50, 'A named person or group not in the lists')),
  },
  { additionalProperties: false },
);

export const WithdrawBody = Type.Object({ reason: Text(200, 'Why the claimant cannot do it') }, { additionalProperties: false });

export const FulfilBody = Type.Object(
  {
    note: Text(500, 'What was done, e.g. 已送上轮椅一台'),
    photoIds: Type.Array(Id('Photo id'), { minItems: 1, maxItems: 9, uniqueItems: true, description: 'At least one photo of the fulfilment' }),
  },
  { additionalProperties: false },
);

export const ClaimResult = Type.Object({ claimId: Type.String(), wish: WishView });

export const OfferCreateBody = Type.Object(
  {
    community: Id('The community (id or code) it is offered to'),
    partnerUnitId: Type.Optional(Id('The partner unit that offers it (or talentId)')),
    talentId: Type.Optional(Id('The talent who offers it (or partnerUnitId)')),
    title: Text(100, 'e.g. 免费理发、捐赠轮椅、家电维修'),
    description: Type.Optional(Nullable(Note(500, 'Details'))),
    kind: OfferKind,
    wishType: WishType,
    mode: OfferMode,
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'How many wishes it can take (1 for one_to_one)' })),
  },
  { additionalProperties: false },
);

export const OfferPatchBody = Type.Object(
  {
    title: Type.Optional(Text(100, 'Title')),
    description: Type.Optional(Nullable(Note(500, 'Details'))),
    kind: Type.Optional(OfferKind),
    wishType: Type.Optional(WishType),
    mode: Type.Optional(OfferMode),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    active: Type.Optional(Type.Boolean({ description: 'false stops it (its claims stay)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OfferListQuery = Type.Object(
  {
    community: Type.Optional(Id('Community (or any org node) id or code')),
    wishType: Type.Optional(WishType),
    includeInactive: Type.Optional(Type.Boolean({ description: 'Office only: stopped offers too' })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const OfferList = Type.Object({ items: Type.Array(OfferView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const FiguresQuery = Type.Object(
  {
    node: Id('Org node (id or code): its communities are reported'),
    period: Type.Optional(literals(['day', 'week', 'month', 'year', 'custom'] as const, 'The period (default month)')),
    date: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9-]+$', description: '2026-05-16, 2026-05 or 2026 for the period' })),
    from: Type.Optional(LocalDay),
    to: Type.Optional(LocalDay),
  },
  { additionalProperties: false },
);

const Counts = {
  posted: Type.Integer({ description: 'Wishes posted in the period' }),
  claimed: Type.Integer({ description: 'Of those, claimed by a unit or person (claim not withdrawn)' }),
  fulfilled: Type.Integer({ description: 'Of those, fulfilled (with photos)' }),
  verified: Type.Integer({ description: 'Of those, verified by staff and closed' }),
  open: Type.Integer({ description: 'Of those, still on the needs list' }),
  fulfilmentRate: Nullable(Type.Number({ description: 'fulfilled / posted' })),
};

export const FiguresView = Type.Object({
  node: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  total: Type.Object(Counts),
  wishesUrl: Type.String({ description: 'The wishes behind the total' }),
  communities: Type.Array(Type.Object({ community: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.String() }), ...Counts, wishesUrl: Type.String({ description: 'The wishes behind this row' }) })),
});
