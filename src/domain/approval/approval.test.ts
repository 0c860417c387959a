import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAction } from '../automation/action-checks.js';
import type { ConfigError, ConfigReferences } from '../automation/config-errors.js';
import { DomainError } from '../errors.js';
import { compilePolicy } from '../routing/policy-compiler.js';
import type { Approval, ApprovalSpecDocument, ApproversDocument, Voter } from './approval.js';
import { isApprover } from './approval.js';
import { checkApprovalSpec, planApproval } from './approval-spec.js';
import { castVote } from './approval-tally.js';

const REFS: ConfigReferences = { queues: new Set(['billing']), agents: new Set(['agt_a', 'agt_b', 'agt_c']), cannedResponses: new Set(), webhooks: new Set() };

function approval(approvers: ApproversDocument): Approval {
  return {
    id: 'apr_1', workspaceId: 'ws', ticketId: 'tkt_1', status: 'awaiting', ...planApproval({ approvers, reason: 'why' }), source: 'manual',
    requestedBy: { kind: 'api', id: null, name: null }, requestedAt: 0, decidedAt: null, votes: [], version: 1,
  };
}

const voter = (agentId: string | null, role: Voter['role'] = 'agent', teams: string[] = []): Voter => ({ key: agentId ?? 'tok_1', agentId, role, teams, name: agentId });

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

function mistakes(spec: ApprovalSpecDocument): string[] {
  const errors: ConfigError[] = [];
  checkApprovalSpec(spec, '', REFS, errors, checkAction);
  return errors.map((e) => e.path);
}

describe('approval tally', () => {
  it('approves at the Nth distinct approval and refuses a second vote of the same approver', () => {
    const two = approval({ agents: ['agt_a', 'agt_b', 'agt_c'], min: 2 });
    const once = castVote(two, voter('agt_a'), { decision: 'approve', comment: null }, 10);
    assert.deepEqual([once.status, once.decidedAt, once.version], ['awaiting', null, 2]);
    assert.equal(codeOf(() => castVote(once, voter('agt_a'), { decision: 'approve', comment: null }, 11)), 'approval_already_voted');
    const done = castVote(once, voter('agt_c'), { decision: 'approve', comment: 'ok' }, 12);
    assert.deepEqual([done.status, done.decidedAt, done.votes.length], ['approved', 12, 2]);
    assert.equal(codeOf(() => castVote(done, voter('agt_b'), { decision: 'approve', comment: null }, 13)), 'approval_not_awaiting');
  });

  it('rejects at the first rejection, which needs a reason', () => {
    const two = approval({ team: 'Billing', min: 2 });
    const member = voter('agt_a', 'agent', ['billing']);
    assert.equal(codeOf(() => castVote(two, member, { decision: 'reject', comment: '  ' }, 1)), 'invalid_value');
    assert.equal(castVote(two, member, { decision: 'reject', comment: 'no' }, 1).status, 'rejected');
  });

  it('counts roles upwards and refuses those who are not approvers', () => {
    assert.ok(isApprover({ role: 'supervisor' }, voter(null, 'admin')));
    assert.ok(!isApprover({ role: 'supervisor' }, voter('agt_a', 'agent')));
    assert.ok(!isApprover({ team: 'billing' }, voter('agt_a', 'admin', ['support'])), 'a team approval needs a member, whatever the role');
    assert.equal(codeOf(() => castVote(approval({ agents: ['agt_b'] }), voter('agt_a', 'admin'), { decision: 'approve', comment: null }, 1)), 'not_an_approver');
  });
});

describe('approval spec', () => {
  it('reports each mistake with its path', () => {
    assert.deepEqual(mistakes({ approvers: { agents: ['agt_a'] }, reason: 'ok', on_approve: [{ kind: 'add_tags', tags: ['x'] }] }), []);
    assert.deepEqual(mistakes({ approvers: { agents: ['agt_a', 'agt_a', 'agt_x'], min: 4 }, reason: ' ', escalate_after: '2 days' }),
      ['/approvers/agents', '/approvers/min', '/approvers/agents/2', '/reason', '/escalate_after']);
    assert.deepEqual(mistakes({ approvers: { role: 'viewer' }, reason: 'x', on_reject: [{ kind: 'assign_queue', queue: 'nowhere' }] }), ['/approvers/role', '/on_reject/0/queue']);
    const nested = { kind: 'request_approval', approvers: { role: 'admin' }, reason: 'again' } as unknown as NonNullable<ApprovalSpecDocument['on_approve']>[number];
    assert.deepEqual(mistakes({ approvers: { team: 'x', min: 0 }, reason: 'x', on_approve: [nested] }), ['/approvers/min', '/on_approve/0/kind']);
  });

  it('compiles into policy rules, flagging policies that ask for approval', () => {
    const queues = [{ id: 'general', agents: 'true' }];
    const plain = compilePolicy({ queues, rules: [{ name: 'r', when: 'true', targets: [{ queue: 'general' }] }], default: { queue: 'general' } }, 1);
    assert.ok(plain.ok && !plain.policy.hasApprovals);
    const gated = compilePolicy({
      queues, default: { queue: 'general' },
      rules: [{ name: 'r', when: 'true', targets: [{ queue: 'general' }], approval: { approvers: { role: 'supervisor' }, reason: 'check', remind_after: '4h' } }],
    }, 1);
    assert.ok(gated.ok && gated.policy.hasApprovals);
    assert.equal(gated.policy.rules[0]!.approval!.remindAfterMs, 4 * 3_600_000);
    const bad = compilePolicy({ queues, default: { queue: 'general' }, rules: [{ name: 'r', when: 'true', targets: [{ queue: 'general' }], approval: { approvers: { role: 'supervisor' }, reason: '' } }] }, 1);
    assert.ok(!bad.ok && bad.errors.some((e) => e.path === '/rules/0/approval/reason'));
  });
});
