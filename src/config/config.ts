import { Ajv } from 'ajv';

/** Everything the process can be told, from the environment and the command line. */
export interface Config {
  /** SQLite file of the embedded backend (ignored when `databaseUrl` is set). */
  db: string;
  /** postgres://… of the scale-out backend. */
  databaseUrl: string | null;
  /** Schema inside the PostgreSQL database (default: the search path). */
  databaseSchema: string | null;
  host: string;
  port: number;
  /** Accepted as the admin token of the default workspace. */
  adminToken: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: number;
  /** Seed a demo workspace into a new, empty database. */
  demo: boolean;
  /** A bearer token that may scrape `GET /metrics` for every workspace. */
  metricsToken: string | null;
}

/** Each key: its environment variable and what it means. The README's table is built from this. */
export const CONFIG_KEYS: Record<keyof Config, { env: string; description: string; default: string }> = {
  db: { env: 'SWITCHBOARD_DB', description: 'SQLite file of the embedded backend', default: './switchboard.db' },
  databaseUrl: { env: 'SWITCHBOARD_DATABASE_URL', description: 'PostgreSQL URL; when set, used instead of SQLite', default: '(none)' },
  databaseSchema: { env: 'SWITCHBOARD_DATABASE_SCHEMA', description: 'PostgreSQL schema for the tables', default: '(search path)' },
  host: { env: 'SWITCHBOARD_HOST', description: 'address to listen on', default: '127.0.0.1' },
  port: { env: 'SWITCHBOARD_PORT', description: 'HTTP port', default: '8080' },
  adminToken: { env: 'SWITCHBOARD_ADMIN_TOKEN', description: 'accepted as the admin token of the default workspace', default: '(one is created and printed once)' },
  logLevel: { env: 'SWITCHBOARD_LOG_LEVEL', description: 'fatal, error, warn, info, debug, trace or silent', default: 'info' },
  bodyLimit: { env: 'SWITCHBOARD_BODY_LIMIT', description: 'largest request body in bytes', default: '1048576' },
  demo: { env: 'SWITCHBOARD_DEMO', description: 'seed the demo workspace into a new database (true/false)', default: 'true' },
  metricsToken: { env: 'SWITCHBOARD_METRICS_TOKEN', description: 'bearer token that may scrape GET /metrics for every workspace', default: '(none)' },
};

const DEFAULTS: Config = {
  db: './switchboard.db',
  databaseUrl: null,
  databaseSchema: null,
  host: '127.0.0.1',
  port: 8080,
  adminToken: null,
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
  demo: true,
  metricsToken: null,
};

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    db: { type: 'string', minLength: 1 },
    databaseUrl: { type: ['string', 'null'], pattern: '^postgres(ql)?://' },
    databaseSchema: { type: ['string', 'null'], pattern: '^[a-z_][a-z0-9_]{0,62}$' },
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    adminToken: { type: ['string', 'null'], minLength: 16, maxLength: 200, pattern: '^\\S+$' },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    bodyLimit: { type: 'integer', minimum: 1024, maximum: 100 * 1024 * 1024 },
    demo: { type: 'boolean' },
    metricsToken: { type: ['string', 'null'], minLength: 16, maxLength: 200, pattern: '^\\S+$' },
  },
} as const;

export class ConfigError extends Error {}

/**
 * Reads the environment, lets command-line flags win, checks the result against the schema and
 * freezes it. A bad value throws a ConfigError that names the key and its variable.
 */
export function loadConfig(env: Record<string, string | undefined>, flags: Partial<Record<keyof Config, unknown>> = {}): Readonly<Config> {
  const raw: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, { env: name }] of Object.entries(CONFIG_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = fromText(key as keyof Config, value);
  }
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) raw[key] = typeof value === 'string' ? fromText(key as keyof Config, value) : value;
  }
  const validate = new Ajv({ allErrors: true }).compile(SCHEMA);
  if (!validate(raw)) {
    const problems = (validate.errors ?? []).map((e) => {
      const key = e.instancePath.slice(1) || String((e.params as { additionalProperty?: string }).additionalProperty ?? '');
      const name = CONFIG_KEYS[key as keyof Config]?.env ?? key;
      return `${name} (${key}) ${e.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(raw as unknown as Config);
}

function fromText(key: keyof Config, value: string): unknown {
  if (key === 'port' || key === 'bodyLimit') return /^\d+$/.test(value) ? Number(value) : value;
  if (key === 'demo') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}
