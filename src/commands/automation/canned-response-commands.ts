import type { CannedResponse } from '../../domain/automation/automation.js';
import { checkTemplate } from '../../domain/automation/template.js';
import { fail } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

export interface CannedResponseInput {
  name: string;
  body: string;
}

/** The canned response, or `canned_response_not_found`. */
export async function loadCannedResponse(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<CannedResponse> {
  const canned = await ctx.tx.workflow.cannedResponses.get(ctx.workspaceId, id);
  if (!canned) throw fail('canned_response_not_found', `No canned response ${id}.`);
  return canned;
}

function assertTemplate(body: string): void {
  const errors = checkTemplate(body).map((e) => ({ path: '/body', message: e.message, position: { offset: e.offset } }));
  if (errors.length > 0) throw fail('invalid_canned_response', `The canned response has ${errors.length} mistake(s).`, { errors });
}

/** Saves a canned response whose variables all exist. */
export async function createCannedResponseCommand(ctx: CommandContext, input: CannedResponseInput): Promise<CannedResponse> {
  assertTemplate(input.body);
  const now = ctx.clock.now();
  const canned: CannedResponse = { id: ctx.ids.next('cnr'), workspaceId: ctx.workspaceId, name: input.name, body: input.body, version: 1, createdAt: now, updatedAt: now };
  await ctx.tx.workflow.cannedResponses.insert(canned);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: canned.id, type: 'canned_response.created', after: { name: canned.name, body: canned.body } });
  return canned;
}

/** Changes a canned response's name or body. */
export async function updateCannedResponseCommand(ctx: CommandContext, id: string, input: Partial<CannedResponseInput>): Promise<CannedResponse> {
  const current = await loadCannedResponse(ctx, id);
  if (input.body !== undefined) assertTemplate(input.body);
  const canned: CannedResponse = { ...current, ...input, version: current.version + 1, updatedAt: ctx.clock.now() };
  if (!(await ctx.tx.workflow.cannedResponses.update(canned))) throw fail('version_conflict', `Canned response ${id} was changed by someone else.`);
  await recordEvent(ctx, {
    entityKind: 'workspace', entityId: id, type: 'canned_response.updated',
    before: { name: current.name, body: current.body }, after: { name: canned.name, body: canned.body },
  });
  return canned;
}

/** Removes a canned response; automations that still name it record a failure when they run. */
export async function deleteCannedResponseCommand(ctx: CommandContext, id: string): Promise<void> {
  const current = await loadCannedResponse(ctx, id);
  await ctx.tx.workflow.cannedResponses.delete(ctx.workspaceId, id);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: id, type: 'canned_response.deleted', before: { name: current.name, body: current.body } });
}
