import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAccessControl } from './access-control.js';
import { installRateLimit } from './rate-limit.js';
import { installErrorHandler } from './error-handler.js';
import { decodeUtf8, parseJsonBody } from './json-body.js';
import { agentRoutes } from './routes/agent-routes.js';
import { conversationRoutes } from './routes/conversation-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { ticketRoutes } from './routes/ticket-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import { offerRoutes } from './routes/offer-routes.js';
import { dispatchRoutes } from './routes/dispatch-routes.js';
import { ticketTextRoutes } from './routes/ticket-text-routes.js';
import { kbRoutes } from './routes/kb-routes.js';
import { triageRoutes } from './routes/triage-routes.js';
import { routingRoutes } from './routes/routing-routes.js';
import { automationRoutes } from './routes/automation-routes.js';
import { cannedResponseRoutes } from './routes/canned-response-routes.js';
import { ticketTypeRoutes } from './routes/ticket-type-routes.js';
import { expressionRoutes } from './routes/expression-routes.js';
import { escalationRoutes } from './routes/escalation-routes.js';
import { approvalRoutes } from './routes/approval-routes.js';
import { handoffRoutes } from './routes/handoff-routes.js';
import { businessHoursRoutes } from './routes/business-hours-routes.js';
import { slaPolicyRoutes } from './routes/sla-policy-routes.js';
import { simulationRoutes } from './routes/simulation-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { metricsRoutes } from './routes/metrics-routes.js';
import { PolicyBody } from '../wire/routing/routing-schemas.js';
import { ErrorBody } from '../wire/common-schemas.js';
import { AgentOutput } from '../wire/agents/agent-schemas.js';
import { CommentOutput, EventOutput, TicketOutput } from '../wire/tickets/ticket-schemas.js';
import type { HttpServices } from './services.js';
import { LazyCompilers } from './lazy-compilers.js';
import { installValidators } from './validation.js';
import { DEFAULT_DASHBOARD_DIR, dashboardRoutes, installSecurityHeaders } from './dashboard.js';
import { EventFeed } from './event-feed.js';
import { eventStreamRoutes } from './routes/event-stream-routes.js';
import { meRoutes } from './routes/me-routes.js';
import { workloadRoutes } from './routes/workload-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { mailboxRoutes } from './routes/mailbox-routes.js';
import { webhookDeliveryRoutes } from './routes/webhook-delivery-routes.js';
import { inboundEmailRoutes } from './routes/inbound-email-routes.js';
import { templateRoutes } from './routes/template-routes.js';
import { emailRoutes } from './routes/email-routes.js';
import { unsubscribeRoutes } from './routes/unsubscribe-routes.js';
import { DEFAULT_PORTAL_RATE_LIMIT, portalRoutes } from './routes/portal-routes.js';
import { portalStatusRoutes } from './routes/portal-status-routes.js';
import { accountsFor, type AccountOptions } from './accounts.js';
import { installSessionCookies } from './session-cookies.js';
import { authRoutes } from './routes/auth-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { accountLinkRoutes } from './routes/account-link-routes.js';
import { twoFactorRoutes } from './routes/two-factor-routes.js';
import { ssoSettingsRoutes } from './routes/sso-settings-routes.js';
import { ssoSignInRoutes } from './routes/sso-sign-in-routes.js';

export interface AppOptions {
  services: HttpServices;
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Fastify logger options, or false for none. */
  logger?: boolean | object;
  version?: string;
  /** A token that may scrape `GET /metrics` for every workspace (SWITCHBOARD_METRICS_TOKEN); none by default. */
  metricsToken?: string | null;
  /** Requests a minute each API token may make (SWITCHBOARD_RATE_LIMIT); none or 0: no limit. */
  rateLimitPerMinute?: number;
  /** Requests a minute each client address may make to each public portal route (SWITCHBOARD_PORTAL_RATE_LIMIT, default 60). */
  portalRateLimitPerMinute?: number;
  /** Folder of the built dashboard served at `/` (default: web/dist); null serves none. */
  dashboardDir?: string | null;
  /** How often the live event feed reads the events table while anyone listens (ms, default 1000). */
  eventPollMs?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (SWITCHBOARD_TRUST_PROXY); none by default. */
  trustProxy?: readonly string[];
  /** Sign-in and browser sessions: Secure cookies, time-outs, attempts a minute (the defaults when absent). */
  accounts?: AccountOptions;
}

