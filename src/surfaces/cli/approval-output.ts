import { describeApprovers } from '../../domain/approval/approval.js';
import type { Static } from 'typebox';
import type { ApprovalOutput } from '../wire/approvals/approval-schemas.js';
import { printJson } from './print-json.js';

/** Who approval commands act as when no agent is named. */

type Presented = Static<typeof ApprovalOutput>;

/** One line per approval: id, ticket, status, who, why. */
export function approvalLine(a: Presented): string {
  return `${a.id}  ${a.ticket_id}  ${a.status}  ${describeApprovers(a.approvers)}  ${a.reason}`;
}

/** An approval in full (as the API gives it with `json`): its line, then each vote. */
export function printApproval(a: Presented, json: boolean | undefined): void {
  if (json) return printJson(a);
  console.log(approvalLine(a));
  for (const v of a.votes) console.log(`  ${v.decision}  ${v.name ?? v.voter}  ${v.at}${v.comment ? `  ${v.comment}` : ''}`);
}
