import { isBadValue, isUniqueViolation } from '../db/store-errors.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorMessage } from './errors.ts';
import { requestLocale } from './locale.ts';

// Fastify's own error codes, mapped onto our catalogue.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** One error handler: every refusal has the same shape and a message in the caller's language. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = requestLocale(request);
    let code: ErrorCode;
    let details: unknown;
    if (error instanceof AppError) {
      code = error.code;
      details = error.details;
    } else if (error.validation) {
      code = 'VALIDATION_FAILED';
      details = error.validation.map((v) => ({
        field: `${error.validationContext ?? 'body'}${v.instancePath || ''}`,
        problem: v.message,
        ...(v.params && 'additionalProperty' in v.params ? { unknownField: v.params.additionalProperty } : {}),
      }));
    } else if (error.code && fastifyCodes[error.code]) {
      code = fastifyCodes[error.code];
    } else if (storeRefusal(error)) {
      code = storeRefusal(error)!;
    } else if (error.statusCode === 429) {
      code = 'RATE_LIMITED';
    } else if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      code = error.statusCode === 413 ? 'BODY_TOO_LARGE' : error.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
    } else {
      request.log.error({ err: error }, 'unhandled error');
      code = 'INTERNAL';
    }
    const status = code === 'INTERNAL' ? 500 : (error instanceof AppError ? error.status : errorStatus(code));
    return reply.status(status).send({ error: { code, message: errorMessage(code, locale, details), ...(details === undefined ? {} : { details }) } });
  });

}

/** The answer for a path no route serves (the web app's not-found handler falls back to it). */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', requestLocale(request)) } });
}

/**
 * Refusals that only the store can detect: a unique key taken by a concurrent write, or text PostgreSQL
 * cannot hold (a NUL character). They are the caller's problem, not a server fault.
 */
function storeRefusal(error: unknown): ErrorCode | null {
  if (isUniqueViolation(error)) return 'CONFLICT';
  if (isBadValue(error)) return 'VALIDATION_FAILED';
  return null;
}

function errorStatus(code: ErrorCode): number {
  return new AppError(code).status;
}
