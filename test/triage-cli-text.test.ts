import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { addCommentCommand } from '../src/commands/add-comment.js';
import { createTicketCommand } from '../src/commands/create-ticket.js';
import { trainTriageCommand } from '../src/commands/triage/train-triage.js';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemContext, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { chatReply, isClassification, offeredLabels, startFakeModel, type FakeModelServer } from './helpers/fake-model-server.js';
import type { JsonBody } from './helpers/http.js';
import { runCli } from './helpers/cli.js';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/triage-eval.csv', import.meta.url));


for (const backend of BACKENDS) {
  describe(`switchboard triage prefill|summary|duplicates|merge|models (${backend.name})`, () => {
    let db: TestDatabase;
    let model: FakeModelServer;
    const ticketIds: string[] = [];
    const run = (args: string[], options?: Parameters<typeof runCli>[1]) => runCli(['triage', ...args, '--workspace', 'cli', ...db.cliArgs], options);
    before(async () => {
      db = await backend.open();
      model = await startFakeModel((request) => isClassification(request)
        ? chatReply(JSON.stringify({ label: offeredLabels(request).at(-1), confidence: 0.66 }))
        : chatReply('The customer cannot reset the password.'));
      const ids = systemIds();
      const workspace = await db.store.transaction((tx) =>
        createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { slug: 'cli', name: 'CLI' }));
      const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n').slice(1, 40);
      await db.store.transaction(async (tx) => {
        const ctx = systemContext(tx, workspace.id, ids);
        for (const line of lines) {
          const [, message, topic] = line.split(',');
          await createTicketCommand(ctx, { title: message!, status: 'new', fields: { category: topic! } })
            .then((ticket) => tx.tickets.update({ ...ticket, status: 'resolved', version: ticket.version + 1 }, ticket));
        }
        const customer = { id: 'cus-1', name: 'Ana' };
        for (const title of ['The reset link in my email has expired', 'The reset link in my e-mail has expired!']) {
          ticketIds.push((await createTicketCommand(ctx, { title, description: 'I asked for a new password. The link says it expired. I need to sign in today.', customer })).id);
        }
        await addCommentCommand(ctx, ticketIds[0]!, { body: 'We sent a fresh link. Please try again within the hour.', visibility: 'public' });
      });
      await trainTriageCommand(db.store, { actor: SYSTEM_ACTOR, workspaceId: workspace.id, clock: systemClock, ids }, { seed: 3 });
    });
    after(async () => {
      await model.close();
      await db.cleanup();
    });

    it('prefills from --text with the external model the environment configures, and from stdin locally', async () => {
      const external = await run(['prefill', '--text', 'my payment was charged twice', '--json'], { env: { SWITCHBOARD_AI_URL: model.url, SWITCHBOARD_AI_MODEL: 'fake', SWITCHBOARD_AI_KEY: 'sk-cli' } });
      assert.equal(external.code, 0, external.stderr);
      const suggestion: JsonBody = JSON.parse(external.stdout);
      assert.deepEqual(suggestion.category, { value: 'shipping', confidence: 0.66, source: 'external' });
      assert.equal(model.requests.at(-1)!.authorization, 'Bearer sk-cli');

      const local = await run(['prefill'], { stdin: 'my payment was charged twice on the credit card' });
      assert.equal(local.code, 0, local.stderr);
      assert.match(local.stdout, /^category +billing {2}\(\d+%, local\)$/m);
    });

    it('summarises a ticket and lists its duplicates, as text and as JSON', async () => {
      const summary = await run(['summary', ticketIds[0]!, '--sentences', '2', '--json']);
      assert.equal(summary.code, 0, summary.stderr);
      const shown: JsonBody = JSON.parse(summary.stdout);
      assert.equal(shown.source, 'local');
      assert.equal(shown.comments, 1);
      assert.equal(shown.sentences.length, 2);
      const external = await run(['summary', ticketIds[0]!], { env: { SWITCHBOARD_AI_URL: model.url, SWITCHBOARD_AI_MODEL: 'fake' } });
      assert.match(external.stdout, /^The customer cannot reset the password\.\n\(written by the external model/);

      const duplicates = await run(['duplicates', ticketIds[1]!, '--json']);
      assert.equal(duplicates.code, 0, duplicates.stderr);
      assert.deepEqual(JSON.parse(duplicates.stdout).data.map((d: JsonBody) => d.ticket_id), [ticketIds[0]]);
      const text = await run(['duplicates', ticketIds[1]!]);
      assert.match(text.stdout, new RegExp(`^0\\.\\d\\d  ${ticketIds[0]}  queued`, 'm'));
    });

    it('merges a duplicate and lists the models', async () => {
      const merged = await run(['merge', ticketIds[1]!, '--into', ticketIds[0]!, '--json']);
      assert.equal(merged.code, 0, merged.stderr);
      const outcome: JsonBody = JSON.parse(merged.stdout);
      assert.equal(outcome.merged.status, 'closed');
      assert.equal(outcome.target.id, ticketIds[0]);
      const again = await run(['merge', ticketIds[1]!, '--into', ticketIds[0]!]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /closed already/);
      const models = await run(['models']);
      assert.match(models.stdout, /^category v1 .* 39 tickets, 3 classes/m);
    });

    it('exits 1 for an unknown ticket and 2 for misuse', async () => {
      const missing = await run(['summary', 'tkt_missing']);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /No ticket tkt_missing/);
      assert.equal((await run(['duplicates', ticketIds[0]!, '--limit', '0'])).code, 2);
      assert.equal((await run(['prefill', '--text', '   '])).code, 1);
      const badConfig = await run(['prefill', '--text', 'hi'], { env: { SWITCHBOARD_AI_URL: model.url } });
      assert.equal(badConfig.code, 2);
      assert.match(badConfig.stderr, /SWITCHBOARD_AI_MODEL/);
    });
  });
}
