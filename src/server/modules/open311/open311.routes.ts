import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../context.ts';
import { AppError, type ErrorCode, type Locale, errorMessage } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { actorFromApiKey } from '../auth/auth.service.ts';
import { inTransaction } from '../cases/cases.routes.ts';
import { submitCase } from '../cases/intake.service.ts';
import { allServiceCategories, serviceDefinitionView, serviceView } from './open311.catalogue.ts';
import { type Format, errorDocument, formatOfUrl, render } from './open311.format.ts';
import { CommonQuery, FormatParam, PostRequestBody, RequestIdParams, RequestsQuery, ServiceCodeParams, TokenParams } from './open311.schemas.ts';
import * as service from './open311.service.ts';

export const OPEN311_PREFIX = '/open311/v2';

const PRODUCES = ['application/json', 'text/xml'];
const SPEC = 'GeoReport v2 (http://wiki.open311.org/GeoReport_v2)';

/** Chinese unless the caller asks for English by `locale=en` or `Accept-Language: en`. */
function localeOf(request: FastifyRequest): Locale {
  const asked = (request.query as Record<string, unknown> | undefined)?.locale;
  if (typeof asked === 'string' && asked) return asked.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  return requestLocale(request);
}

function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  const { body, contentType } = render(format, root, value);
  return reply.status(status).type(contentType).send(body);
}

/** Form fields as sent: one string per name, a list when a name repeats. Keys never reach a prototype. */
export function parseForm(text: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  const params = new URLSearchParams(text);
  let count = 0;
  for (const [key, value] of params) {
    if (++count > 500) throw new AppError('OPEN311_PARAMETER_INVALID', { parameter: 'body', problemZh: '字段过多', problemEn: 'too many fields' });
    const seen = fields.get(key);
    fields.set(key, seen === undefined && !key.endsWith('[]') ? value : [...(Array.isArray(seen) ? seen : seen === undefined ? [] : [seen]), value]);
  }
  return Object.fromEntries(fields);
}

/**
 * The poster's API key, from the form field `api_key` (the spec) or the `X-Api-Key` header (the rest of
 * our API), or a 403. Not from the query string, where keys end up in access logs.
 */
async function requireApiKey(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const body = request.body as Record<string, unknown> | undefined;
  const candidates = [body?.api_key, request.headers['x-api-key']];
  const key = candidates.find((k): k is string => typeof k === 'string' && k.trim() !== '');
  const actor = key ? await actorFromApiKey(ctx.database.db, key.trim()) : null;
  if (actor?.kind !== 'api_key') throw new AppError('OPEN311_API_KEY_INVALID');
  request.actor = actor;
}

// Refusals Fastify raises before a route runs, in the catalogue's words.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
};

/**
 * Errors as the spec has them: `[{ code, description }]` or `<errors><error>…`, in the format the URL
 * asked for, with the HTTP status the spec prescribes: 404 for what does not exist, 403 for a missing or
 * wrong api_key, "basically 400 for any other error" (a server fault too, which is also logged).
 */
function sendError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  let code: ErrorCode;
  let details: unknown;
  let extra = '';
  if (error instanceof AppError) {
    code = error.code;
    details = error.details;
  } else if (error.validation) {
    code = 'VALIDATION_FAILED';
    const first = error.validation[0];
    extra = first ? ` (${error.validationContext ?? 'request'}${first.instancePath || ''} ${first.message ?? ''})` : '';
  } else if (error.code && FASTIFY_CODES[error.code]) {
    code = FASTIFY_CODES[error.code]!;
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    code = error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
  } else {
    request.log.error({ err: error }, 'open311: unhandled error');
    code = 'INTERNAL';
  }
  const status = new AppError(code).status;
  const http = status === 403 || status === 404 ? status : 400;
  const { body, contentType } = errorDocument(formatOfUrl(request.url), [{ code: http, description: `${errorMessage(code, localeOf(request), details)}${extra}` }]);
  return reply.status(http).type(contentType).send(body);
}

