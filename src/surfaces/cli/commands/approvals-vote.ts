import type { Command } from 'commander';
import { resolveVoter, voteApprovalCommand } from '../../../commands/approval/decide-approval.js';
import type { VoteDecision } from '../../../domain/approval/approval.js';
import { presentApproval } from '../../wire/approvals/approval-presenter.js';
import { printApproval } from '../approval-output.js';
import { reportDomainError } from '../json-file.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/**
 * `switchboard approvals approve|reject ID --as AGENT`: one vote. Whoever runs the command line
 * holds the database, so they vote with the admin role; `--as` names the agent they vote as
 * (needed for approvals that list agents or a team).
 */
export function registerApprovalsVote(approvals: Command, decision: VoteDecision): void {
  workspaceSubcommand(approvals, decision)
    .description(decision === 'approve' ? 'approve (one vote)' : 'reject, with the reason in --comment')
    .argument('<id>', 'the approval (apr_…)')
    .option('--as <agent>', 'vote as this agent (agt_…)')
    .option('--comment <text>', decision === 'approve' ? 'a remark' : 'why (required)')
    .action((id: string, flags: DatabaseFlags & { json?: boolean; as?: string; comment?: string }) => {
      if (decision === 'reject' && !flags.comment?.trim()) usageError('A rejection needs a reason: pass --comment.');
      return inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId, context }) => {
        const agent = flags.as ? await store.read((tx) => tx.agents.get(workspaceId, flags.as!)) : undefined;
        if (flags.as && !agent) usageError(`There is no agent ${flags.as}.`);
        const approval = await store.transaction(async (tx) => {
          const ctx = { ...context(tx), actor: agent ? { kind: 'agent' as const, id: agent.id, name: agent.name } : CLI_ACTOR };
          const voter = await resolveVoter(ctx, { key: 'cli', agentId: agent?.id ?? null, role: 'admin', name: agent?.name ?? 'cli' });
          return voteApprovalCommand(ctx, id, voter, { decision, comment: flags.comment ?? null });
        }).catch(reportDomainError);
        printApproval(presentApproval(approval), flags.json);
      });
    });
}
