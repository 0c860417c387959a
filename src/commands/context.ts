import type { Actor } from '../domain/shared/actor.js';
import type { Clock } from '../domain/shared/clock.js';
import type { IdGenerator } from '../domain/shared/ids.js';
import type { StoreTx } from '../domain/store/store.js';
import type { WebhookEndpoint } from '../domain/webhook/webhook.js';
import type { MailSettings } from './email/mail-settings.js';
import type { Reactions } from './pipeline/reactor.js';
import type { UnitOfWork } from './pipeline/unit-of-work.js';

/** Why a change is being made when a reaction makes it: how deep in a chain of automations, and after which. */
export interface Cause {
  depth: number;
  chain: string[];
}

/**
 * What every command runs with. Surfaces (HTTP, CLI, worker, simulator) build it; commands never
 * see a request or a process.
 */
export interface CommandContext {
  actor: Actor;
  workspaceId: string;
  clock: Clock;
  ids: IdGenerator;
  tx: StoreTx;
  /** The process's reactors: what follows a committed change (see pipeline/reactor.ts). */
  reactions: Reactions;
  /** The unit of work the command runs in, once one is open (see pipeline/unit-of-work.ts). */
  unit?: UnitOfWork;
  /** Set while a reaction's intent is carried out; absent for a person's or a client's command. */
  cause?: Cause;
  /** Outbound mail, when the process sends it: events then queue their notifications in `tx`. */
  mail?: MailSettings;
  /** Set-up the surface read before the transaction (intake does): used instead of reading it again. */
  known?: KnownSetup;
}

/** The workspace's set-up as read before a transaction. */
export interface KnownSetup {
  workflowVersion: number;
  webhooks: readonly WebhookEndpoint[];
}

/** What recording history needs: a command's context without its reactors (workspace set-up records no ticket history). */
export type EventContext = Omit<CommandContext, 'reactions'>;
