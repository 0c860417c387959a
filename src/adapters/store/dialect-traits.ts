import type { ColumnDataType, CreateTableBuilder, Kysely, RawBuilder } from 'kysely';
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
  /**
   * True when reading the catalog failed because another schema of the same database vanished
   * meanwhile (Kysely's migrator looks at every schema): running the migration again succeeds.
   */
  isCatalogRace(error: unknown): boolean;
  /** How the backend's own full-text engine indexes and searches the knowledge base. */
  readonly fullText: FullTextSearch;
  /** A top-level key of a JSON column as text (NULL when missing or JSON null); `key` is code, never input. */
  jsonText(column: string, key: string): RawBuilder<string | null>;
  /** True when the JSON object in `column` has `key`; the key is bound, so it may be input. */
  jsonHasKey(column: string, key: string): RawBuilder<boolean>;
  /** True when the JSON array in `column` holds the string `value`, bound as above. */
  jsonArrayHas(column: string, value: string): RawBuilder<boolean>;
  /**
   * Makes every statement that appends events tell the listeners at commit (where
   * `supportsEventNotifications`; migration 0033). Taken out again by `removeEventNotifications`.
   */
  installEventNotifications(db: Kysely<unknown>): Promise<void>;
  /**
   * Takes out what `installEventNotifications` put in (migration 0035): a store announces the
   * commits that appended events after they are made instead (see CommitAnnouncer).
   */
  removeEventNotifications(db: Kysely<unknown>): Promise<void>;
  /** Whether one statement may insert into several tables (data-modifying CTEs; see insertTogether). */
  readonly insertsTogether: boolean;
  /** Refreshes the planner's statistics where the database does not do it by itself. */
  refreshStatistics(db: Kysely<Database>): Promise<void>;
}
