import { Type } from '@sinclair/typebox';
import { LngLat, Nullable, Paging } from '../../http/schemas.ts';
import { Abilities, Id, Landline, LngLatInput, NodeRef, Note, SharedResourceKind, Text, Timestamp, WeeklyHours, WeeklySlotSchema } from './volunteers.schemas.ts';

export const SharedResourceView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  address: Nullable(Type.String()),
  location: Nullable(LngLat),
  openingHours: Type.Array(WeeklySlotSchema, { description: 'When it is open to residents, local time' }),
  hoursNote: Nullable(Type.String({ description: 'Anything the hours do not say, e.g. 节假日除外' })),
  openNow: Type.Boolean({ description: 'Open at the moment of the request (local time)' }),
  partnerUnit: Type.Object({ name: Type.String() }, { description: 'The unit that opens it (its name only: the list is public)' }),
  community: Type.Object({ code: Type.String(), name: Type.String() }),
  active: Type.Boolean({ description: 'Shown to residents' }),
});

export const PartnerUnitView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String({ description: "The unit's contact number for the community office" })),
  address: Nullable(Type.String()),
  note: Nullable(Type.String()),
  communities: Type.Array(NodeRef, { description: 'Communities it pairs with (结对共建)' }),
  inServiceMembers: Type.Integer({ description: 'Its party members registered with a community (双报到)' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: Abilities,
});

export const PartnerUnitDetail = Type.Composite([PartnerUnitView, Type.Object({ sharedResources: Type.Array(SharedResourceView) })]);

export const PartnerUnitListQuery = Type.Object(
  {
    node: Type.Optional(Id('Only units paired with a community at or under this org node (id or code)')),
    q: Type.Optional(Type.String({ maxLength: 50, pattern: '^[^\\u0000-\\u001F\\u007F]*$', description: 'Name contains' })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const PartnerUnitParams = Type.Object({ id: Id('Partner unit id') });
export const SharedResourceParams = Type.Object({ id: Id('Shared resource id') });

const unitFields = {
  contactName: Type.Optional(Nullable(Text(50, 'Contact person'))),
  contactPhone: Type.Optional(Nullable(Landline)),
  address: Type.Optional(Nullable(Text(200, 'Address'))),
  note: Type.Optional(Nullable(Note(500, 'What the unit offers the community'))),
};

export const PartnerUnitCreateBody = Type.Object(
  {
    name: Text(100, 'Name, unique, e.g. 西藏自治区人民医院'),
    ...unitFields,
    communities: Type.Array(Id('Community id or code'), { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Communities it pairs with' }),
  },
  { additionalProperties: false },
);

export const PartnerUnitPatchBody = Type.Object(
  {
    name: Type.Optional(Text(100, 'Name, unique')),
    ...unitFields,
    communities: Type.Optional(Type.Array(Id('Community id or code'), { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Communities it pairs with (replaces the list; only communities you manage may be added or removed)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const resourceFields = {
  description: Type.Optional(Nullable(Note(500, 'What residents find there'))),
  address: Type.Optional(Nullable(Text(200, 'Address'))),
  location: Type.Optional(Nullable(LngLatInput)),
  hoursNote: Type.Optional(Nullable(Text(200, 'Anything the hours do not say'))),
};

export const SharedResourceCreateBody = Type.Object(
  {
    kind: SharedResourceKind,
    name: Text(100, 'Name, e.g. 职工停车场'),
    ...resourceFields,
    openingHours: WeeklyHours('When it is open to residents'),
    community: Id('The community (id or code) it is offered to; the unit must pair with it'),
  },
  { additionalProperties: false },
);

export const SharedResourcePatchBody = Type.Object(
  {
    kind: Type.Optional(SharedResourceKind),
    name: Type.Optional(Text(100, 'Name')),
    ...resourceFields,
    openingHours: Type.Optional(WeeklyHours('When it is open (replaces the previous hours)')),
    active: Type.Optional(Type.Boolean({ description: 'false hides it from residents' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SharedResourceListQuery = Type.Object(
  {
    node: Type.Optional(Id('Only resources offered to a community at or under this org node (id or code)')),
    kind: Type.Optional(SharedResourceKind),
    ...Paging,
  },
  { additionalProperties: false },
);
