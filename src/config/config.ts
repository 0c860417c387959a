import { Ajv } from 'ajv';

/** Everything the process can be told, from the environment and the command line. */
export interface Config {
  /** SQLite file of the embedded backend (ignored when `databaseUrl` is set). */
  db: string;
  /** postgres://… of the scale-out backend. */
  databaseUrl: string | null;
  /** Schema inside the PostgreSQL database (default: the search path). */
  databaseSchema: string | null;
  /** Connections each process keeps to PostgreSQL (besides one that listens for events). */
  databasePoolSize: number;
  host: string;
  port: number;
  /** Accepted as the admin token of the default workspace. */
  adminToken: string | null;
  /** Slug of the workspace CLI commands work in when they are not given `--workspace`. */
  workspace: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: number;
  /** Seed a demo workspace into a new, empty database. */
  demo: boolean;
  /** Base URL of an OpenAI-compatible API that triage asks for labels and summaries; null keeps triage local. */
  aiUrl: string | null;
  /** Bearer key of that API (a secret: never logged). */
  aiKey: string | null;
  /** Model name sent with each request; required with `aiUrl`. */
  aiModel: string | null;
  aiTimeoutMs: number;
  aiConcurrency: number;
  /** Triage model versions kept after a training besides the ones in use. */
  triageKeepVersions: number;
  /** A bearer token that may scrape `GET /metrics` for every workspace. */
  metricsToken: string | null;
  /** Requests a minute each API token may make, per process; 0 turns the limit off. */
  rateLimit: number;
  /** Let webhooks reach loopback, private and link-local addresses (off: such targets are refused). */
  webhookAllowPrivate: boolean;
  /** How long one webhook attempt may take, redirects included. */
  webhookTimeoutMs: number;
  /** Let mailboxes be read from loopback, private and link-local hosts (off: such hosts are refused). */
  mailboxAllowPrivate: boolean;
  /** Seconds between re-reads of a mailbox whose IDLE reported nothing. */
  mailboxRecheckSeconds: number;
  /** GET URL of a CRM lookup with `{email}` and/or `{id}`; null asks no CRM. */
  crmUrl: string | null;
  /** Bearer token of that lookup (a secret: never logged). */
  crmToken: string | null;
  crmTimeoutMs: number;
  crmCacheTtlMs: number;
  crmBreakerFailures: number;
  crmBreakerCooldownMs: number;
  /** `smtp://` or `smtps://` URL (user and password in it are secrets: never logged); null sends and queues no mail. */
  smtpUrl: string | null;
  /** The From header of notification mail. */
  mailFrom: string;
  /** Base URL of the links in mail (status pages, ratings, unsubscribe). */
  publicUrl: string;
  /** Requests a minute one client address may make to each public portal route, per process. */
  portalRateLimit: number;
  /** Proxies whose X-Forwarded-For names the client (addresses or CIDRs); empty: the socket's address is the client. */
  trustProxy: string[];
  /** Leading zero bits the public form's proof of work asks for (each bit doubles the work). */
  portalPowBits: number;
  /** Seconds a person needs at least to fill in the public form; a form sent sooner is refused. */
  portalMinFillSeconds: number;
  /** Days a requester's status link stays good. */
  linkTtlDays: number;
}

