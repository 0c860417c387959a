import type { IntakeSources } from '../../commands/intake/intake-facts.js';
import { inlineIntakeSources } from '../../commands/intake/intake-sources.js';
import { REACTIONS } from '../../commands/reactors.js';
import type { RoutingContext } from '../../commands/routing/routing-context.js';
import type { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import { LOCAL_TRIAGE, type TriageServices } from '../../commands/triage/triage-services.js';
import type { Principal } from '../../domain/auth/token.js';
import type { CustomerDirectory } from '../../domain/crm/customer-directory.js';
import { SYSTEM_ACTOR, type Actor } from '../../domain/shared/actor.js';
import type { PortalSettings } from '../../commands/portal/portal-settings.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import type { WebhookTargetPolicy } from '../../adapters/webhooks/webhook-target.js';
import type { TokenAuthenticator } from './auth.js';
import type { PageThreads } from './pages/page-threads.js';
import type { MailSettings } from '../../commands/email/mail-settings.js';

/** What routes need from the process: the store, time, ids, the token checker and the routing cache. */
export interface HttpServices {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  auth: TokenAuthenticator;
  routing: RoutingRuntime;
  /** The external triage model and model-keeping choice; local triage when absent. */
  triage?: TriageServices;
  /** Which webhook targets are allowed; private ones are refused when absent. */
  webhookTargets?: WebhookTargetPolicy;
  /** Whether mailboxes may be on private hosts; they are refused when absent. */
  mailboxHosts?: { allowPrivate: boolean };
  /** The CRM asked about each new ticket's customer; none when absent. */
  crm?: CustomerDirectory | null;
  /** Outbound mail: commands queue notifications when set (SWITCHBOARD_SMTP_URL); none when absent. */
  mail?: MailSettings;
  /** The public form's challenge and the status links' lifetime; the defaults when absent. */
  portal?: PortalSettings;
  /** Where intake reads the set-up and the texts before its transaction; texts read on the request's thread when absent. */
  intake?: IntakeSources;
  /** Threads that answer the desk's list reads (SQLite); read on the request's thread when absent. */
  pages?: PageThreads;
}

/** The actor behind a request: the agent a token or person works as, the signed-in person, or the API client a token names. */
export function actorOf(principal: Principal): Actor {
  if (principal.agentId) return { kind: 'agent', id: principal.agentId, name: principal.name };
  if (principal.via === 'session') return { kind: 'user', id: principal.userId, name: principal.name };
  return { kind: 'api', id: principal.tokenId, name: principal.name };
}

/** Builds the context a command runs with, for one request and transaction. */
export function commandContext(services: HttpServices, principal: Principal, tx: StoreTx, actor = actorOf(principal)): RoutingContext {
  return workspaceContext(services, principal.workspaceId, tx, actor);
}

/** Builds the context of a request without a token (the public portal): the workspace its address names, acting as `actor`. */
export function workspaceContext(services: HttpServices, workspaceId: string, tx: StoreTx, actor: Actor = SYSTEM_ACTOR): RoutingContext {
  return { actor, workspaceId, clock: services.clock, ids: services.ids, tx, reactions: REACTIONS, routing: services.routing, mail: services.mail };
}

const INLINE_INTAKE = inlineIntakeSources();

/** Intake's sources: the process's (a pool of reader threads in the server), else reading on this thread. */
export function intakeSourcesOf(services: HttpServices): IntakeSources {
  return services.intake ?? INLINE_INTAKE;
}

/** The triage choices the process was configured with (local only when none). */
export function triageOf(services: HttpServices): TriageServices {
  return services.triage ?? LOCAL_TRIAGE;
}