/** Open311 GeoReport v2 at /open311/v2, in its own encapsulated scope: its own body parser and error format. */
export async function open311Routes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;
  await app.register(async (scope: App) => {
    // The spec posts application/x-www-form-urlencoded; parsed here only, so the rest of the API stays JSON.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, text, done) => {
      try {
        done(null, parseForm(text as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    scope.setErrorHandler(sendError);
    scope.setNotFoundHandler((request, reply) => sendError(new AppError('ROUTE_NOT_FOUND'), request, reply));

    scope.get('/discovery.:format', {
      schema: {
        tags: ['open311'],
        summary: 'Open311 service discovery',
        description: `The discovery document of ${SPEC}: changeset, contact, how to get an API key, and the GeoReport v2 endpoint with its formats.`,
        params: FormatParam,
        querystring: CommonQuery,
        produces: PRODUCES,
      },
    }, async (request, reply) => send(reply, request.params.format, 'discovery', service.discovery(ctx, localeOf(request))));

    scope.get('/services.:format', {
      schema: {
        tags: ['open311'],
        summary: 'Open311 GET services',
        description:
          `The service list of ${SPEC}: one service per minor category of the taxonomy (service_code = category code), named in Chinese (English with \`locale=en\` or \`Accept-Language: en\`), ` +
          'grouped by major category, with its time limits as the description. All are `realtime`: a POST answers with the case number at once. `metadata` is true when the service\'s case kind has fields of its own.',
        params: FormatParam,
        querystring: CommonQuery,
        produces: PRODUCES,
      },
    }, async (request, reply) => {
      const locale = localeOf(request);
      return send(reply, request.params.format, 'services', allServiceCategories().map((c) => serviceView(c, locale)));
    });

    scope.get('/services/:service_code.:format', {
      schema: {
        tags: ['open311'],
        summary: 'Open311 GET service definition',
        description: `The service definition of ${SPEC}: the attributes a request may carry. Every service has \`nature\` (诉求性质: 咨询, 求助, 投诉, 举报, 建议, 表扬, 其他), a singlevaluelist; services filed as a case kind with fields list those too. 404 for an unknown service_code.`,
        params: ServiceCodeParams,
        querystring: CommonQuery,
        produces: PRODUCES,
      },
    }, async (request, reply) => {
      const c = service.requireService(request.params.service_code);
      return send(reply, request.params.format, 'service_definition', serviceDefinitionView(c, localeOf(request)));
    });

    scope.post('/requests.:format', {
      preValidation: async (request) => requireApiKey(ctx, request),
      schema: {
        tags: ['open311'],
        summary: 'Open311 POST service request',
        description:
          `Files a case through the case engine's intake (channel \`open311\`), per ${SPEC}. Form-encoded; \`api_key\` required (403 without a valid one, and nothing is written). ` +
          'Needs service_code and a location: lat/long, or the exact name (address_string) or id (address_id) of a compound. The reporter\'s name and phone are kept privately for call-backs and never published. ' +
          'Answers 200 with `[{ service_request_id, service_notice, account_id }]`; service_request_id is the case number (LX-2026-000123).',
        consumes: ['application/x-www-form-urlencoded'],
        params: FormatParam,
        querystring: CommonQuery,
        body: PostRequestBody,
        produces: PRODUCES,
      },
    }, async (request, reply) => {
      const input = await service.newCaseFromRequest(db, (request.body ?? {}) as service.PostedForm);
      const { case: c } = await inTransaction(ctx, (tx) => submitCase(tx, ctx, request.actor, input));
      return send(reply, request.params.format, 'service_requests', service.postedView(c, localeOf(request)));
    });

    scope.get('/requests.:format', {
      schema: {
        tags: ['open311'],
        summary: 'Open311 GET service requests',
        description:
          `Published cases (public categories, not withdrawn from the board) as ${SPEC} requests, newest first, at most 1000: by service_request_id (overrides the rest), service_code, status (open, closed) and requested_datetime between start_date and end_date ` +
          '(the last 90 days by default; a range may not span more than 90 days). Status: open while being handled, closed once resolved, closed, merged (a duplicate) or not taken on. ' +
          'No personal data: phone and ID numbers and reporters\' names are masked in text, points rounded to about 100 m, addresses given as the compound or the grid, photos only when staff released them.',
        params: FormatParam,
        querystring: RequestsQuery,
        produces: PRODUCES,
      },
    }, async (request, reply) => {
      return send(reply, request.params.format, 'service_requests', await service.listRequests(db, ctx, request.query, localeOf(request)));
    });

    scope.get('/requests/:service_request_id.:format', {
      schema: {
        tags: ['open311'],
        summary: 'Open311 GET service request',
        description: `One published case as a ${SPEC} request (a list of one), by its number; 404 when there is none or it is not public. The same fields and masking as GET requests.`,
        params: RequestIdParams,
        querystring: CommonQuery,
        produces: PRODUCES,
      },
    }, async (request, reply) => {
      return send(reply, request.params.format, 'service_requests', await service.oneRequest(db, ctx, request.params.service_request_id, localeOf(request)));
    });

    scope.get('/tokens/:token.:format', {
      schema: {
        tags: ['open311'],
        summary: 'Open311 GET service_request_id from a token',
        description: `The token method of ${SPEC}. Requests are answered with their id at once, so no tokens are issued; a case number given as a token is answered with itself, and anything else is 404.`,
        params: TokenParams,
        querystring: CommonQuery,
        produces: PRODUCES,
      },
    }, async (request, reply) => send(reply, request.params.format, 'service_requests', await service.requestIdOfToken(db, request.params.token)));
  }, { prefix: OPEN311_PREFIX });
}
