import { readFileSync } from 'node:fs';
import type { CommandContext } from '../commands/context.js';
import { saveTicketTypeCommand } from '../commands/ticket-types/ticket-type-commands.js';
import type { TicketTypeDocument } from '../domain/ticket/ticket-type.js';

const TYPES = new URL('../../../data/demo/ticket-types.json', import.meta.url);

/** Adds the demo ticket types (a question, an order problem, a billing question) with labels in every locale. */
export async function seedDemoTicketTypes(ctx: CommandContext): Promise<number> {
  const documents = JSON.parse(readFileSync(TYPES, 'utf8')) as TicketTypeDocument[];
  for (const document of documents) await saveTicketTypeCommand(ctx, document);
  return documents.length;
}
