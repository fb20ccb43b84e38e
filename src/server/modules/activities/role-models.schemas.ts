import { Type } from '@sinclair/typebox';
import { Nullable, Paging } from '../../http/schemas.ts';
import { Abilities, Id, NodeRef, Text, Timestamp } from '../volunteers/volunteers.schemas.ts';

const Person = Type.Object(
  { kind: Type.Union([Type.Literal('resident'), Type.Literal('talent')]), id: Id('Resident id or talent id') },
  { additionalProperties: false },
);
const People = Type.Array(Person, { maxItems: 20, description: 'Who the story is about: residents or talents of the talent pool, under the caller\'s reach' });
const PhotoIds = Type.Array(Id('Photo id from POST /api/v1/photos'), { maxItems: 9, uniqueItems: true });

/** What the public reads: the name the office chose to show, never the people's records. */
export const RoleModelView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shownName: Type.String({ description: 'The name shown with the story, as the office chose it (e.g. 次仁大爷)' }),
  story: Type.String({ description: 'The story; phone and ID numbers in it are masked' }),
  photoIds: Type.Array(Type.String()),
  community: NodeRef,
  published: Type.Boolean(),
  publishedAt: Nullable(Timestamp),
  people: Type.Optional(Type.Array(Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }), { description: 'Only for the office that keeps the story' })),
  abilities: Abilities,
});

export const RoleModelList = Type.Object({ items: Type.Array(RoleModelView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const RoleModelParams = Type.Object({ id: Id('Role-model story id') });
export const RoleModelListQuery = Type.Object(
  { community: Type.Optional(Id('Community id or code')), ...Paging },
  { additionalProperties: false },
);

export const RoleModelCreateBody = Type.Object(
  {
    community: Id('The community (id or code) publishing the story'),
    title: Text(80, 'Title, e.g. 三十年如一日照顾独居老人'),
    shownName: Text(40, 'The name to show the public'),
    story: Text(5000, 'The story (微事迹)'),
    photoIds: Type.Optional(PhotoIds),
    people: Type.Optional(People),
  },
  { additionalProperties: false },
);

export const RoleModelPatchBody = Type.Object(
  {
    title: Type.Optional(Text(80, 'Title')),
    shownName: Type.Optional(Text(40, 'The name to show the public')),
    story: Type.Optional(Text(5000, 'The story')),
    photoIds: Type.Optional(PhotoIds),
    people: Type.Optional(People),
  },
  { additionalProperties: false, minProperties: 1 },
);
