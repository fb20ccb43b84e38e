import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { App, AppContext } from './context.ts';
import type { Database } from './db/database.ts';
import { installActor } from './http/actor.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { installWebApp } from './http/web-app.ts';
import { containsNul, validatorCompiler } from './http/validation.ts';
import { AppError } from './http/errors.ts';
import { modules } from './modules.ts';
import { CaseClassifier } from './modules/cases/classification.ts';
import { readFileSync } from 'node:fs';
import { chinaCalendar, loadCalendar } from './platform/calendar/working-days.ts';
import { EventBus } from './platform/events.ts';
import { GridIndex } from './platform/geo/grid-index.ts';

export const VERSION = '0.1.0';

/** Builds the whole HTTP app on an open, migrated store. It never listens; `main.ts` does. */
export async function buildApp(database: Database, config: Config): Promise<{ app: App; ctx: AppContext }> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  const geo = await GridIndex.load(database.db);
  // A deployment may bring its own holidays (e.g. 藏历新年) and time zone; China's calendar otherwise.
  const calendar = config.calendarFile
    ? loadCalendar(readFileSync(config.calendarFile, 'utf8'), { timeZone: config.timeZone })
    : config.timeZone === chinaCalendar.timeZone ? chinaCalendar : loadCalendar(readFileSync(new URL('./platform/calendar/holidays.json', import.meta.url), 'utf8'), { timeZone: config.timeZone });
  const ctx: AppContext = { database, config, geo, bus: new EventBus(), classifier: new CaseClassifier(), calendar };

  installErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  installActor(app, database);
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', problem: 'contains a NUL character' }]);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lianxin (连心) API',
        version: VERSION,
        description:
          'Community grid governance: the org tree and grids, people, accounts, and point → grid routing. ' +
          'Refusals are `{ error: { code, message, details? } }` with the message in the caller\'s language ' +
          '(zh-CN by default, `Accept-Language: en` for English).',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lx_session' },
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
      tags: [{ name: 'system', description: 'Health and documentation' }, ...modules.flatMap((m) => m.tags)],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Health check',
      description: 'Answers 200 when the server and its store are working.',
    },
  }, async () => {
    await sql`select 1`.execute(database.db);
    return { status: 'ok', store: database.store, version: VERSION };
  });

  for (const m of modules) await m.routes(app as unknown as App, ctx);
  await installWebApp(app as unknown as App, ctx);
  await app.ready();
  return { app: app as unknown as App, ctx };
}
