import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { CaseClassifier } from './modules/cases/classification.ts';
import type { Calendar } from './platform/calendar/working-days.ts';
import type { EventBus } from './platform/events.ts';
import type { GridIndex } from './platform/geo/grid-index.ts';

/** What every module's routes receive: the store, the settings and the shared in-memory indexes. */
export interface AppContext {
  database: Database;
  config: Config;
  /** Point → grid / police beat lookups; rebuilt whenever grids or beats change. */
  geo: GridIndex;
  /** Case changes, announced after commit (live stream, notifications). */
  bus: EventBus;
  /** The case classifier, retrained with staff corrections. */
  classifier: CaseClassifier;
  /** Working days and the time zone deadlines and reporting days are computed in. */
  calendar: Calendar;
}

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

/** A feature folder's manifest: its name, its OpenAPI tags and its routes. */
export interface LianxinModule {
  name: string;
  tags: { name: string; description: string }[];
  routes(app: App, ctx: AppContext): void | Promise<void>;
}
