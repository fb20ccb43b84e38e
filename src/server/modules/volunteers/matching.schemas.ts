import { Type } from '@sinclair/typebox';
import { LngLat, Nullable } from '../../http/schemas.ts';
import { TalentStatusSchema } from './talents.schemas.ts';
import { Id, NodeRef, SkillCode } from './volunteers.schemas.ts';

const ReasonView = Type.Object({
  factor: Type.Union([Type.Literal('skill'), Type.Literal('distance'), Type.Literal('availability'), Type.Literal('load')]),
  points: Type.Number({ description: 'Points this factor gave (skill ≤ 40, distance ≤ 30, availability 20, load ≤ 10)' }),
  text: Type.String({ description: 'Why, in the caller\'s language' }),
});

export const MatchQuery = Type.Object(
  {
    skill: SkillCode,
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'Where the service is wanted (with lat)' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    grid: Type.Optional(Id('Or a grid (id or code); its centre stands for the place')),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'When it is wanted; availability counts only with it' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const MatchResult = Type.Object({
  skill: Type.String(),
  skillLabel: Type.String(),
  place: Type.Object({ grid: NodeRef, location: LngLat }),
  at: Nullable(Type.String({ format: 'date-time' })),
  talents: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      id: Type.String(),
      name: Type.String(),
      score: Type.Number({ description: 'Sum of the reasons\' points, out of 100' }),
      level: Type.Integer(),
      distanceMetres: Nullable(Type.Integer()),
      available: Nullable(Type.Boolean({ description: 'Free at the wanted time; null when no time was asked for or they gave no hours' })),
      load: Type.Integer({ description: 'Open orders now' }),
      reasons: Type.Array(ReasonView),
    }),
    { description: 'Confirmed talents with the skill who serve the place, best first' },
  ),
  teams: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      team: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), kindLabel: Type.String() }),
      score: Type.Number({ description: 'The score of its best qualified member' }),
      qualifiedMembers: Type.Integer(),
      availableMembers: Type.Integer(),
      bestMember: Type.Object({ id: Type.String(), name: Type.String() }),
      reasons: Type.Array(Type.String()),
    }),
    { description: 'Teams of the place\'s community with qualified members, best first' },
  ),
});

export const FiguresQuery = Type.Object(
  {
    node: Id('Org node (id or code): a district, street, community, sector or grid'),
    status: Type.Optional(Type.Union([TalentStatusSchema, Type.Literal('all')], { default: 'confirmed', description: 'Which talents count (default confirmed; all for every status)' })),
  },
  { additionalProperties: false },
);

const ListLink = Type.String({ description: 'The talents behind the figure: a GET /api/v1/talents query' });

export const FiguresResult = Type.Object({
  node: NodeRef,
  status: Type.String(),
  total: Type.Integer(),
  inService: Type.Integer({ description: 'In-service members (双报到) among them' }),
  reserveCandidates: Type.Integer({ description: 'Reserve candidates (后备力量) among them' }),
  bySkill: Type.Array(Type.Object({ skill: Type.String(), label: Type.String(), count: Type.Integer(), list: ListLink }), { description: 'A talent counts once for each skill they have' }),
  byGrid: Type.Array(Type.Object({ grid: Nullable(NodeRef), community: NodeRef, count: Type.Integer(), list: ListLink }), { description: 'Talents placed in a community but no grid count in a row with grid null' }),
});
