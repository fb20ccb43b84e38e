import type { FastifyRequest } from 'fastify';
import type { Locale } from './errors.ts';

/** zh-CN unless the caller asks for English first (Accept-Language: en, en-US, ...). */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
