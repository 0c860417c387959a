import { randomBytes } from 'node:crypto';
import type { CommandContext } from '../commands/context.js';
import { REACTIONS } from '../commands/reactors.js';
import { openStore } from '../adapters/store/open-store.js';
import type { KyselyStore } from '../adapters/store/kysely-store.js';
import type { Config } from '../config/config.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/shared/actor.js';
import type { Clock } from '../domain/shared/clock.js';
import { UlidGenerator, type IdGenerator } from '../domain/shared/ids.js';
import type { StoreTx } from '../domain/store/store.js';

/** The host's wall clock; the only place outside tests where time is read. */
export const systemClock: Clock = { now: () => Date.now() };

/** Ids from the system clock and the operating system's random source. */
export function systemIds(clock: Clock = systemClock): IdGenerator {
  return new UlidGenerator(clock, (size) => randomBytes(size));
}

type DatabaseConfig = Pick<Config, 'db' | 'databaseUrl' | 'databaseSchema' | 'databasePoolSize'>;

/** Opens the configured backend: PostgreSQL when a URL is set, else the SQLite file. */
export function storeFor(config: DatabaseConfig): KyselyStore {
  return openStore(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, schema: config.databaseSchema ?? undefined, poolSize: config.databasePoolSize }
      : { kind: 'sqlite', file: config.db },
  );
}

/** Opens the configured backend and brings its schema up to date. */
export async function openConfiguredStore(config: DatabaseConfig): Promise<KyselyStore> {
  const store = storeFor(config);
  await store.migrate();
  return store;
}

/** A command context for work done by Switchboard itself (CLI, worker, bootstrap). */
export function systemContext(tx: StoreTx, workspaceId: string, ids: IdGenerator, clock: Clock = systemClock, actor: Actor = SYSTEM_ACTOR): CommandContext {
  return { actor, workspaceId, clock, ids, tx, reactions: REACTIONS };
}
