import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAgentCommand } from '../src/commands/agent-commands.js';
import { createTicketCommand } from '../src/commands/create-ticket.js';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemContext, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

for (const backend of BACKENDS) {
  describe(`switchboard approvals (${backend.name})`, () => {
    let db: TestDatabase;
    let ticketId: string;
    let agentIds: string[];
    before(async () => {
      db = await backend.open();
      const ids = systemIds();
      ({ ticketId, agentIds } = await db.store.transaction(async (tx) => {
        const ws = await createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { slug: 'approve', name: 'approve' });
        const ctx = systemContext(tx, ws.id, ids);
        const ticket = await createTicketCommand(ctx, { title: 'Laptop for the new hire' });
        const agents = [await createAgentCommand(ctx, { name: 'Ines', teams: ['it'] }), await createAgentCommand(ctx, { name: 'Jun', teams: ['it'] })];
        return { ticketId: ticket.id, agentIds: agents.map((a) => a.id) };
      }));
    });
    after(() => db.cleanup());
    const run = (args: string[]) => runCli(['approvals', ...args, ...db.cliArgs, '--workspace', 'approve']);

    it('requests, lists, approves two of a team, shows the votes', async () => {
      const requested = await run(['request', ticketId, '--team', 'it', '--min', '2', '--reason', 'hardware budget', '--json']);
      assert.equal(requested.code, 0, requested.stderr);
      const approval = JSON.parse(requested.stdout);
      assert.deepEqual([approval.status, approval.needed, approval.source], ['awaiting', 2, 'manual']);
      assert.match((await run(['list', '--status', 'awaiting'])).stdout, new RegExp(`${approval.id}  ${ticketId}  awaiting  2 of team it  hardware budget`));

      const notMember = await run(['approve', approval.id]);
      assert.equal(notMember.code, 1);
      assert.match(notMember.stderr, /not among the approvers/);
      assert.match((await run(['approve', approval.id, '--as', agentIds[0]!])).stdout, /awaiting/);
      assert.equal((await run(['approve', approval.id, '--as', agentIds[0]!])).code, 1, 'one vote each');
      const done = await run(['approve', approval.id, '--as', agentIds[1]!, '--comment', 'ok']);
      assert.match(done.stdout, /approved/);
      const shown = (await run(['show', approval.id])).stdout;
      assert.match(shown, /approve {2}Ines/);
      assert.match(shown, /approve {2}Jun .* {2}ok/);
    });

    it('rejects only with a reason, cancels, and refuses bad requests with usage errors', async () => {
      const spec = join(tmpdir(), `approval-${process.pid}-${backend.name}.json`);
      writeFileSync(spec, JSON.stringify({ approvers: { agents: [agentIds[0]] }, reason: 'from a file', hold: false }));
      const approval = JSON.parse((await run(['request', ticketId, '--spec', spec, '--json'])).stdout);
      assert.equal((await run(['reject', approval.id, '--as', agentIds[0]!])).code, 2);
      const rejected = await run(['reject', approval.id, '--as', agentIds[0]!, '--comment', 'no budget', '--json']);
      assert.equal(JSON.parse(rejected.stdout).status, 'rejected');

      const second = JSON.parse((await run(['request', ticketId, '--role', 'supervisor', '--reason', 'again', '--json'])).stdout);
      assert.match((await run(['cancel', second.id])).stdout, /cancelled/);
      assert.equal((await run(['cancel', second.id])).code, 1);
      assert.equal((await run(['request', ticketId, '--reason', 'who?'])).code, 2);
      const unknown = await run(['request', ticketId, '--agents', 'agt_nobody', '--reason', 'x']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /\/approvers\/agents\/0/);
    });
  });
}