/** Each key: its environment variable and what it means. The README's table is built from this. */
export const CONFIG_KEYS: Record<keyof Config, { env: string; description: string; default: string }> = {
  db: { env: 'SWITCHBOARD_DB', description: 'SQLite file of the embedded backend', default: './switchboard.db' },
  databaseUrl: { env: 'SWITCHBOARD_DATABASE_URL', description: 'PostgreSQL URL; when set, used instead of SQLite', default: '(none)' },
  databaseSchema: { env: 'SWITCHBOARD_DATABASE_SCHEMA', description: 'PostgreSQL schema for the tables', default: '(search path)' },
  databasePoolSize: { env: 'SWITCHBOARD_DATABASE_POOL_SIZE', description: 'connections each process keeps to PostgreSQL, besides one that listens for events', default: '20' },
  host: { env: 'SWITCHBOARD_HOST', description: 'address to listen on', default: '127.0.0.1' },
  port: { env: 'SWITCHBOARD_PORT', description: 'HTTP port', default: '8080' },
  adminToken: { env: 'SWITCHBOARD_ADMIN_TOKEN', description: 'accepted as the admin token of the default workspace', default: '(one is created and printed once)' },
  workspace: { env: 'SWITCHBOARD_WORKSPACE', description: 'workspace CLI commands work in without --workspace (and the default workspace of serve)', default: '(the only workspace, else "default")' },
  logLevel: { env: 'SWITCHBOARD_LOG_LEVEL', description: 'fatal, error, warn, info (each request), debug, trace or silent', default: 'warn' },
  bodyLimit: { env: 'SWITCHBOARD_BODY_LIMIT', description: 'largest request body in bytes', default: '1048576' },
  demo: { env: 'SWITCHBOARD_DEMO', description: 'seed the demo workspace into a new database (true/false)', default: 'true' },
  aiUrl: { env: 'SWITCHBOARD_AI_URL', description: 'base URL of an OpenAI-compatible API for triage labels and summaries (off when unset)', default: '(none: local only)' },
  aiKey: { env: 'SWITCHBOARD_AI_KEY', description: 'bearer key of that API (never logged)', default: '(none)' },
  aiModel: { env: 'SWITCHBOARD_AI_MODEL', description: 'model name sent to that API; required with SWITCHBOARD_AI_URL', default: '(none)' },
  aiTimeoutMs: { env: 'SWITCHBOARD_AI_TIMEOUT_MS', description: 'milliseconds an external call may take, queueing included, before triage falls back to local', default: '5000' },
  aiConcurrency: { env: 'SWITCHBOARD_AI_CONCURRENCY', description: 'external calls in flight at once per process', default: '4' },
  triageKeepVersions: { env: 'SWITCHBOARD_TRIAGE_KEEP_VERSIONS', description: 'older triage model versions kept after a training, besides the ones in use', default: '5' },
  metricsToken: { env: 'SWITCHBOARD_METRICS_TOKEN', description: 'bearer token that may scrape GET /metrics for every workspace', default: '(none)' },
  rateLimit: { env: 'SWITCHBOARD_RATE_LIMIT', description: 'requests a minute each API token may make, per process (0: no limit); beyond it 429 with Retry-After', default: '6000' },
  webhookAllowPrivate: { env: 'SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE', description: 'let webhooks reach loopback, private and link-local addresses (true/false)', default: 'false' },
  webhookTimeoutMs: { env: 'SWITCHBOARD_WEBHOOK_TIMEOUT_MS', description: 'milliseconds one webhook attempt may take, redirects included', default: '10000' },
  mailboxAllowPrivate: { env: 'SWITCHBOARD_MAILBOX_ALLOW_PRIVATE', description: 'let IMAP mailboxes be on loopback, private and link-local hosts (true/false)', default: 'false' },
  mailboxRecheckSeconds: { env: 'SWITCHBOARD_MAILBOX_RECHECK_SECONDS', description: 'seconds between re-reads of a mailbox when IDLE reported nothing', default: '300' },
  crmUrl: { env: 'SWITCHBOARD_CRM_URL', description: 'CRM lookup asked at intake: a GET URL with {email} and/or {id}, answering a JSON object (off when unset)', default: '(none)' },
  crmToken: { env: 'SWITCHBOARD_CRM_TOKEN', description: 'bearer token of the CRM lookup (never logged)', default: '(none)' },
  crmTimeoutMs: { env: 'SWITCHBOARD_CRM_TIMEOUT_MS', description: 'milliseconds a CRM lookup may take before the ticket is taken in without it', default: '1500' },
  crmCacheTtlMs: { env: 'SWITCHBOARD_CRM_CACHE_TTL_MS', description: 'milliseconds a CRM answer is kept in memory (0: none)', default: '300000' },
  crmBreakerFailures: { env: 'SWITCHBOARD_CRM_BREAKER_FAILURES', description: 'consecutive CRM failures after which lookups stop for the cool-down', default: '5' },
  crmBreakerCooldownMs: { env: 'SWITCHBOARD_CRM_BREAKER_COOLDOWN_MS', description: 'milliseconds lookups stop after that, before one probe is let through', default: '30000' },
  smtpUrl: { env: 'SWITCHBOARD_SMTP_URL', description: 'smtp:// or smtps:// URL (with user:password@ if needed, never logged) notification mail is sent through (off when unset: nothing is queued)', default: '(none: no mail)' },
  mailFrom: { env: 'SWITCHBOARD_MAIL_FROM', description: 'From header of notification mail', default: 'Switchboard <no-reply@localhost>' },
  publicUrl: { env: 'SWITCHBOARD_PUBLIC_URL', description: 'base URL of the links in mail (status pages, ratings, unsubscribe) and of single sign-on\'s callback', default: 'http://localhost:8080' },
  trustProxy: { env: 'SWITCHBOARD_TRUST_PROXY', description: 'comma-separated addresses or CIDRs of the reverse proxies in front (e.g. 127.0.0.1,10.0.0.0/8): their X-Forwarded-For then names the client, for per-address limits and logs', default: '(none)' },
  portalRateLimit: { env: 'SWITCHBOARD_PORTAL_RATE_LIMIT', description: 'requests a minute one client address may make to each public portal route, per process', default: '60' },
  portalPowBits: { env: 'SWITCHBOARD_PORTAL_POW_BITS', description: "leading zero bits of the public form's proof of work (8–24; each bit doubles the work)", default: '16' },
  portalMinFillSeconds: { env: 'SWITCHBOARD_PORTAL_MIN_FILL_S', description: 'seconds after its challenge before the public form may be sent (a form sent sooner was not filled in by a person)', default: '3' },
  linkTtlDays: { env: 'SWITCHBOARD_LINK_TTL_DAYS', description: "days a requester's status link stays good", default: '90' },
};

