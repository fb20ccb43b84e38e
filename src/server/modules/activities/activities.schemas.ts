import { Type } from '@sinclair/typebox';
import { Nullable, Paging } from '../../http/schemas.ts';
import { Abilities, Id, LocalDay, NodeRef, Note, Text, Timestamp } from '../volunteers/volunteers.schemas.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATES, POINTS_OUTCOMES } from './labels.ts';

const Instant = (description: string) => Type.String({ format: 'date-time', maxLength: 40, description: `${description} (ISO 8601 instant, e.g. 2026-05-16T10:00:00+08:00)` });
export const ActivityKindSchema = Type.Union(ACTIVITY_KINDS.map((k) => Type.Literal(k)), { description: 'class 课堂, match 比赛, talk 讲座, performance 演出, service_day 志愿服务日 (e.g. 六义社 义剪), other' });
export const ActivityStateSchema = Type.Union(ACTIVITY_STATES.map((s) => Type.Literal(s)), { description: 'draft 草稿, published 已发布, cancelled 已取消, finished 已结束' });
const Location = Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false, description: 'WGS84' });
const Capacity = Type.Integer({ minimum: 1, maximum: 100_000, description: 'Places (名额); absent or null for no limit' });

/** What anyone may read of an activity: counts, never names. */
export const ActivityView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: ActivityKindSchema,
  kindLabel: Type.String(),
  description: Nullable(Type.String()),
  community: NodeRef,
  address: Type.String(),
  location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  startsAt: Timestamp,
  endsAt: Timestamp,
  localDay: LocalDay,
  localTime: Type.String({ description: 'Start to end in the deployment\'s time zone, HH:mm–HH:mm' }),
  capacity: Nullable(Type.Integer()),
  signUpOpensAt: Nullable(Timestamp),
  signUpClosesAt: Nullable(Timestamp),
  organiser: Type.Object({ name: Type.String(), team: Nullable(Type.Object({ name: Type.String() }, { description: 'The organising volunteer team, by name (teams themselves are the office\'s records)' })) }),
  state: ActivityStateSchema,
  stateLabel: Type.String(),
  cancelReason: Nullable(Type.String()),
  earnsPoints: Type.Boolean({ description: 'Whether attendance earns points under the community\'s activity_attendance rule' }),
  signedUp: Type.Integer({ description: 'Residents signed up now' }),
  attended: Type.Integer({ description: 'Residents checked in' }),
  seatsLeft: Nullable(Type.Integer({ description: 'Places left (sign-ups and walk-ins take one each); null without a limit' })),
  publishedAt: Nullable(Timestamp),
  abilities: Abilities,
});

