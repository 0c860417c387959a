import type { Command } from 'commander';
import { cancelApprovalCommand, loadApproval } from '../../../commands/approval/decide-approval.js';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../../../domain/approval/approval.js';
import { presentApproval } from '../../wire/approvals/approval-presenter.js';
import { reportDomainError } from '../json-file.js';
import { approvalLine, printApproval } from '../approval-output.js';
import { printJson } from '../print-json.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { registerApprovalsRequest } from './approvals-request.js';
import { registerApprovalsVote } from './approvals-vote.js';

type Flags = DatabaseFlags & { json?: boolean };

/** `switchboard approvals list|show|request|approve|reject|cancel`: approvals from the command line. */
export function registerApprovals(program: Command): void {
  const approvals = program.command('approvals').description('list, ask for, answer and cancel approvals');
  registerList(approvals);
  registerShow(approvals);
  registerApprovalsRequest(approvals);
  registerApprovalsVote(approvals, 'approve');
  registerApprovalsVote(approvals, 'reject');
  registerCancel(approvals);
}

function registerList(approvals: Command): void {
  workspaceSubcommand(approvals, 'list')
    .description('list approvals, newest first (as GET /v1/approvals)')
    .option('--status <status>', `one of ${APPROVAL_STATUSES.join(', ')}`)
    .option('--ticket <id>', 'only this ticket\'s approvals')
    .option('--limit <n>', 'at most this many', '50')
    .action((flags: Flags & { status?: string; ticket?: string; limit: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      if (flags.status && !(APPROVAL_STATUSES as readonly string[]).includes(flags.status)) usageError(`Unknown status "${flags.status}"; use one of ${APPROVAL_STATUSES.join(', ')}.`);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) usageError('--limit is a whole number from 1 to 200.');
      const page = await store.read((tx) => tx.approvals.list({
        workspaceId, statuses: flags.status ? [flags.status as ApprovalStatus] : undefined, ticketId: flags.ticket, limit,
      }));
      const data = page.items.map(presentApproval);
      if (flags.json) return printJson({ data });
      if (data.length === 0) console.log('No approvals.');
      for (const a of data) console.log(approvalLine(a));
    }));
}

function registerShow(approvals: Command): void {
  workspaceSubcommand(approvals, 'show')
    .description('one approval with its votes (as GET /v1/approvals/:id)')
    .argument('<id>', 'the approval (apr_…)')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const approval = await store.read((tx) => loadApproval({ tx, workspaceId }, id)).catch(reportDomainError);
      printApproval(presentApproval(approval), flags.json);
    }));
}

function registerCancel(approvals: Command): void {
  workspaceSubcommand(approvals, 'cancel')
    .description('withdraw an awaiting approval: nothing it holds runs, the ticket is let go')
    .argument('<id>', 'the approval (apr_…)')
    .option('--comment <text>', 'why')
    .action((id: string, flags: Flags & { comment?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const approval = await store.transaction((tx) => cancelApprovalCommand(context(tx), id, flags.comment ?? null)).catch(reportDomainError);
      printApproval(presentApproval(approval), flags.json);
    }));
}
