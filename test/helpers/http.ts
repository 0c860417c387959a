import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTokenCommand, createWorkspaceCommand } from '../../src/commands/workspace-commands.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { SYSTEM_ACTOR } from '../../src/domain/shared/actor.js';
import { buildApp } from '../../src/surfaces/http/app.js';
import { PageThreads } from '../../src/surfaces/http/pages/page-threads.js';
import { TokenAuthenticator, secretCodec } from '../../src/surfaces/http/auth.js';
import { systemClock, systemContext, systemIds } from '../../src/surfaces/runtime.js';
import { RoutingRuntime } from '../../src/commands/routing/routing-runtime.js';
import type { Clock } from '../../src/domain/shared/clock.js';
import type { TriageServices } from '../../src/commands/triage/triage-services.js';
import type { CustomerDirectory } from '../../src/domain/crm/customer-directory.js';
import type { PortalSettings } from '../../src/commands/portal/portal-settings.js';
import { timerSweep } from '../../src/surfaces/worker/timer-sweep.js';
import { workflowSweep } from '../../src/surfaces/worker/workflow-sweep.js';
import { webhookSweep } from '../../src/surfaces/worker/webhook-sweep.js';
import { routingSweep } from '../../src/surfaces/worker/routing-sweep.js';
import type { TestBackend, TestDatabase } from './backends.js';
import type { MailSettings } from '../../src/commands/email/mail-settings.js';
import type { AccountOptions } from '../../src/surfaces/http/accounts.js';

/** A response body as tests read it: parsed JSON of any shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect untyped JSON.
export type JsonBody = any;

export interface TestApi {
  app: FastifyInstance;
  db: TestDatabase;
  workspaceId: string;
  /** An admin token of the workspace. */
  admin: string;
  /** Issues another token of the workspace. */
  token(role: Role, agentId?: string): Promise<string>;
  /** Creates a second workspace and returns its admin token. */
  otherWorkspace(slug: string): Promise<string>;
  /** The clock the app runs on (a ManualClock when the test passed one). */
  clock: Clock;
  /** Fires every timer due on the app's clock, as the worker would. */
  fireDueTimers(): Promise<string | null>;
  /** Runs the worker's escalation and automation sweep once (SLA reactions, scheduled triggers and automations). */
  runWorkflows(): Promise<string | null>;
  /** Posts every webhook delivery due on the app's clock, as the worker would. */
  deliverWebhooks(): Promise<string | null>;
  /** Runs the worker's routing sweep once (agents with room pull waiting work). */
  runRoutingSweep(): Promise<string | null>;
  /**
   * Another node on the same database: an app of its own (its own routing cache), answering the
   * same tokens. Closed with the first.
   */
  otherNode(): Promise<Pick<TestApi, 'call'>>;
  /** `app.inject` with a bearer token and a JSON body. */
  call(method: InjectOptions['method'], url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: JsonBody; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  bodyLimit?: number;
  /** Drive time by hand (offer and step time-outs) instead of the wall clock. */
  clock?: Clock;
  /** The external triage model and model keeping (local triage when left out). */
  triage?: TriageServices;
  /** The Prometheus scrape token the app accepts on `GET /metrics`. */
  metricsToken?: string;
  /** Fastify logger settings (default: no log). */
  logger?: object;
  /** Requests a minute each token may make (default: no limit). */
  rateLimitPerMinute?: number;
  /** The folder served as the dashboard (default: none). */
  dashboardDir?: string;
  /** Let webhooks reach loopback and private addresses (the receivers tests start are on loopback). */
  webhookAllowPrivate?: boolean;
  /** Let mailboxes be on loopback and private hosts (the IMAP servers tests start are on loopback). */
  mailboxAllowPrivate?: boolean;
  /** The CRM asked about new tickets' customers (none when left out). */
  crm?: CustomerDirectory;
  /** Outbound mail settings: events queue notifications when given (none when left out). */
  mail?: MailSettings;
  /** The public form's challenge rules and the status links' lifetime (the defaults when left out). */
  portal?: PortalSettings;
  /** Requests a minute one address may make to each portal route (default 60). */
  portalRateLimitPerMinute?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (none by default). */
  trustProxy?: string[];
  /** Sign-in settings: the public URL (single sign-on's callback), cookie and throttle choices (the defaults when left out). */
  accounts?: AccountOptions;
  /** Answer the list reads on page threads, as `serve` does on SQLite (the first app only; other nodes read in-process). */
  pageThreads?: boolean;
}

