import { Type } from '@sinclair/typebox';
import { Paging } from '../../http/schemas.ts';
import { CHANNELS } from './kinds.ts';
import { CASE_STATES } from './lifecycle.ts';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const PhotoIds = Type.Array(Id, { maxItems: 6, description: 'Photos uploaded first with POST /api/v1/photos (at most 6)' });

export const ChannelSchema = Type.Union(CHANNELS.map((c) => Type.Literal(c)), { description: 'app (a resident), proxy (代办), patrol, visit, api, open311, hotline, sensor' });
export const GradeSchema = Type.Union([Type.Literal('normal'), Type.Literal('urgent')], { description: 'normal 一般 / urgent 紧急' });
const Satisfaction = Type.Union([Type.Literal('satisfied'), Type.Literal('basically_satisfied'), Type.Literal('dissatisfied')], { description: '满意 / 基本满意 / 不满意' });

export const NewCaseBody = Type.Object(
  {
    kind: Type.Optional(Type.String({ maxLength: 40, description: 'Case kind: demand (default) or patrol_report' })),
    channel: Type.Optional(ChannelSchema),
    description: Text(2000, 'What is wrong, in the reporter\'s words'),
    location: Type.Optional(Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false, description: 'WGS84 point' })),
    compoundId: Type.Optional(Id),
    address: Type.Optional(Text(200)),
    category: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'Minor category code; omitted: the classifier proposes one' })),
    nature: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: '01 咨询, 02 求助 (default), 03 投诉, 04 举报, 05 建议, 06 表扬, 99 其他' })),
    grade: Type.Optional(GradeSchema),
    photoIds: Type.Optional(PhotoIds),
    contactPreference: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('app'), Type.Literal('none')])),
    reporter: Type.Optional(Type.Object({ name: Type.Optional(Text(50)), phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$' })) }, { additionalProperties: false, description: 'How to reach an anonymous reporter back (kept private)' })),
    proxyFor: Type.Optional(Type.Object({ residentId: Type.Optional(Id), name: Type.Optional(Text(50)), phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$' })), consent: Text(500, 'How the resident consented (代办同意), e.g. "本人口头同意，网格员记录"') }, { additionalProperties: false, description: '代办: filed by staff for a resident' })),
    isPublic: Type.Optional(Type.Boolean({ description: 'Staff only: show on the public board' })),
    data: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { description: "The kind's own fields", maxProperties: 20 })),
  },
  { additionalProperties: false },
);

export const CaseListQuery = Type.Object(
  {
    node: Type.Optional(Type.String({ maxLength: 100, description: 'Org node (id or code): cases located under it' })),
    state: Type.Optional(Type.Union([Type.Union(CASE_STATES.map((s) => Type.Literal(s))), Type.Array(Type.Union(CASE_STATES.map((s) => Type.Literal(s))), { maxItems: 8 })])),
    family: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('closed')])),
    category: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$', description: 'Major (2 digits) or minor (4 digits) code' })),
    kind: Type.Optional(Type.String({ maxLength: 40 })),
    channel: Type.Optional(ChannelSchema),
    overdue: Type.Optional(Type.Boolean()),
    needsReview: Type.Optional(Type.Boolean({ description: 'Waiting for a person to confirm the category' })),
    mine: Type.Optional(Type.Boolean({ description: 'Cases I handle (staff) or reported (residents)' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Chinese full-text search in description and address' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'Reported on or after this local day' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Reported on or before this local day' })),
    ...Paging,
  },
  { additionalProperties: false },
);

const Reason = Type.Object({ reason: Text(1000) }, { additionalProperties: false });
const Target = { staffId: Type.Optional(Id), node: Type.Optional(Type.String({ maxLength: 100, description: 'Org node (id or code) as the handling unit' })) };

export const ActionBodies = {
  dispatch: Type.Object({ ...Target, category: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })) }, { additionalProperties: false }),
  accept: Type.Object({}, { additionalProperties: false }),
  return: Reason,
  transfer: Type.Object({ ...Target, reason: Text(1000) }, { additionalProperties: false }),
  escalate: Type.Object({ ...Target, reason: Text(1000) }, { additionalProperties: false }),
  extend: Type.Object({ workingDays: Type.Integer({ minimum: 1, maximum: 60 }), reason: Text(1000) }, { additionalProperties: false }),
  'decide-extension': Type.Object({ approve: Type.Boolean(), note: Type.Optional(Text(1000)) }, { additionalProperties: false }),
  suspend: Reason,
  resume: Type.Object({}, { additionalProperties: false }),
  note: Type.Object({ text: Text(2000), photoIds: Type.Optional(PhotoIds), publicNote: Type.Optional(Type.Boolean({ description: 'Show the text to the reporter' })) }, { additionalProperties: false }),
  resolve: Type.Object({ result: Text(2000, 'What was done'), photoIds: Type.Optional(PhotoIds) }, { additionalProperties: false }),
  verify: Type.Object({ pass: Type.Boolean(), note: Type.Optional(Text(1000)) }, { additionalProperties: false }),
  'follow-up': Type.Object(
    {
      // `app` is the reporter's own rating, which only `/rate` records: a staff note must never pass for the reporter's words.
      method: Type.Union([Type.Literal('visit'), Type.Literal('phone')], { description: 'visit 入户, phone 电话 (the reporter\'s own rating in the app is `/rate`)' }),
      reached: Type.Boolean({ description: 'Whether the reporter was reached (only reached follow-ups count)' }),
      contactedInTime: Type.Optional(Type.Boolean()),
      solved: Type.Optional(Type.Boolean()),
      satisfaction: Type.Optional(Satisfaction),
      comment: Type.Optional(Text(1000)),
    },
    { additionalProperties: false },
  ),
  rate: Type.Object({ satisfaction: Satisfaction, solved: Type.Optional(Type.Boolean()), comment: Type.Optional(Text(1000)) }, { additionalProperties: false }),
  reopen: Reason,
  merge: Type.Object({ into: Type.String({ minLength: 1, maxLength: 64, description: 'Id or number of the open case to merge into' }), reason: Type.Optional(Text(1000)) }, { additionalProperties: false }),
  reject: Reason,
  categorize: Type.Object({ category: Type.String({ pattern: '^[0-9]{4}$' }) }, { additionalProperties: false }),
  grade: Type.Object({ grade: GradeSchema }, { additionalProperties: false }),
} as const;

export const CaseView = Type.Object({}, { additionalProperties: true, description: 'A case; staff see the full record, a reporter the plain view. `abilities` lists what the caller may do now.' });
export const CaseDetail = Type.Object(
  { case: CaseView, timeline: Type.Array(Type.Object({}, { additionalProperties: true })), photos: Type.Array(Type.Object({}, { additionalProperties: true })) },
  { description: 'The case, its timeline and photos' },
);
