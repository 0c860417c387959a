import type { CommandContext } from '../../commands/context.js';
import type { Principal } from '../../domain/auth/token.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import type { TokenAuthenticator } from './auth.js';

/** What routes need from the process: the store, time, ids and the token checker. */
export interface HttpServices {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  auth: TokenAuthenticator;
}

/** The actor behind a token: the agent it belongs to, or the API client it names. */
export function actorOf(principal: Principal): Actor {
  return principal.agentId
    ? { kind: 'agent', id: principal.agentId, name: principal.name }
    : { kind: 'api', id: principal.tokenId, name: principal.name };
}

/** Builds the context a command runs with, for one request and transaction. */
export function commandContext(services: HttpServices, principal: Principal, tx: StoreTx, actor = actorOf(principal)): CommandContext {
  return { actor, workspaceId: principal.workspaceId, clock: services.clock, ids: services.ids, tx };
}
