import { Type } from '@sinclair/typebox';
import { Nullable, Paging, pageOf } from '../../http/schemas.ts';
import { STAFF_ROLES } from './roles.ts';

export const StaffRoleSchema = Type.Union(STAFF_ROLES.map((r) => Type.Literal(r)), {
  description: 'grid_leader 网格长, grid_worker 专职网格员, community_worker 社区工作者, part_time_grid_worker 兼职网格员, police_officer 民警',
});

const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: 'Full name, as printed on contact cards' });
const WorkPhone = Type.String({
  minLength: 1,
  maxLength: 20,
  description: 'Work phone, public on contact cards: a mobile number (13800000000) or a landline with area code (0891-6321234)',
});

export const AssignmentView = Type.Object({
  id: Type.String(),
  nodeId: Type.String(),
  nodeCode: Type.String(),
  nodeName: Type.String(),
  nodeKind: Type.String({ description: 'Kind of the org node: district, street, community, sector or grid' }),
  role: StaffRoleSchema,
  roleLabel: Type.String({ description: "The role's name in the caller's language" }),
  policeBeatId: Nullable(Type.String()),
  onDuty: Type.Boolean({ description: 'On duty (在岗); on-duty people come first on contact cards' }),
});

export const StaffView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  workPhone: Nullable(Type.String()),
  assignments: Type.Array(AssignmentView, { description: "Roles at org nodes inside the caller's scope" }),
  abilities: Type.Array(Type.String(), { description: 'What the current user may do with this staff member' }),
});

export const StaffPage = pageOf(StaffView);

export const StaffListQuery = Type.Object(
  {
    node: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only staff assigned at or under this org node (id or code)' })),
    role: Type.Optional(StaffRoleSchema),
    ...Paging,
  },
  { additionalProperties: false },
);

export const StaffParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: 'Staff id' }) });

export const AssignmentParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'Staff id' }),
  assignmentId: Type.String({ minLength: 1, maxLength: 100, description: 'Assignment id' }),
});

export const StaffCreateBody = Type.Object({ name: Name, workPhone: WorkPhone }, { additionalProperties: false });

export const StaffPatchBody = Type.Object(
  { name: Type.Optional(Name), workPhone: Type.Optional(WorkPhone) },
  { additionalProperties: false, minProperties: 1 },
);

export const AssignmentCreateBody = Type.Object(
  {
    node: Type.String({ minLength: 1, maxLength: 100, description: 'Org node id or code (a grid for grid leaders and grid workers)' }),
    role: StaffRoleSchema,
    policeBeat: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Police beat (警格) id or code; police officers only' }))),
  },
  { additionalProperties: false },
);

export const AssignmentPatchBody = Type.Object(
  { onDuty: Type.Boolean({ description: 'On duty (在岗) or not' }) },
  { additionalProperties: false },
);

export const GridRefParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: 'Grid id or code' }) });
export const GridCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100, description: 'Grid code (or id)' }) });

export const ContactCardQuery = Type.Object(
  {
    format: Type.Optional(Type.Literal('svg', { default: 'svg', description: 'Only SVG: it prints sharply at any size' })),
    lang: Type.Optional(Type.String({ maxLength: 20, description: 'zh-CN (default) or en; Accept-Language: en works too' })),
  },
  // Links shared in chat apps come back with tracking parameters appended; a printed QR must keep working.
  { additionalProperties: true },
);

export const GridPageQuery = Type.Object(
  { lang: Type.Optional(Type.String({ maxLength: 20, description: 'zh-CN (default) or en; Accept-Language: en works too' })) },
  { additionalProperties: true },
);
