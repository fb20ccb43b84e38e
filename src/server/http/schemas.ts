import { type TSchema, Type } from '@sinclair/typebox';

/** Shared pieces of request and reply schemas. */
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Page number, from 1' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, description: 'Items per page (at most 200)' })),
};

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Items matching the filter, on all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export function limitOffset(q: { page?: number; pageSize?: number }): { limit: number; offset: number; page: number; pageSize: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { limit: pageSize, offset: (page - 1) * pageSize, page, pageSize };
}

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: 'Id or code' }) });

export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

/** A GeoJSON Polygon or MultiPolygon; the geometry rules themselves are checked by the service. */
export const AreaGeometrySchema = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Any(), { minItems: 1, maxItems: 10_000 }),
  },
  { additionalProperties: false, description: 'GeoJSON Polygon or MultiPolygon, positions as [lng, lat] (WGS84)' },
);

export const LngLat = Type.Tuple([Type.Number(), Type.Number()], { description: '[lng, lat]' });
