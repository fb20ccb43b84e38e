import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATABASE_URL } from './db/database.ts';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  databaseUrl: Type.String({ pattern: '^(sqlite:|postgres(ql)?://)' }),
  /** The address residents reach this server at; QR codes on contact cards link there. */
  publicUrl: Type.String({ pattern: '^https?://' }),
  sessionHours: Type.Number({ exclusiveMinimum: 0 }),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  logLevel: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('silent')]),
  /** Login attempts allowed per client and username in a minute. */
  loginAttemptsPerMinute: Type.Integer({ minimum: 1 }),
  /** Where photos are kept (the embedded deployment's local folder). */
  photoDir: Type.String({ minLength: 1 }),
  /** Below this classifier confidence a case waits for a person to confirm its category. */
  classifierThreshold: Type.Number({ minimum: 0, maximum: 1 }),
  /** An open case of the same category this close (metres) and this recent (days) is proposed as a duplicate. */
  duplicateRadiusMeters: Type.Number({ minimum: 1 }),
  duplicateWindowDays: Type.Number({ minimum: 0 }),
  /** How long after closing a reporter may reopen (days). */
  reopenWindowDays: Type.Number({ minimum: 0 }),
  /** Overdue cases still open this long after their deadline go up one tier automatically (hours). */
  autoEscalateGraceHours: Type.Number({ minimum: 0 }),
  /** Handlers are reminded this long before a deadline (hours). */
  remindBeforeHours: Type.Number({ minimum: 0 }),
  /** Weight of 基本满意 in the satisfaction rate (1 counts it as satisfied). */
  basicallySatisfiedWeight: Type.Number({ minimum: 0, maximum: 1 }),
  /** A deployment's own holiday calendar (same format as platform/calendar/holidays.json); empty: China's. */
  calendarFile: Type.String(),
  /** The time zone of the domain: deadlines, working days and reporting days. */
  timeZone: Type.String({ minLength: 1 }),
  /** How often the scheduler looks for due deadlines (seconds; 0 turns it off). */
  schedulerIntervalSeconds: Type.Number({ minimum: 0 }),
  /** The built web app (`npm run build:web`); the API works without it. */
  webDir: Type.String({ minLength: 1 }),
  /** A map tile URL template ({z}/{x}/{y}) when the network has a tile server; empty draws grids on a plain background. */
  mapTileUrl: Type.String(),
  mapTileAttribution: Type.String(),
});

export type Config = Static<typeof ConfigSchema>;

/** Settings from the environment (and overrides), checked once at start-up so a typo fails loudly. */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  const config = {
    port,
    host,
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${overrides.port ?? port}`,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    logLevel: (env.LOG_LEVEL ?? 'info') as Config['logLevel'],
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? 10),
    photoDir: env.PHOTO_DIR ?? './data/photos',
    classifierThreshold: Number(env.CLASSIFIER_THRESHOLD ?? 0.5),
    duplicateRadiusMeters: Number(env.DUPLICATE_RADIUS_METERS ?? 250),
    duplicateWindowDays: Number(env.DUPLICATE_WINDOW_DAYS ?? 7),
    reopenWindowDays: Number(env.REOPEN_WINDOW_DAYS ?? 30),
    autoEscalateGraceHours: Number(env.AUTO_ESCALATE_GRACE_HOURS ?? 24),
    remindBeforeHours: Number(env.REMIND_BEFORE_HOURS ?? 4),
    basicallySatisfiedWeight: Number(env.BASICALLY_SATISFIED_WEIGHT ?? 1),
    schedulerIntervalSeconds: Number(env.SCHEDULER_INTERVAL_SECONDS ?? 60),
    calendarFile: env.CALENDAR_FILE ?? '',
    timeZone: env.TIME_ZONE ?? 'Asia/Shanghai',
    webDir: env.WEB_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    mapTileUrl: env.MAP_TILE_URL ?? '',
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION ?? '',
    ...overrides,
  };
  if (!Value.Check(ConfigSchema, config)) {
    const first = [...Value.Errors(ConfigSchema, config)][0];
    throw new Error(`Invalid setting ${first?.path}: ${first?.message}`);
  }
  return config;
}
