import type { TObject } from 'typebox';
import { createAgentCommand } from '../../commands/agent-commands.js';
import type { CommandContext } from '../../commands/context.js';
import { submitTicketCommand } from '../../commands/intake/submit-ticket.js';
import { agentPages, eventPages, ticketPages } from '../../commands/export-records.js';
import { importRecords, type CreateCommand, type ImportInput, type ImportSummary } from '../../commands/import-records.js';
import { DomainError } from '../../domain/errors.js';
import type { Store } from '../../domain/store/store.js';
import type { TicketStatus } from '../../domain/ticket/status.js';
import { presentAgent } from '../wire/agents/agent-presenter.js';
import { presentEvent, presentTicket } from '../wire/tickets/ticket-presenter.js';
import { agentDraftFromBody } from '../wire/agents/agent-input.js';
import { draftFromBody } from '../wire/tickets/ticket-input.js';
import { AgentCreateBody, AgentOutput } from '../wire/agents/agent-schemas.js';
import { EventOutput, TicketCreateBody, TicketOutput } from '../wire/tickets/ticket-schemas.js';
import { rowValidator } from './row-validator.js';
import type { SourceRecord } from './source-record.js';

/** What can be imported: rows in the wire format of `POST /v1/<kind>`, created by that route's command. */
export interface ImportKind {
  /** What the API sends out for this kind; it lays out the CSV columns and names the read-only keys. */
  outputSchema: TObject;
  /** Checks, converts and creates the rows, reporting each one it could not take. */
  run(store: Pick<Store, 'transaction'>, context: Omit<CommandContext, 'tx'>, records: AsyncIterable<SourceRecord>): Promise<ImportSummary>;
}

/** What can be exported: pages of wire objects as the API's presenters shape them. */
export interface ExportKind {
  outputSchema: TObject;
  pages(store: Pick<Store, 'read'>, workspaceId: string, filters: TicketFilters): AsyncIterable<object[]>;
}

export interface TicketFilters {
  statuses?: TicketStatus[];
  updatedSince?: number;
}

// The draft type stays inside: callers pick a kind by name and never see it.
function importKind<Body, Draft>(createSchema: TObject, outputSchema: TObject, toDraft: (body: Body) => Draft, create: CreateCommand<Draft>): ImportKind {
  let validate: ((value: unknown) => Body) | undefined;
  const toInput = (record: SourceRecord): ImportInput<Draft> => {
    if ('error' in record) return record;
    validate ??= rowValidator<Body>(createSchema, outputSchema);
    try {
      return { row: record.row, draft: toDraft(validate(record.value)) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { row: record.row, error };
    }
  };
  async function* inputs(records: AsyncIterable<SourceRecord>): AsyncGenerator<ImportInput<Draft>> {
    for await (const record of records) yield toInput(record);
  }
  return { outputSchema, run: (store, context, records) => importRecords(store, context, create, inputs(records)) };
}

async function* presented<T>(pages: AsyncIterable<T[]>, present: (item: T) => object): AsyncGenerator<object[]> {
  for await (const page of pages) yield page.map(present);
}

/** The kind a command-line argument names, if there is one (own keys only: not `constructor`). */
export function kindNamed<K>(kinds: Readonly<Record<string, K>>, name: string): K | undefined {
  return Object.hasOwn(kinds, name) ? kinds[name] : undefined;
}

export const IMPORT_KINDS: Readonly<Record<string, ImportKind>> = {
  tickets: importKind(TicketCreateBody, TicketOutput, draftFromBody, submitTicketCommand),
  agents: importKind(AgentCreateBody, AgentOutput, agentDraftFromBody, createAgentCommand),
};

export const EXPORT_KINDS: Readonly<Record<string, ExportKind>> = {
  tickets: {
    outputSchema: TicketOutput,
    pages: (store, workspaceId, filters) => presented(ticketPages(store, { workspaceId, ...filters }), presentTicket),
  },
  agents: { outputSchema: AgentOutput, pages: (store, workspaceId) => presented(agentPages(store, workspaceId), presentAgent) },
  events: { outputSchema: EventOutput, pages: (store, workspaceId) => presented(eventPages(store, workspaceId), presentEvent) },
};
