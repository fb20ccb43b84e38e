import type { App } from '../../../src/server/context.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the app's own OpenAPI document, keyed like `GET /api/v1/grids/{id}`. */
export interface Operation {
  key: string;
  method: Method;
  /** The OpenAPI path, with `{name}` placeholders. */
  path: string;
  pathParams: string[];
  query: Schema | null;
  body: Schema | null;
  /** Content types the body may come in, per the document (JSON when it says nothing). */
  bodyTypes: string[];
}

export type Schema = Record<string, any>;

/** Every operation the running app documents, so a new route is fuzzed and scoped without anyone listing it. */
export function operationsOf(app: App): Operation[] {
  const doc = (app as any).swagger() as { paths: Record<string, Record<string, any>> };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Method;
      const params: any[] = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const query = queryParams.length
        ? { type: 'object', properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? {}])), required: queryParams.filter((p) => p.required).map((p) => p.name) }
        : null;
      const content: Record<string, { schema?: Schema }> = op.requestBody?.content ?? {};
      const bodyTypes = Object.keys(content);
      const body = bodyTypes.length ? (content['application/json']?.schema ?? Object.values(content)[0]?.schema ?? {}) : null;
      out.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        query,
        body,
        bodyTypes: bodyTypes.length ? bodyTypes : ['application/json'],
      });
    }
  }
  return out;
}

/** The path with its placeholders filled (values already URL-encoded by the caller). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}
