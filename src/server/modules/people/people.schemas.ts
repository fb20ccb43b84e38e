import { Type } from '@sinclair/typebox';
import { LngLat, Nullable, Paging } from '../../http/schemas.ts';
import { MAX_LINKED_HOUSEHOLDS } from './links.service.ts';

// Single-line text: control characters (NUL above all, which PostgreSQL refuses to store) are refused at the edge.
const SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F]*$';
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 100, pattern: SINGLE_LINE, description });
const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: SINGLE_LINE, description });
const OptionalText = (maxLength: number, description: string) => Type.Optional(Nullable(Type.String({ maxLength, pattern: SINGLE_LINE, description })));
const Abilities = Type.Array(Type.String(), { description: 'What the current user may do with this record: people.read, people.manage, people.reveal' });
const Gender = Type.Union([Type.Literal('male'), Type.Literal('female')], { description: 'male 男, female 女' });
const NodeFilter = Type.Optional(Type.String({ maxLength: 100, pattern: SINGLE_LINE, description: 'Only records under this org node (id or code), e.g. a community or a grid' }));

export const IdParams = Type.Object({ id: Id('Id') });
export const HouseholdIdParams = Type.Object({ householdId: Id('Household id') });
export const ResidentIdParams = Type.Object({ residentId: Id('Resident id') });

export const NodeQuery = Type.Object({ node: NodeFilter, ...Paging }, { additionalProperties: false });
export const PageQuery = Type.Object({ ...Paging }, { additionalProperties: false });

// ---- compounds and buildings

export const CompoundView = Type.Object({
  id: Type.String(),
  gridId: Type.String(),
  name: Type.String({ description: 'Compound name (大院/小区)' }),
  address: Nullable(Type.String({ description: 'Street address of the compound' })),
  location: Nullable(LngLat),
  buildingCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  abilities: Abilities,
});

export const BuildingView = Type.Object({
  id: Type.String(),
  compoundId: Type.String(),
  name: Type.String({ description: 'Building name (楼栋), e.g. 3栋' }),
  createdAt: Type.String({ format: 'date-time' }),
  abilities: Abilities,
});

export const CompoundDetail = Type.Composite([CompoundView, Type.Object({ buildings: Type.Array(BuildingView) })]);

export const CompoundCreateBody = Type.Object(
  {
    grid: Id('The grid it lies in (id or code)'),
    name: Text(100, 'Name, unique inside the grid'),
    address: OptionalText(200, 'Street address of the compound'),
    location: Type.Optional(Nullable(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], { description: '[lng, lat] (WGS84)' }))),
  },
  { additionalProperties: false },
);

export const BuildingCreateBody = Type.Object({ name: Text(50, 'Name, unique inside the compound, e.g. 3栋') }, { additionalProperties: false });

// ---- households

export const HouseholdView = Type.Object({
  id: Type.String(),
  gridId: Type.String(),
  compoundId: Nullable(Type.String()),
  buildingId: Nullable(Type.String()),
  room: Nullable(Type.String()),
  address: Type.String({ description: 'Unique inside the grid; built from compound, building and room when there is a compound' }),
  isPartyHub: Type.Boolean({ description: 'Whether this is a party hub household (党员中心户)' }),
  memberCount: Type.Integer(),
  linkedHouseholdCount: Type.Integer({ description: 'Households this party hub serves (0 for other households)' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  abilities: Abilities,
});

export const HouseholdListQuery = Type.Object(
  { node: NodeFilter, compound: Type.Optional(Id('Only households in this compound')), ...Paging },
  { additionalProperties: false },
);

const householdPlace = {
  compound: Type.Optional(Nullable(Id('Compound id (大院/小区)'))),
  building: Type.Optional(Nullable(Id('Building id (楼栋); names its compound too'))),
  room: OptionalText(50, 'Room (房号), e.g. 201'),
  address: OptionalText(200, 'Free address, only for a household without a compound (e.g. a village house)'),
};

export const HouseholdCreateBody = Type.Object({ grid: Id('Grid id or code'), ...householdPlace }, { additionalProperties: false });

export const HouseholdPatchBody = Type.Object(
  { grid: Type.Optional(Id('Grid id or code')), ...householdPlace },
  { additionalProperties: false, minProperties: 1 },
);

// ---- residents

export const ResidentView = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  gridId: Type.String(),
  address: Type.String({ description: "The household's address" }),
  name: Type.String(),
  gender: Nullable(Gender),
  phone: Nullable(Type.String({ description: 'Masked, e.g. 138****8000' })),
  idNumber: Nullable(Type.String({ description: 'Masked, e.g. 5401**********1234' })),
  isPartyMember: Type.Boolean(),
  linkedHouseholdCount: Type.Integer({ description: 'Households this resident links as a household liaison (联户长)' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  abilities: Abilities,
});

export const HouseholdDetail = Type.Composite([HouseholdView, Type.Object({ members: Type.Array(ResidentView) })]);

export const PersonalDataView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  gender: Nullable(Gender),
  phone: Nullable(Type.String({ description: 'Unmasked mobile number' })),
  idNumber: Nullable(Type.String({ description: 'Unmasked ID number (身份证号)' })),
  birthDate: Nullable(Type.String({ format: 'date' })),
});

export const ResidentListQuery = Type.Object(
  {
    node: NodeFilter,
    household: Type.Optional(Id('Only members of this household')),
    q: Type.Optional(Type.String({ maxLength: 50, pattern: SINGLE_LINE, description: 'Name contains' })),
    ...Paging,
  },
  { additionalProperties: false },
);

const residentFields = {
  gender: Type.Optional(Nullable(Gender)),
  phone: OptionalText(20, 'Mainland mobile number, 11 digits (1[3-9]xxxxxxxxx)'),
  idNumber: OptionalText(18, 'Resident ID number (身份证号, 18 characters, checked); sets gender and birth date'),
  birthDate: Type.Optional(Nullable(Type.String({ format: 'date', description: 'YYYY-MM-DD; only needed without an ID number' }))),
  isPartyMember: Type.Optional(Type.Boolean({ description: 'Party member (党员)' })),
};

export const ResidentCreateBody = Type.Object(
  { household: Id('Household id'), name: Text(50, 'Name (姓名)'), ...residentFields },
  { additionalProperties: false },
);

export const ResidentPatchBody = Type.Object(
  { household: Type.Optional(Id('Move to this household')), name: Type.Optional(Text(50, 'Name (姓名)')), ...residentFields },
  { additionalProperties: false, minProperties: 1 },
);

// ---- party hub households and liaisons

export const LinkedHouseholdsBody = Type.Object(
  {
    householdIds: Type.Array(Id('Household id'), {
      maxItems: MAX_LINKED_HOUSEHOLDS,
      uniqueItems: true,
      description: `The households served, replacing the previous list (at most ${MAX_LINKED_HOUSEHOLDS})`,
    }),
  },
  { additionalProperties: false },
);
