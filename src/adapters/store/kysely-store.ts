import { setTimeout as delay } from 'node:timers/promises';
import { Migrator, sql, type Kysely } from 'kysely';
import type { Store, StoreCapabilities, StoreTx } from '../../domain/store/store.js';
import type { DialectTraits } from './dialect-traits.js';
import { CommitAnnouncer } from './commit-announcer.js';
import { CommitHooks, GroupCommitter } from './group-commit.js';
import { migrationProvider } from './migrations/index.js';
import { KyselyAgentRepository } from './repositories/agent-repository.js';
import { KyselyCommentRepository } from './repositories/comment-repository.js';
import { KyselyEventRepository } from './repositories/event-repository.js';
import {
  KyselyIdempotencyRepository, KyselyTokenRepository, KyselyWorkspaceRepository,
} from './repositories/access-repositories.js';
import {
  KyselyDecisionRepository, KyselyOfferRepository, KyselyPerformanceRepository, KyselyPolicyRepository, KyselyTimerRepository,
} from './repositories/routing-repositories.js';
import { KyselyBusinessHoursRepository, KyselySlaPolicyRepository } from './repositories/sla-repositories.js';
import { KyselyTicketRepository } from './repositories/ticket-repository.js';
import { KyselyTriageRepository } from './repositories/triage-repository.js';
import { KyselyKbArticleRepository } from './repositories/kb-article-repository.js';
import { KyselyWorkloadRepository } from './repositories/workload-repository.js';
import { KyselyMetricsRepository } from './repositories/metrics-repository.js';
import { workflowRepositories } from './repositories/workflow-repositories.js';
import { KyselyWebhookRepository } from './repositories/webhook-repository.js';
import { KyselyMailboxRepository } from './repositories/mailbox-repository.js';
import { KyselyInboundEmailRepository, KyselyWorkspaceSecretRepository } from './repositories/inbound-email-repository.js';
import { KyselyTicketTypeRepository } from './repositories/ticket-type-repository.js';
import { KyselyApprovalRepository } from './repositories/approval-repository.js';
import { KyselyEmailRepository } from './repositories/email-repository.js';
import { KyselyAccountMailRepository } from './repositories/account-mail-repository.js';
import { KyselyPortalRepository } from './repositories/portal-repository.js';
import { KyselyExternalReferenceRepository } from './repositories/external-reference-repository.js';
import { KyselySsoSettingsRepository } from './repositories/sso-settings-repository.js';
import { KyselyUserRepository } from './repositories/user-repository.js';
import { KyselySessionRepository } from './repositories/session-repository.js';
import { KyselyTwoFactorRepository } from './repositories/two-factor-repository.js';
import type { Database } from './schema.js';

const MAX_ATTEMPTS = 8;

export interface MigrationOutcome {
  applied: string[];
}

/** The repositories of one connection or transaction, without its commit hooks. */
type Repositories = Omit<StoreTx, 'afterCommit' | 'afterRollback'>;

/** The repositories of one connection or transaction; `eventsWritten` is told when they append events. */
function repositories(db: Kysely<Database>, traits: DialectTraits, eventsWritten: () => void = () => {}): Repositories {
  const { capabilities, fullText } = traits;
  return {
    workspaces: new KyselyWorkspaceRepository(db),
    tokens: new KyselyTokenRepository(db),
    agents: new KyselyAgentRepository(db, traits),
    tickets: new KyselyTicketRepository(db, traits.insertsTogether, eventsWritten),
    comments: new KyselyCommentRepository(db),
    events: new KyselyEventRepository(db, eventsWritten),
    idempotency: new KyselyIdempotencyRepository(db),
    workload: new KyselyWorkloadRepository(db),
    policies: new KyselyPolicyRepository(db),
    offers: new KyselyOfferRepository(db),
    timers: new KyselyTimerRepository(db, capabilities),
    decisions: new KyselyDecisionRepository(db),
    performance: new KyselyPerformanceRepository(db),
    triage: new KyselyTriageRepository(db),
    kbArticles: new KyselyKbArticleRepository(db, fullText),
    workflow: workflowRepositories(db),
    businessHours: new KyselyBusinessHoursRepository(db),
    slaPolicies: new KyselySlaPolicyRepository(db),
    metrics: new KyselyMetricsRepository(db, traits),
    webhooks: new KyselyWebhookRepository(db, capabilities),
    inboundEmails: new KyselyInboundEmailRepository(db),
    secrets: new KyselyWorkspaceSecretRepository(db),
    ticketTypes: new KyselyTicketTypeRepository(db),
    approvals: new KyselyApprovalRepository(db),
    emails: new KyselyEmailRepository(db, capabilities),
    accountMails: new KyselyAccountMailRepository(db, capabilities),
    portal: new KyselyPortalRepository(db),
    externalReferences: new KyselyExternalReferenceRepository(db),
    users: new KyselyUserRepository(db),
    sessions: new KyselySessionRepository(db),
    twoFactor: new KyselyTwoFactorRepository(db),
    mailboxes: new KyselyMailboxRepository(db),
    sso: new KyselySsoSettingsRepository(db),
  };
}

