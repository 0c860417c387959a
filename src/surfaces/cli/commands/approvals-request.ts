import type { Command } from 'commander';
import { requestApprovalCommand } from '../../../commands/approval/request-approval.js';
import type { ApprovalSpecDocument, ApproversDocument } from '../../../domain/approval/approval.js';
import { presentApproval } from '../../wire/approvals/approval-presenter.js';
import { ApprovalSpec } from '../../wire/approvals/approval-schemas.js';
import { printApproval } from '../approval-output.js';
import { checkedBody, readChecked, reportDomainError } from '../json-file.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

interface RequestFlags extends DatabaseFlags {
  json?: boolean;
  spec?: string;
  agents?: string;
  role?: string;
  team?: string;
  min?: string;
  reason?: string;
  hold: boolean;
  remindAfter?: string;
  escalateAfter?: string;
}

/** `switchboard approvals request TICKET`: ask for an approval, from flags or a JSON file shaped as the API's body. */
export function registerApprovalsRequest(approvals: Command): void {
  workspaceSubcommand(approvals, 'request')
    .description('ask for an approval on a ticket (as POST /v1/tickets/:id/approvals)')
    .argument('<ticket>', 'the ticket (tkt_…)')
    .option('--spec <file>', 'the whole request as JSON (approvers, reason, on_approve, on_reject, …)')
    .option('--agents <ids>', 'approvers: any of these agents (comma-separated)')
    .option('--role <role>', 'approvers: anyone with this role or above')
    .option('--team <team>', 'approvers: anyone in this team')
    .option('--min <n>', 'how many must approve (default 1)')
    .option('--reason <text>', 'why the approval is needed')
    .option('--no-hold', 'leave the ticket to be routed meanwhile')
    .option('--remind-after <duration>', 'remind the approvers after this long, e.g. 4h')
    .option('--escalate-after <duration>', 'escalate the ticket after this long, e.g. 1d')
    .action((ticketId: string, flags: RequestFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const spec = flags.spec ? readChecked<ApprovalSpecDocument>(flags.spec, ApprovalSpec) : specFromFlags(flags);
      const approval = await store.transaction((tx) => requestApprovalCommand(context(tx), ticketId, spec)).catch(reportDomainError);
      printApproval(presentApproval(approval), flags.json);
    }));
}

/** The request the flags describe, checked against the API's schema like a body. */
function specFromFlags(flags: RequestFlags): ApprovalSpecDocument {
  const named = [flags.agents, flags.role, flags.team].filter((value) => value !== undefined);
  if (named.length !== 1) usageError('Name the approvers with exactly one of --agents, --role or --team (or pass --spec FILE).');
  const min = flags.min === undefined ? {} : { min: Number(flags.min) };
  const approvers = (flags.agents !== undefined ? { agents: flags.agents.split(',').map((id) => id.trim()).filter(Boolean), ...min }
    : flags.role !== undefined ? { role: flags.role, ...min } : { team: flags.team, ...min }) as ApproversDocument;
  const spec: ApprovalSpecDocument = {
    approvers, reason: flags.reason ?? '', hold: flags.hold,
    ...(flags.remindAfter ? { remind_after: flags.remindAfter } : {}), ...(flags.escalateAfter ? { escalate_after: flags.escalateAfter } : {}),
  };
  return checkedBody(spec, ApprovalSpec);
}
