import { Type } from '@sinclair/typebox';
import { Nullable, Paging } from '../../http/schemas.ts';
import { TalentStatusSchema } from './talents.schemas.ts';
import { Abilities, Id, LocalDay, NodeRef, Note, SkillCode, TeamKind, Text, Timestamp } from './volunteers.schemas.ts';

const Services = Type.Array(SkillCode, { maxItems: 20, uniqueItems: true, description: 'Skills the team offers (六义社: haircut 义剪, charity_sale 义卖, performance 义演, household_repairs 义修, health_check 义诊, delivery 义送)' });

export const TeamView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  purpose: Nullable(Type.String()),
  services: Type.Array(Type.Object({ skill: Type.String(), label: Type.String() })),
  community: NodeRef,
  leader: Nullable(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'The team leader (队长), a talent' })),
  memberCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: Abilities,
});

export const TeamMemberView = Type.Object({
  talentId: Type.String(),
  name: Type.String(),
  status: TalentStatusSchema,
  leader: Type.Boolean(),
  joinedOn: LocalDay,
});

export const TeamDetail = Type.Composite([TeamView, Type.Object({ members: Type.Array(TeamMemberView) })]);

export const TeamListQuery = Type.Object(
  {
    node: Type.Optional(Id('Only teams at or under this org node (id or code)')),
    kind: Type.Optional(TeamKind),
    skill: Type.Optional(SkillCode),
    q: Type.Optional(Type.String({ maxLength: 50, pattern: '^[^\\u0000-\\u001F\\u007F]*$', description: 'Name contains' })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const TeamParams = Type.Object({ id: Id('Team id') });
export const TeamMemberParams = Type.Object({ id: Id('Team id'), talentId: Id('Talent id') });

export const TeamCreateBody = Type.Object(
  {
    name: Text(50, 'Name, unique in the community, e.g. 六义社'),
    kind: TeamKind,
    purpose: Type.Optional(Note(500, 'What the team does')),
    services: Type.Optional(Services),
    community: Id('The community (id or code) the team belongs to'),
    leader: Type.Optional(Id('Talent id of the leader (队长); they join the team')),
  },
  { additionalProperties: false },
);

export const TeamPatchBody = Type.Object(
  {
    name: Type.Optional(Text(50, 'Name, unique in the community')),
    kind: Type.Optional(TeamKind),
    purpose: Type.Optional(Nullable(Note(500, 'What the team does'))),
    services: Type.Optional(Services),
    leader: Type.Optional(Nullable(Id('Talent id of the leader; they join the team if they are not a member; null for none'))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TeamMemberBody = Type.Object(
  { joinedOn: Type.Optional(LocalDay) },
  { additionalProperties: false, description: 'joinedOn: the day they joined (default today)' },
);