/** How a backend differs in how it is opened, beyond its traits. */
export interface StoreOptions {
  /** A connection for reads outside transactions, where the backend has one apart from the writer's. */
  readDb?: Kysely<Database>;
  /**
   * A number that moves whenever anything was committed since it was last taken, as the reads
   * outside transactions see the database (SQLite's `data_version`): while it stands still, those
   * reads may answer what does not change with tickets from memory.
   */
  readStamp?: () => number;
  /** Prepares the database and names the schema that holds the tables, where it has schemas. */
  beforeMigrate?: (db: Kysely<Database>) => Promise<string | undefined>;
  /** Opens a listener for committed events, where the backend can push them. */
  eventListener?: (wake: () => void) => Promise<() => Promise<void>>;
  /** Makes the last shared commit durable, where `COMMIT` itself does not wait for the disk (see GroupCommitter). */
  syncCommits?: () => Promise<void>;
  /** Tells the listeners of every node that events were committed, where the backend can push (see CommitAnnouncer). */
  announceCommits?: () => Promise<void>;
  /** Lets go of what the backend holds besides its connections, when the store closes. */
  closed?: () => Promise<void>;
}

/** Runs of the migrator before a catalog race (see DialectTraits.isCatalogRace) is reported. */
const MIGRATION_ATTEMPTS = 5;

/** The store both SQL backends share; what differs between them comes in as traits. */
export class KyselyStore implements Store {
  readonly capabilities: StoreCapabilities;
  private readonly readers: StoreTx;
  /** Shares commits between concurrent transactions where only one writer can work at a time. */
  private readonly grouped: GroupCommitter | null;

  private readonly readDb: Kysely<Database> | null;
  /** Prepares the database and names the schema that holds the tables, where it has schemas. */
  private readonly beforeMigrate: (db: Kysely<Database>) => Promise<string | undefined>;
  /** Opens a listener for committed events, where the backend can push them. */
  private readonly eventListener: (wake: () => void) => Promise<() => Promise<void>>;
  /** Wakes the event listeners of every node after commits that appended events, where the backend can push. */
  private readonly announcer: CommitAnnouncer | null;
  private readonly closed: () => Promise<void>;

  constructor(private readonly db: Kysely<Database>, private readonly traits: DialectTraits, options: StoreOptions = {}) {
    this.capabilities = traits.capabilities;
    this.readDb = options.readDb ?? null;
    this.beforeMigrate = options.beforeMigrate ?? (async () => undefined);
    this.eventListener = options.eventListener ?? (async () => async () => {});
    this.announcer = options.announceCommits ? new CommitAnnouncer(options.announceCommits) : null;
    this.closed = options.closed ?? (async () => {});
    // Outside a transaction every statement commits by itself: there is nothing to wait for.
    // Reads may use their own connection; a read that makes a missing signing key writes it on the writer's.
    this.readers = {
      ...repositories(this.readDb ?? db, traits), secrets: new KyselyWorkspaceSecretRepository(db),
      policies: new KyselyPolicyRepository(this.readDb ?? db, options.readStamp),
      afterCommit: (callback) => callback(), afterRollback: () => {},
    };
    this.grouped = traits.capabilities.supportsConcurrentWriters
      ? null
      : new GroupCommitter(db, traits.beginSql, (connection) => repositories(connection, traits), options.syncCommits);
  }

  /**
   * Runs `work` in one transaction: all of its writes land, or none do. On a single-writer
   * backend, concurrent transactions share a commit (see GroupCommitter). When a server database
   * aborts one to break a deadlock or a serialization conflict (transactions that lock rows in
   * different orders), the whole transaction is run again after a random pause that doubles with each
   * try (up to eight tries): nothing of the failed try was kept.
   */
  async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.grouped) return this.grouped.run(work);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !this.traits.isRetryable(error)) throw error;
        // Exponential back-off with full jitter: two transactions that keep colliding (an agent
        // going away re-routes to a second agent going away) drift apart instead of meeting again.
        await delay(Math.random() * Math.min(1000, 25 * 2 ** attempt));
      }
    }
  }

  private async once<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (connection) => {
      await sql.raw(this.traits.beginSql).execute(connection);
      const hooks = new CommitHooks();
      let wroteEvents = false;
      try {
        const result = await work(hooks.bind(repositories(connection, this.traits, () => { wroteEvents = true; })));
        await sql.raw('commit').execute(connection);
        if (wroteEvents) this.announcer?.committed();
        hooks.run(true);
        return result;
      } catch (error) {
        await sql.raw('rollback').execute(connection);
        hooks.run(false);
        throw error;
      }
    });
  }

  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return work(this.readers);
  }

  isUniqueViolation(error: unknown): boolean {
    return this.traits.isUniqueViolation(error);
  }

  listenForEvents(wake: () => void): Promise<() => Promise<void>> {
    return this.eventListener(wake);
  }

  refreshStatistics(): Promise<void> {
    return this.traits.refreshStatistics(this.db);
  }

  /** Brings the schema up to date; safe to run from several processes at once. */
  async migrate(): Promise<MigrationOutcome> {
    // Unless told the schema, Kysely takes its bookkeeping tables in any schema for ours, so a
    // second Switchboard schema in the same database could never be migrated.
    const migrationTableSchema = await this.beforeMigrate(this.db);
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.traits), migrationTableSchema });
    for (let attempt = 1; ; attempt++) {
      const { error, results } = await migrator.migrateToLatest();
      if (error && this.traits.isCatalogRace(error) && attempt < MIGRATION_ATTEMPTS) continue;
      if (error) throw error;
      return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    }
  }

  async close(): Promise<void> {
    await this.announcer?.close();
    await this.readDb?.destroy();
    await this.db.destroy();
    await this.closed();
  }
}
