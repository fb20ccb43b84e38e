import { Type } from '@sinclair/typebox';
import { Nullable, Paging } from '../../http/schemas.ts';
import {
  Abilities,
  Id,
  LocalDay,
  Mobile,
  NodeRef,
  Note,
  OptionalNote,
  SkillCode,
  SkillLevel,
  Text,
  Timestamp,
  WeeklyHours,
  WeeklySlotSchema,
} from './volunteers.schemas.ts';

export const TalentOriginSchema = Type.Union(
  [Type.Literal('survey'), Type.Literal('recommendation'), Type.Literal('self_nomination'), Type.Literal('in_service')],
  { description: 'How they joined: survey 网格摸排 (a grid worker), recommendation 群众推荐, self_nomination 个人自荐, in_service 双报到 (an in-service party member of a local unit)' },
);
export const TalentStatusSchema = Type.Union(
  [Type.Literal('proposed'), Type.Literal('confirmed'), Type.Literal('declined'), Type.Literal('retired')],
  { description: 'proposed 待确认 → confirmed 已确认 by staff, or declined 未通过 with a reason; retired 已退出' },
);
export const ContactPreferenceSchema = Type.Union([Type.Literal('phone'), Type.Literal('app'), Type.Literal('grid_worker')], {
  description: 'How to reach them: phone 电话, app 平台消息, grid_worker 经网格员转达',
});

const SkillInput = Type.Object({ skill: SkillCode, level: SkillLevel }, { additionalProperties: false });
const SkillInputs = Type.Array(SkillInput, { minItems: 1, maxItems: 20, description: 'Skills with their levels (each skill once)' });

export const TalentSkillView = Type.Object({
  skill: Type.String(),
  label: Type.String({ description: "The skill's name in the caller's language" }),
  level: Type.Integer(),
  levelLabel: Type.String(),
  confirmed: Type.Boolean({ description: 'Whether staff confirmed this skill and level' }),
  confirmedBy: Nullable(Type.String({ description: 'Who confirmed it' })),
  confirmedAt: Nullable(Timestamp),
});

export const TalentTeamView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  leader: Type.Boolean({ description: 'Whether the talent leads the team (队长)' }),
  joinedOn: LocalDay,
});

export const TalentView = Type.Object({
  id: Type.String(),
  origin: TalentOriginSchema,
  originLabel: Type.String(),
  status: TalentStatusSchema,
  statusLabel: Type.String(),
  residentId: Nullable(Type.String({ description: 'The resident record, for a talent who lives here' })),
  name: Type.String(),
  phone: Nullable(Type.String({ description: 'Masked, e.g. 138****8000; the personal-data endpoint reveals it' })),
  partnerUnit: Nullable(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'Their unit (双报到)' })),
  community: NodeRef,
  grid: Nullable(NodeRef),
  skills: Type.Array(TalentSkillView),
  availability: Type.Array(WeeklySlotSchema, { description: 'When they are free to serve, local time' }),
  serviceAreas: Type.Array(NodeRef, { description: 'Org nodes they serve; matching offers them only there' }),
  contactPreference: ContactPreferenceSchema,
  contactPreferenceLabel: Type.String(),
  reserveCandidate: Type.Boolean({ description: 'Marked by staff as a reserve candidate (后备力量)' }),
  reserveNote: Nullable(Type.String()),
  note: Nullable(Type.String()),
  statusReason: Nullable(Type.String({ description: 'Why it was declined or retired' })),
  teams: Type.Array(TalentTeamView),
  confirmedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: Abilities,
});

