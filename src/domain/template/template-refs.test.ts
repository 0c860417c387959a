import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AutomationDocument } from '../automation/automation.js';
import type { EscalationDocument } from '../escalation/escalation-config.js';
import { renameAutomationRefs, renameEscalationAgents } from './template-refs.js';

const agent = (ref: string) => `id:${ref}`;
const canned = (ref: string) => `cnr:${ref}`;

describe('template references', () => {
  it("renames an approval request's approvers and the references of its held actions", () => {
    const automation: AutomationDocument = {
      name: 'changes', events: ['ticket.created'], when: 'true',
      actions: [{
        kind: 'request_approval', approvers: { agents: ['@cab', '@lead'], min: 2 }, reason: 'change',
        on_approve: [{ kind: 'add_watcher', agent: '@lead' }], on_reject: [{ kind: 'reply', canned_response: 'Rejected' }],
      }],
    };
    const [action] = renameAutomationRefs(automation, agent, canned).actions;
    assert.deepEqual(action, {
      kind: 'request_approval', approvers: { agents: ['id:@cab', 'id:@lead'], min: 2 }, reason: 'change',
      on_approve: [{ kind: 'add_watcher', agent: 'id:@lead' }], on_reject: [{ kind: 'reply', canned_response: 'cnr:Rejected' }],
    });
  });

  it("renames the agents of an escalation level's approval, and leaves role approvers alone", () => {
    const escalation: EscalationDocument = {
      levels: [
        { level: 1, queue: 'l1', owner: { agent: '@lead' }, approval: { approvers: { agents: ['@manager'] }, reason: 'costly' } },
        { level: 2, queue: 'l2', owner: { role: 'supervisor' }, approval: { approvers: { role: 'admin' }, reason: 'costlier' } },
      ],
      triggers: [],
    };
    const [first, second] = renameEscalationAgents(escalation, agent).levels;
    assert.deepEqual([first?.owner, first?.approval?.approvers], [{ agent: 'id:@lead' }, { agents: ['id:@manager'] }]);
    assert.deepEqual(second?.approval?.approvers, { role: 'admin' });
  });
});