const DEFAULTS: Config = {
  db: './switchboard.db',
  databaseUrl: null,
  databaseSchema: null,
  databasePoolSize: 20,
  host: '127.0.0.1',
  port: 8080,
  adminToken: null,
  workspace: null,
  logLevel: 'warn',
  bodyLimit: 1024 * 1024,
  demo: true,
  aiUrl: null,
  aiKey: null,
  aiModel: null,
  aiTimeoutMs: 5000,
  aiConcurrency: 4,
  triageKeepVersions: 5,
  metricsToken: null,
  rateLimit: 6000,
  webhookAllowPrivate: false,
  webhookTimeoutMs: 10_000,
  mailboxAllowPrivate: false,
  mailboxRecheckSeconds: 300,
  crmUrl: null,
  crmToken: null,
  crmTimeoutMs: 1500,
  crmCacheTtlMs: 300_000,
  crmBreakerFailures: 5,
  crmBreakerCooldownMs: 30_000,
  smtpUrl: null,
  mailFrom: 'Switchboard <no-reply@localhost>',
  publicUrl: 'http://localhost:8080',
  portalRateLimit: 60,
  trustProxy: [],
  portalPowBits: 16,
  portalMinFillSeconds: 3,
  linkTtlDays: 90,
};

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    db: { type: 'string', minLength: 1 },
    databaseUrl: { type: ['string', 'null'], pattern: '^postgres(ql)?://' },
    databaseSchema: { type: ['string', 'null'], pattern: '^[a-z_][a-z0-9_]{0,62}$' },
    databasePoolSize: { type: 'integer', minimum: 1, maximum: 1000 },
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    adminToken: { type: ['string', 'null'], minLength: 16, maxLength: 200, pattern: '^\\S+$' },
    workspace: { type: ['string', 'null'], pattern: '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$' },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    bodyLimit: { type: 'integer', minimum: 1024, maximum: 100 * 1024 * 1024 },
    demo: { type: 'boolean' },
    aiUrl: { type: ['string', 'null'], pattern: '^https?://\\S+$' },
    aiKey: { type: ['string', 'null'], minLength: 1, maxLength: 500, pattern: '^\\S+$' },
    aiModel: { type: ['string', 'null'], minLength: 1, maxLength: 200 },
    aiTimeoutMs: { type: 'integer', minimum: 100, maximum: 120_000 },
    aiConcurrency: { type: 'integer', minimum: 1, maximum: 64 },
    triageKeepVersions: { type: 'integer', minimum: 0, maximum: 1000 },
    metricsToken: { type: ['string', 'null'], minLength: 16, maxLength: 200, pattern: '^\\S+$' },
    rateLimit: { type: 'integer', minimum: 0, maximum: 10_000_000 },
    webhookAllowPrivate: { type: 'boolean' },
    webhookTimeoutMs: { type: 'integer', minimum: 100, maximum: 60_000 },
    mailboxAllowPrivate: { type: 'boolean' },
    mailboxRecheckSeconds: { type: 'integer', minimum: 5, maximum: 86_400 },
    crmUrl: { type: ['string', 'null'], maxLength: 2000, pattern: '^https?://\\S*\\{(email|id)\\}\\S*$' },
    crmToken: { type: ['string', 'null'], minLength: 1, maxLength: 500, pattern: '^\\S+$' },
    crmTimeoutMs: { type: 'integer', minimum: 50, maximum: 60_000 },
    crmCacheTtlMs: { type: 'integer', minimum: 0, maximum: 86_400_000 },
    crmBreakerFailures: { type: 'integer', minimum: 1, maximum: 1000 },
    crmBreakerCooldownMs: { type: 'integer', minimum: 100, maximum: 3_600_000 },
    smtpUrl: { type: ['string', 'null'], maxLength: 2000, pattern: '^smtps?://\\S+$' },
    mailFrom: { type: 'string', minLength: 3, maxLength: 300, pattern: '@' },
    publicUrl: { type: 'string', maxLength: 2000, pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$' },
    portalRateLimit: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    trustProxy: { type: 'array', maxItems: 50, items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$' } },
    portalPowBits: { type: 'integer', minimum: 8, maximum: 24 },
    portalMinFillSeconds: { type: 'integer', minimum: 0, maximum: 600 },
    linkTtlDays: { type: 'integer', minimum: 1, maximum: 3650 },
  },
  // An external model needs a name to ask for.
  if: { properties: { aiUrl: { type: 'string' } } },
  then: { properties: { aiModel: { type: 'string' } } },
} as const;

