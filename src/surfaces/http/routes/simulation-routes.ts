import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SimulationCancelled, runOnThread } from '../../../adapters/simulation/simulation-thread.js';
import { prepareScenarioCommand } from '../../../commands/simulation/prepare-scenario.js';
import { fail } from '../../../domain/errors.js';
import { commandContext, type HttpServices } from '../services.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { ScenarioBody, SimulationOutput } from '../../wire/simulation/simulation-schemas.js';
import { scenarioFromBody } from '../../wire/simulation/simulation-input.js';

/** Runs at once per server process: each takes a core while it runs. */
const MAX_RUNNING = 2;

/** The simulator: runs a scenario under one or two policies and answers with the figures side by side. */
export const simulationRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  let running = 0;

  app.post('/v1/simulations', {
    config: { permission: 'simulations:run' },
    schema: {
      tags: ['simulations'],
      summary: 'Run a simulation scenario and return its figures',
      description: 'The scenario (docs/simulator.md) is checked first: any mistake is a 422 `invalid_scenario` listing each with its path, before anything runs. '
        + 'The run happens on a worker thread; the answer comes when it ends. Closing the connection cancels the run.',
      body: ScenarioBody,
      response: { 200: SimulationOutput, ...errorResponses(400, 401, 403, 422, 429) },
    },
  }, async (request, reply) => {
    const scenario = await services.store.read((tx) => prepareScenarioCommand(commandContext(services, request.principal, tx), scenarioFromBody(request.body)));
    if (running >= MAX_RUNNING) throw fail('rate_limited', `${MAX_RUNNING} simulations are already running on this server; try again when one has ended.`);
    const cancel = new AbortController();
    reply.raw.on('close', () => { if (!reply.raw.writableFinished) cancel.abort(); });
    running++;
    try {
      return await runOnThread(scenario, cancel.signal);
    } catch (error) {
      // The client left; nobody is there to answer.
      if (error instanceof SimulationCancelled) return reply.hijack();
      throw error;
    } finally {
      running--;
    }
  });
};
