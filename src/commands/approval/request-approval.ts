import type { Approval, ApprovalSpecDocument } from '../../domain/approval/approval.js';
import { checkApprovalSpec, planApproval } from '../../domain/approval/approval-spec.js';
import { checkAction } from '../../domain/automation/action-checks.js';
import type { ConfigError } from '../../domain/automation/config-errors.js';
import { fail } from '../../domain/errors.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import { actionReferences, configReferences } from '../automation/config-references.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { holdTicket } from './approval-hold.js';
import { openApproval } from './open-approval.js';

/**
 * Asks for an approval on an open ticket — by hand (`manual`) or from an automation
 * (`automation:<name>`). The spec is checked first (422 `invalid_approval` with every mistake's
 * path, nothing saved); a holding approval parks the ticket until it is decided.
 */
export async function requestApprovalCommand(ctx: CommandContext, ticketId: string, spec: ApprovalSpecDocument, source = 'manual'): Promise<Approval> {
  const ticket = await loadTicket(ctx, ticketId);
  if (DONE_STATUSES.has(ticket.status)) {
    throw fail('invalid_approval', `A ${ticket.status} ticket cannot wait for an approval.`, { errors: [{ path: '', message: `The ticket is ${ticket.status}.` }] });
  }
  await assertValidSpec(ctx, spec);
  const approval = await openApproval(ctx, ticket, planApproval(spec), source);
  if (approval.hold) await holdTicket(ctx, ticket.id, approval.id);
  return approval;
}

/** Throws 422 `invalid_approval` listing every mistake, the references looked up in the store. */
export async function assertValidSpec(ctx: CommandContext, spec: ApprovalSpecDocument): Promise<void> {
  const named = actionReferences([{ kind: 'request_approval', ...spec }]);
  const errors: ConfigError[] = [];
  checkApprovalSpec(spec, '', await configReferences(ctx, named.agents, named.canned, named.webhooks), errors, checkAction);
  if (errors.length > 0) throw fail('invalid_approval', `The approval request has ${errors.length} mistake(s).`, { errors });
}
