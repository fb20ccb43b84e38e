import { Type } from '@sinclair/typebox';
import { AreaGeometrySchema, LngLat, Nullable, Paging } from '../../http/schemas.ts';

export const OrgKindSchema = Type.Union(
  [Type.Literal('district'), Type.Literal('street'), Type.Literal('community'), Type.Literal('sector'), Type.Literal('grid')],
  { description: 'district 区/县, street 街道/乡镇, community 社区/村, sector 片区, grid 网格' },
);

export const NodeRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const OrgNodeView = Type.Object({
  id: Type.String(),
  kind: OrgKindSchema,
  code: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
  centroid: Nullable(LngLat),
  hasBoundary: Type.Boolean({ description: 'Whether the node has a polygon' }),
  abilities: Type.Array(Type.String(), { description: 'What the current user may do with this node' }),
});

export const GridView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  community: Nullable(NodeRef),
  sector: Nullable(NodeRef),
  centroid: Nullable(LngLat),
  abilities: Type.Array(Type.String()),
});

export const GridDetail = Type.Composite([GridView, Type.Object({ street: Nullable(NodeRef), geometry: Type.Any({ description: 'GeoJSON geometry' }) })]);

export const NodeListQuery = Type.Object(
  {
    node: Type.Optional(Type.String({ description: 'Only nodes under this org node (id or code)' })),
    parent: Type.Optional(Type.String({ description: 'Only direct children of this node (id or code)' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Name or code contains' })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const NodeCreateBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: 'Stable code, unique across the tree' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    parent: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Parent node id or code' }))),
    geometry: Type.Optional(AreaGeometrySchema),
  },
  { additionalProperties: false },
);

export const GridCreateBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    parent: Type.String({ minLength: 1, maxLength: 100, description: 'Community or sector id or code' }),
    geometry: AreaGeometrySchema,
  },
  { additionalProperties: false },
);

export const NodePatchBody = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    geometry: Type.Optional(AreaGeometrySchema),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const FeatureCollectionBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Any(), { maxItems: 20_000 }),
  },
  { additionalProperties: true, description: 'GeoJSON FeatureCollection of Polygon/MultiPolygon features with properties.code and properties.name (and optionally community, street, district, sector)' },
);

export const ImportQuery = Type.Object(
  {
    community: Type.Optional(Type.String({ maxLength: 100, description: 'Community (code or name) for features that name none' })),
    fileName: Type.Optional(Type.String({ maxLength: 200, description: 'Original file name; names the community when no parent is given anywhere' })),
  },
  { additionalProperties: false },
);

export const ImportReport = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  parentsCreated: Type.Array(Type.Object({ kind: OrgKindSchema, code: Type.String(), name: Type.String() })),
});

export const PoliceBeatView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  node: NodeRef,
  centroid: LngLat,
  geometry: Type.Any(),
});

export const PoliceBeatCreateBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    node: Type.String({ minLength: 1, maxLength: 100, description: 'The community or street it belongs to (id or code)' }),
    geometry: AreaGeometrySchema,
  },
  { additionalProperties: false },
);

export const PoliceBeatPatchBody = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    geometry: Type.Optional(AreaGeometrySchema),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ContactView = Type.Object({
  name: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  workPhone: Nullable(Type.String()),
});

export const RouteQuery = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude (WGS84)' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude (WGS84)' }),
  },
  { additionalProperties: false },
);

export const RouteReply = Type.Object({
  point: LngLat,
  grid: Nullable(NodeRef),
  sector: Nullable(NodeRef),
  community: Nullable(NodeRef),
  street: Nullable(NodeRef),
  district: Nullable(NodeRef),
  policeBeat: Nullable(NodeRef),
  contacts: Type.Array(ContactView, { description: "The grid's staff and the beat's police officers (便民联系卡)" }),
});

export const TreeNode: any = Type.Recursive((This) =>
  Type.Object({ id: Type.String(), kind: OrgKindSchema, code: Type.String(), name: Type.String(), children: Type.Array(This) }),
);