export const ActivityList = Type.Object({ items: Type.Array(ActivityView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const CalendarView = Type.Object({ community: NodeRef, from: LocalDay, to: LocalDay, items: Type.Array(ActivityView) });

export const ActivityParams = Type.Object({ id: Id('Activity id') });

export const ActivityCreateBody = Type.Object(
  {
    community: Id('The community (id or code) holding the activity'),
    title: Text(80, 'Title, e.g. 书法班（第三期）'),
    kind: ActivityKindSchema,
    description: Type.Optional(Nullable(Note(2000, 'What happens, what to bring'))),
    address: Text(200, 'Where, e.g. 冲赛康社区党群服务中心二楼'),
    location: Type.Optional(Nullable(Location)),
    startsAt: Instant('Start'),
    endsAt: Instant('End, after the start'),
    capacity: Type.Optional(Nullable(Capacity)),
    signUpOpensAt: Type.Optional(Nullable(Instant('Sign-up opens (default: when published)'))),
    signUpClosesAt: Type.Optional(Nullable(Instant('Sign-up closes (default and latest: the start)'))),
    team: Type.Optional(Nullable(Id('A volunteer team of the community that organises it'))),
    earnsPoints: Type.Optional(Type.Boolean({ description: 'Attendance earns points (default true)' })),
  },
  { additionalProperties: false },
);

export const ActivityPatchBody = Type.Object(
  {
    title: Type.Optional(Text(80, 'Title')),
    kind: Type.Optional(ActivityKindSchema),
    description: Type.Optional(Nullable(Note(2000, 'What happens'))),
    address: Type.Optional(Text(200, 'Where')),
    location: Type.Optional(Nullable(Location)),
    startsAt: Type.Optional(Instant('Start')),
    endsAt: Type.Optional(Instant('End')),
    capacity: Type.Optional(Nullable(Capacity)),
    signUpOpensAt: Type.Optional(Nullable(Instant('Sign-up opens'))),
    signUpClosesAt: Type.Optional(Nullable(Instant('Sign-up closes'))),
    team: Type.Optional(Nullable(Id('Organising team, or null'))),
    earnsPoints: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CancelBody = Type.Object({ reason: Text(500, 'Why it is cancelled; residents see it') }, { additionalProperties: false });

export const ActivityListQuery = Type.Object(
  {
    node: Type.Optional(Id('Only activities at or under this org node (id or code)')),
    state: Type.Optional(ActivityStateSchema),
    from: Type.Optional(LocalDay),
    to: Type.Optional(LocalDay),
    ...Paging,
  },
  { additionalProperties: false },
);

export const CalendarQuery = Type.Object(
  {
    community: Type.Optional(Id('Community id or code; a signed-in resident without it sees their own')),
    from: Type.Optional(Type.String({ format: 'date', description: 'First local day (default today)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last local day (default 30 days on; at most 92 days after from)' })),
  },
  { additionalProperties: false },
);

export const SignUpBody = Type.Object(
  { residentId: Type.Optional(Id('For staff signing someone up (代报名, e.g. an elderly resident without a phone); omitted: the caller themselves')) },
  { additionalProperties: false },
);

export const SignUpView = Type.Object({
  activity: ActivityView,
  residentId: Type.String(),
  state: Type.Union([Type.Literal('signed_up'), Type.Literal('withdrawn')]),
  byStaff: Type.Boolean(),
});

export const RosterEntry = Type.Object({
  residentId: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String({ description: 'Masked (138****1234)' })),
  signedUp: Type.Boolean(),
  byStaff: Type.Boolean(),
  checkedIn: Type.Boolean(),
  walkIn: Type.Boolean(),
  method: Nullable(Type.Union([Type.Literal('code'), Type.Literal('staff')])),
  points: Type.Integer(),
  checkedInAt: Nullable(Timestamp),
});
export const Roster = Type.Object({ activity: ActivityView, items: Type.Array(RosterEntry) });

export const CheckInCodeView = Type.Object({
  code: Type.String({ description: 'The secret shown at the door' }),
  qr: Type.String({ description: 'What the QR code holds (lianxin:check-in:<code>)' }),
  validFrom: Timestamp,
  validUntil: Timestamp,
});

export const CheckInBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001F\\u007F]*$', description: 'The code from the door (or the whole QR text)' }) },
  { additionalProperties: false },
);
export const AttendanceBody = Type.Object({ residentId: Id('The resident ticked on the list (or a walk-in)') }, { additionalProperties: false });

export const AttendanceView = Type.Object({
  id: Type.String(),
  activity: ActivityView,
  residentId: Type.String(),
  method: Type.Union([Type.Literal('code'), Type.Literal('staff')]),
  walkIn: Type.Boolean(),
  checkedInAt: Timestamp,
  points: Type.Integer({ description: 'Points paid for this attendance (0 when none)' }),
  pointsOutcome: Type.Union(POINTS_OUTCOMES.map((o) => Type.Literal(o)), { description: 'earned; not_earning (the activity pays none); no_rule (no active activity_attendance rule); limit_reached' }),
  message: Type.String({ description: 'What happened, in the caller\'s language' }),
});

export const MyActivities = Type.Object({ items: Type.Array(Type.Object({ activity: ActivityView, signedUp: Type.Boolean(), checkedIn: Type.Boolean(), points: Type.Integer() })) });

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

const FigureRow = Type.Object({
  held: Type.Integer({ description: 'Activities that took place (published or finished, started in the period, not cancelled)' }),
  cancelled: Type.Integer(),
  signUps: Type.Integer({ description: 'Live sign-ups for those activities' }),
  attendance: Type.Integer({ description: 'Check-ins, walk-ins included' }),
  attendanceRate: Nullable(Type.Number({ description: 'Signed-up residents who came, over sign-ups (0..1); null without sign-ups' })),
  pointsIssued: Type.Integer({ description: 'Points paid at check-in for those activities' }),
});
export const FiguresView = Type.Object({
  node: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  period: Type.Object({ from: LocalDay, to: LocalDay }),
  total: FigureRow,
  communities: Type.Array(Type.Composite([Type.Object({ community: NodeRef }), FigureRow])),
});
