import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely';
import type { StoreCapabilities } from '../../domain/store/store.js';
import type { FullTextSearch } from './full-text.js';
import type { Database } from './schema.js';

/**
 * What differs between the SQL backends, in one place. Shared code reads these flags and types;
 * it never asks which backend it runs on.
 */
export interface DialectTraits {
  readonly capabilities: StoreCapabilities;
  /** Column type for JSON documents. */
  readonly jsonType: ColumnDataType;
  /** Column type for millisecond timestamps and other 64-bit integers. */
  readonly bigintType: ColumnDataType;
  /** The statement that opens a write transaction. */
  readonly beginSql: string;
  /** Adds an auto-incrementing 64-bit primary key named `id`. */
  addAutoIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  isUniqueViolation(error: unknown): boolean;
  /** True when the database gave up on a transaction that would succeed if run again (deadlock, serialization). */
  isRetryable(error: unknown): boolean;
  /** How the backend's own full-text engine indexes and searches the knowledge base. */
  readonly fullText: FullTextSearch;
  /** Tells listeners, at commit, that the transaction appended events (where `supportsEventNotifications`). */
  notifyEvents(db: Kysely<Database>): Promise<void>;
}