/** Builds the real app on a fresh database of the backend, with a workspace and an admin token. */
export async function startTestApi(backend: TestBackend, options: TestApiOptions = {}): Promise<TestApi> {
  const db = await backend.open();
  const { store } = db;
  const clock = options.clock ?? systemClock;
  const ids = systemIds(clock);
  const routing = new RoutingRuntime();
  const workspaceFor = async (slug: string) => {
    return store.transaction(async (tx) => {
      const ws = await createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock, ids, tx }, { name: slug, slug });
      const issued = await createTokenCommand(systemContext(tx, ws.id, ids, clock), secretCodec, { name: 'test admin', role: 'admin' });
      return { id: ws.id, admin: issued.secret };
    });
  };
  const main = await workspaceFor('main');
  const webhookTargets = { allowPrivate: options.webhookAllowPrivate ?? false };
  const pages = options.pageThreads && db.location.kind === 'sqlite' ? new PageThreads(db.location.file) : undefined;
  const nodeApp = (nodeRouting: RoutingRuntime, nodePages?: PageThreads) => buildApp({
    services: {
      store, clock, ids, auth: new TokenAuthenticator(store, () => clock.now()), routing: nodeRouting, triage: options.triage, webhookTargets,
      crm: options.crm, mail: options.mail, portal: options.portal, mailboxHosts: { allowPrivate: options.mailboxAllowPrivate ?? false }, pages: nodePages,
    },
    portalRateLimitPerMinute: options.portalRateLimitPerMinute, trustProxy: options.trustProxy, bodyLimit: options.bodyLimit,
    accounts: options.accounts, metricsToken: options.metricsToken, rateLimitPerMinute: options.rateLimitPerMinute, logger: options.logger, dashboardDir: options.dashboardDir ?? null,
  });
  const app = await nodeApp(routing, pages);
  const otherApps: FastifyInstance[] = [];
  const callOn = (target: FastifyInstance): TestApi['call'] => async (method, url, options = {}) => {
    const response = await target.inject({
      method,
      url,
      headers: {
        ...(options.token === '' ? {} : { authorization: `Bearer ${options.token ?? main.admin}` }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      payload: options.body === undefined ? undefined : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body),
    });
    const text = response.body;
    return { status: response.statusCode, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const timers = timerSweep(store, routing, clock, ids, options.mail);
  const workflows = workflowSweep(store, routing, clock, ids, options.mail);
  const routingPass = routingSweep(store, routing, clock, ids, options.mail);
  // A fixed jitter: retries fall due at the middle of their window.
  const webhooks = webhookSweep(store, clock, ids, { policy: webhookTargets, timeoutMs: 10_000 }, () => 0.5);
  const api: TestApi = {
    app,
    db,
    clock,
    fireDueTimers: () => timers.run(),
    runWorkflows: () => workflows.run(),
    deliverWebhooks: () => webhooks.run(),
    runRoutingSweep: () => routingPass.run(),
    workspaceId: main.id,
    admin: main.admin,
    async token(role, agentId) {
      const issued = await store.transaction((tx) =>
        createTokenCommand(systemContext(tx, main.id, ids, clock), secretCodec, { name: `test ${role}`, role, agentId }));
      return issued.secret;
    },
    async otherWorkspace(slug) {
      return (await workspaceFor(slug)).admin;
    },
    async otherNode() {
      const other = await nodeApp(new RoutingRuntime());
      otherApps.push(other);
      return { call: callOn(other) };
    },
    call: callOn(app),
    async close() {
      for (const other of otherApps) await other.close();
      await app.close();
      await pages?.close();
      await db.cleanup();
    },
  };
  return api;
}
