import { Type } from '@sinclair/typebox';
import { Id, LocalDay, Note, SkillCode, Text } from '../volunteers/volunteers.schemas.ts';

const PhotoIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 6, description: 'Photos uploaded first with POST /api/v1/photos (at most 6)' });
const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$', description: 'A mobile or landline number the talent may call' });

export const OrderParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 100, description: 'Order (case) id or number, LX-2026-000123' }) });

export const NewOrderBody = Type.Object(
  {
    skill: SkillCode,
    description: Text(1000, 'What is wanted, in the requester\'s words'),
    wantedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the service is wanted' })),
    location: Type.Optional(Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false, description: 'WGS84 point; without it and without a compound, the requester\'s home' })),
    compoundId: Type.Optional(Id('Compound where the service is wanted')),
    address: Type.Optional(Text(200, 'Address in words')),
    photoIds: Type.Optional(PhotoIds),
    contactPhone: Type.Optional(Phone),
    forResident: Type.Optional(Type.Object({ residentId: Id('The resident the order is for'), consent: Text(500, 'How the resident agreed (代办同意)') }, { additionalProperties: false, description: 'Staff only (代办): the resident ordered for' })),
  },
  { additionalProperties: false },
);

export const BoardQuery = Type.Object(
  {
    state: Type.Optional(Type.Union(['all', 'open', 'waiting', 'serving', 'to_verify', 'closed', 'new', 'dispatched', 'in_progress', 'suspended', 'resolved', 'rejected', 'merged'].map((s) => Type.Literal(s)), { description: 'open (default), all, waiting, serving, to_verify, closed, or one case state' })),
    skill: Type.Optional(SkillCode),
    community: Type.Optional(Id('Org node (id or code): orders under it')),
    from: Type.Optional(LocalDay),
    to: Type.Optional(LocalDay),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  {
    node: Id('Org node (id or code): its communities are reported'),
    period: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month'), Type.Literal('year'), Type.Literal('custom')])),
    date: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9-]+$', description: '2026-05-16, 2026-05 or 2026 for the period' })),
    from: Type.Optional(LocalDay),
    to: Type.Optional(LocalDay),
  },
  { additionalProperties: false },
);

export const DispatchBody = Type.Object({ talentId: Type.Optional(Id('The talent')), teamId: Type.Optional(Id('The team (its leader takes the order)')) }, { additionalProperties: false, description: 'One of talentId or teamId' });
export const DeclineBody = Type.Object({ reason: Text(500, 'Why the talent cannot take it') }, { additionalProperties: false });
export const DoneBody = Type.Object(
  {
    result: Text(1000, 'What was done'),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 24, multipleOf: 0.25, description: 'Hours of service (quarter hours); the community\'s rate must turn them into whole points' }),
    photoIds: Type.Optional(PhotoIds),
  },
  { additionalProperties: false },
);
export const VerifyBody = Type.Object({ pass: Type.Boolean(), note: Type.Optional(Note(1000, 'What the check found')) }, { additionalProperties: false });
export const RatingBody = Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5, description: '1 to 5 stars' }), comment: Type.Optional(Note(500, 'A few words')) }, { additionalProperties: false });

const Loose = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const OrderView = Loose('A service order in the caller\'s view: the talent sees the address and a number to call while it is theirs; ratings show once both sides rated or a week after it was done. `abilities` lists what the caller may do now (dispatch, accept, decline, done, verify, rate).');
export const OrderList = Type.Object({ items: Type.Array(Loose('An order with, while it waits, its best suggestions and their reasons')), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const MyOrders = Type.Object({ talent: Type.Union([Loose('The caller as a talent'), Type.Null()]), requested: Type.Array(OrderView), assigned: Type.Array(OrderView) });
export const ServiceFile = Type.Object({ talent: Loose('The talent'), record: Loose('Services done, hours, points, average rating, the services and the feedback that may be shown') });
export const MatchesView = Loose('Talents ranked for the order with their reasons (skill, distance, free hours, open orders), those who declined it left out; and teams');
export const FiguresView = Loose('Per community and in total: ordered, done (verified), hours, ratings, average rating, points paid');
