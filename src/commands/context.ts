import type { Actor } from '../domain/shared/actor.js';
import type { Clock } from '../domain/shared/clock.js';
import type { IdGenerator } from '../domain/shared/ids.js';
import type { StoreTx } from '../domain/store/store.js';
import type { MailSettings } from './email/mail-settings.js';

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
  /** Outbound mail, when the process sends it: events then queue their notifications in `tx`. */
  mail?: MailSettings;
}