/** Builds the HTTP API without listening, so tests can `inject()` and the CLI can `listen()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const compilers = new LazyCompilers();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    return503OnClosing: true,
    // Only proxies named here may say who the client is; otherwise anyone could pick their own
    // address and escape the per-address limits.
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    schemaController: { compilersFactory: { buildSerializer: compilers.serializers() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(app, compilers);
  app.decorate('buildAllSchemas', () => compilers.buildAll());
  installErrorHandler(app);
  installSecurityHeaders(app);
  // JSON is the only body the API reads; Fastify's built-in text/plain parser would let a text
  // body through to schema validation (400) instead of being refused as a media type (415).
  app.removeAllContentTypeParsers();
  // Read as bytes so the body is decoded strictly: a string parser would replace bytes that are
  // not UTF-8 and store the replacement character as if the client had sent it.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(decodeUtf8(body as Buffer)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  for (const schema of [ErrorBody, TicketOutput, AgentOutput, CommentOutput, EventOutput, PolicyBody]) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard API',
        version: options.version ?? '0.1.0',
        description: 'Routes work to people. Errors are `{"error": {"code", "message", "details"}}`; lists are cursor-paginated.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}` },
  });
  // The documentation pages are public; every other route must declare its permission.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, permission: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });

  const accounts = accountsFor(options.services.store, options.services.clock, options.accounts);
  const installCsrfCheck = await installSessionCookies(app, accounts.sessions.settings);
  installAccessControl(app, options.services.auth, options.metricsToken ?? null, accounts.sessions);
  installCsrfCheck();
  await installRateLimit(app, options.rateLimitPerMinute ?? 0);
  const services = options.services;
  await app.register(healthRoutes, { services });
  await app.register(ticketRoutes, { services });
  await app.register(conversationRoutes, { services });
  await app.register(agentRoutes, { services });
  await app.register(tokenRoutes, { services });
  await app.register(routingRoutes, { services });
  await app.register(offerRoutes, { services });
  await app.register(dispatchRoutes, { services });
  await app.register(escalationRoutes, { services });
  await app.register(approvalRoutes, { services });
  await app.register(handoffRoutes, { services });
  await app.register(automationRoutes, { services });
  await app.register(cannedResponseRoutes, { services });
  await app.register(ticketTypeRoutes, { services });
  await app.register(expressionRoutes, { services });
  await app.register(triageRoutes, { services });
  await app.register(businessHoursRoutes, { services });
  await app.register(slaPolicyRoutes, { services });
  await app.register(simulationRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(ticketTextRoutes, { services });
  await app.register(kbRoutes, { services });
  await app.register(metricsRoutes, { services });
  await app.register(meRoutes, { services });
  await app.register(workloadRoutes, { services });
  await app.register(webhookRoutes, { services });
  await app.register(mailboxRoutes, { services });
  await app.register(webhookDeliveryRoutes, { services });
  await app.register(inboundEmailRoutes, { services });
  await app.register(templateRoutes, { services });
  await app.register(emailRoutes, { services });
  await app.register(authRoutes, { services, accounts });
  await app.register(sessionRoutes, { services, accounts });
  await app.register(userRoutes, { services, accounts });
  await app.register(accountLinkRoutes, { services, accounts });
  await app.register(twoFactorRoutes, { services, accounts });
  await app.register(ssoSettingsRoutes, { services, accounts });
  await app.register(ssoSignInRoutes, { services, accounts });
  const portalLimit = options.portalRateLimitPerMinute ?? DEFAULT_PORTAL_RATE_LIMIT;
  await app.register(portalRoutes, { services, perMinute: portalLimit });
  await app.register(portalStatusRoutes, { services, perMinute: portalLimit });
  await app.register(unsubscribeRoutes, { services, perMinute: portalLimit });
  await registerDashboard(app, options);
  return app;
}

/** The live event stream (one feed per process) and the web dashboard that follows it. */
async function registerDashboard(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { store, clock } = options.services;
  const feed = new EventFeed(store, {
    pollMs: options.eventPollMs,
    now: () => clock.now(),
    onError: (error) => app.log.error({ err: error }, 'event feed read failed'),
  });
  app.addHook('onClose', () => feed.close());
  await app.register(eventStreamRoutes, { feed });
  await app.register(dashboardRoutes, { root: options.dashboardDir === undefined ? DEFAULT_DASHBOARD_DIR : options.dashboardDir });
}
