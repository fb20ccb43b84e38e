import { Type } from '@sinclair/typebox';
import { Nullable } from '../../http/schemas.ts';
import { MAX_SKILL_LEVEL, SHARED_RESOURCE_KIND_CODES, SKILL_CODES, TEAM_KIND_CODES } from './taxonomy.ts';

/** Pieces every volunteers schema shares: ids, single-line text, skill codes and weekly hours. */

// Single-line text: control characters (NUL above all, which PostgreSQL refuses to store) are refused at the edge.
const SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F]*$';
// Free text may span lines but holds no other control characters.
const MULTI_LINE = '^[^\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

export const Id = (description: string) => Type.String({ minLength: 1, maxLength: 100, pattern: SINGLE_LINE, description });
export const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: '^[^\\u0000-\\u001F\\u007F]*\\S[^\\u0000-\\u001F\\u007F]*$', description });
export const Note = (maxLength: number, description: string) => Type.String({ maxLength, pattern: MULTI_LINE, description });
export const Mobile = Type.String({ minLength: 1, maxLength: 20, pattern: SINGLE_LINE, description: 'Mainland mobile number, 11 digits (1[3-9]xxxxxxxxx)' });
export const Landline = Type.String({ minLength: 1, maxLength: 20, pattern: SINGLE_LINE, description: 'A mobile number or a landline with area code (0891-6321234)' });
export const Abilities = Type.Array(Type.String(), { description: 'What the current user may do with this record' });
export const Timestamp = Type.String({ format: 'date-time' });
export const LocalDay = Type.String({ format: 'date', description: 'Local date, YYYY-MM-DD' });

export const SkillCode = Type.Union(SKILL_CODES.map((c) => Type.Literal(c)), { description: 'Skill code from GET /api/v1/talents/taxonomy' });
export const SkillLevel = Type.Integer({ minimum: 1, maximum: MAX_SKILL_LEVEL, description: '1 会做 basic, 2 熟练 skilled, 3 专业 expert' });
export const TeamKind = Type.Union(TEAM_KIND_CODES.map((c) => Type.Literal(c)), { description: 'Team kind: 文艺演出队, 银龄先锋队, 健康守护队, 六义社, ...' });
export const SharedResourceKind = Type.Union(SHARED_RESOURCE_KIND_CODES.map((c) => Type.Literal(c)), { description: 'parking 停车场, gym 运动馆, toilet 卫生间, meeting_room 会议室, ...' });

export const WeeklySlotSchema = Type.Object(
  {
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: 'ISO weekdays: 1 Monday … 7 Sunday' }),
    from: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Start, local time HH:mm' }),
    to: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', description: 'End, local time HH:mm (24:00 for midnight)' }),
  },
  { additionalProperties: false },
);
export const WeeklyHours = (description: string) => Type.Array(WeeklySlotSchema, { maxItems: 21, description });

export const NodeRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.String() });
export const LngLatInput = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], { description: '[lng, lat] (WGS84)' });
export const OptionalNote = (maxLength: number, description: string) => Type.Optional(Nullable(Note(maxLength, description)));
