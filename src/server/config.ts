import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
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
    ...overrides,
  };
  if (!Value.Check(ConfigSchema, config)) {
    const first = [...Value.Errors(ConfigSchema, config)][0];
    throw new Error(`Invalid setting ${first?.path}: ${first?.message}`);
  }
  return config;
}