export const TalentListQuery = Type.Object(
  {
    node: Type.Optional(Id('Only talents at or under this org node (id or code): a community, sector or grid')),
    skill: Type.Optional(SkillCode),
    status: Type.Optional(TalentStatusSchema),
    origin: Type.Optional(TalentOriginSchema),
    team: Type.Optional(Id('Only members of this team')),
    reserve: Type.Optional(Type.Boolean({ description: 'Only talents marked (true) or not marked (false) as reserve candidates' })),
    withoutGrid: Type.Optional(Type.Boolean({ description: 'Only talents placed in a community but in no grid (most in-service members)' })),
    q: Type.Optional(Type.String({ maxLength: 50, pattern: '^[^\\u0000-\\u001F\\u007F]*$', description: 'Name contains' })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const TalentParams = Type.Object({ id: Id('Talent id') });
export const TalentSkillParams = Type.Object({ id: Id('Talent id'), skill: SkillCode });

const personFields = {
  resident: Type.Optional(Id('The resident record (居民) the talent is')),
  name: Type.Optional(Text(50, 'Name, for someone without a resident record here')),
  phone: Type.Optional(Mobile),
  node: Type.Optional(Id('Community or grid (id or code) they belong to; a resident belongs to their own grid')),
  partnerUnit: Type.Optional(Id('Their unit (共建单位), for an in-service member (双报到)')),
};

export const TalentProposeBody = Type.Object(
  {
    origin: TalentOriginSchema,
    ...personFields,
    recommender: Type.Optional(Id('The resident who recommended them (origin recommendation, recorded by staff)')),
    skills: SkillInputs,
    availability: Type.Optional(WeeklyHours('When they are free to serve')),
    contactPreference: Type.Optional(ContactPreferenceSchema),
    note: Type.Optional(Note(500, 'What they can do, in a few words')),
  },
  { additionalProperties: false },
);

export const TalentRecommendBody = Type.Object(
  {
    name: Text(50, 'Name of the person you recommend'),
    phone: Mobile,
    skills: Type.Array(Type.Object({ skill: SkillCode, level: Type.Optional(SkillLevel) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
    note: Type.Optional(Note(500, 'Why you recommend them')),
  },
  { additionalProperties: false },
);

export const RecommendationReceipt = Type.Object({
  receivedAt: Timestamp,
  message: Type.String({ description: 'What happens next, in the caller\'s language' }),
});

export const TalentPatchBody = Type.Object(
  {
    ...personFields,
    partnerUnit: Type.Optional(Nullable(Id('Their unit (共建单位); null removes it'))),
    availability: Type.Optional(WeeklyHours('When they are free to serve (replaces the previous hours)')),
    serviceAreas: Type.Optional(Type.Array(Id('Org node id or code'), { minItems: 1, maxItems: 20, uniqueItems: true, description: 'The org nodes they serve (replaces the previous list)' })),
    contactPreference: Type.Optional(ContactPreferenceSchema),
    note: OptionalNote(500, 'What they can do'),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TalentConfirmBody = Type.Object(
  {
    skills: Type.Optional(Type.Array(SkillInput, { maxItems: 20, description: 'Levels as staff confirm them; skills not listed are confirmed at their proposed level' })),
    note: Type.Optional(Note(200, 'A note for the history')),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Text(200, 'Why (kept in the history)') }, { additionalProperties: false });

export const SkillPutBody = Type.Object({ level: SkillLevel }, { additionalProperties: false });

export const ReserveBody = Type.Object(
  { candidate: Type.Boolean({ description: 'Mark (true) or unmark (false) as a reserve candidate (后备力量)' }), note: Type.Optional(Note(200, 'Why')) },
  { additionalProperties: false },
);

export const TalentPersonalData = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String({ description: 'Unmasked mobile number' })),
});

export const TalentEventView = Type.Object({
  at: Timestamp,
  action: Type.String(),
  actionLabel: Type.String(),
  actor: Type.String({ description: 'Who did it' }),
  fromStatus: Nullable(TalentStatusSchema),
  toStatus: Nullable(TalentStatusSchema),
  note: Nullable(Type.String()),
});

export const RecommendationView = Type.Object({
  at: Timestamp,
  origin: Type.String({ description: 'survey, recommendation, self_nomination or in_service' }),
  originLabel: Type.String(),
  by: Type.String({ description: 'Who recorded it' }),
  recommenderName: Nullable(Type.String({ description: 'The resident who recommended them' })),
  skills: Type.Array(Type.String({ description: 'Skill labels put forward' })),
  note: Nullable(Type.String()),
});

/** 一人一档: one talent's file. Later parts add their own sections (services, hours, points, feedback). */
export const TalentFile = Type.Object({
  profile: TalentView,
  recommendations: Type.Array(RecommendationView, { description: 'How they came to the pool and who put them forward, oldest first' }),
  history: Type.Array(TalentEventView, { description: 'Every change, oldest first: who did what and when' }),
  services: Type.Object(
    {
      servicesDone: Type.Integer({ description: 'Service orders verified' }),
      hours: Type.Number({ description: 'Verified hours of service' }),
      points: Type.Integer({ description: 'Points those services paid' }),
      averageRating: Nullable(Type.Number({ description: 'Average of the requesters\' ratings that may be shown (1–5)' })),
      services: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'Each verified service, newest first' }),
      feedback: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'Ratings received, once both sides rated or a week passed' }),
    },
    { description: 'Service orders (服务点单) done: services, hours, points, feedback received' },
  ),
  generatedAt: Timestamp,
});