const WHOLE_NUMBER_KEYS = new Set<keyof Config>([
  'port', 'databasePoolSize', 'bodyLimit', 'aiTimeoutMs', 'aiConcurrency', 'triageKeepVersions', 'rateLimit', 'webhookTimeoutMs',
  'crmTimeoutMs', 'crmCacheTtlMs', 'crmBreakerFailures', 'crmBreakerCooldownMs', 'portalRateLimit', 'portalPowBits',
  'portalMinFillSeconds', 'linkTtlDays',
]);
const BOOLEAN_KEYS = new Set<keyof Config>(['demo', 'webhookAllowPrivate', 'mailboxAllowPrivate']);
const LIST_KEYS = new Set<keyof Config>(['trustProxy']);

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
    // The failed `if` only repeats what the error of its `then` says.
    const problems = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => {
      const key = e.instancePath.slice(1).split('/')[0] || String((e.params as { additionalProperty?: string }).additionalProperty ?? '');
      const name = CONFIG_KEYS[key as keyof Config]?.env ?? key;
      return `${name} (${key}) ${e.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(raw as unknown as Config);
}

function fromText(key: keyof Config, value: string): unknown {
  if (WHOLE_NUMBER_KEYS.has(key)) return /^\d+$/.test(value) ? Number(value) : value;
  if (BOOLEAN_KEYS.has(key)) return value === 'true' ? true : value === 'false' ? false : value;
  if (LIST_KEYS.has(key)) return value.split(',').map((item) => item.trim()).filter(Boolean);
  return value;
}
