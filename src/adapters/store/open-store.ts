import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { KyselyStore } from './kysely-store.js';

export type StoreLocation =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

/** Opens the backend the configuration names. */
export function openStore(location: StoreLocation): KyselyStore {
  return location.kind === 'sqlite' ? openSqliteStore(location.file) : openPostgresStore(location);
}
