import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { SimulationCancelled, checkStaffingOnThread, runOnThread } from '../../../adapters/simulation/simulation-thread.js';
import { prepareScenarioCommand } from '../../../commands/simulation/prepare-scenario.js';
import { fail } from '../../../domain/errors.js';
import { DEFAULT_CHECK_CALLS } from '../../../domain/simulator/staffing-check.js';
import { checkedStaffingPlan } from '../../../domain/simulator/staffing-plan.js';
import { commandContext, type HttpServices } from '../services.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { ScenarioBody, SimulationOutput } from '../../wire/simulation/simulation-schemas.js';
import { scenarioFromBody } from '../../wire/simulation/simulation-input.js';
import { StaffingPlanBody, StaffingPlanOutput, staffingFromBody } from '../../wire/staffing/staffing-schemas.js';

/** Runs at once per server process (simulations and staffing checks together): each takes a core while it runs. */
const MAX_RUNNING = 2;

/** The simulator: runs a scenario under one or two policies, and plans the staffing a target takes. */
export const simulationRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  let running = 0;

  /** Runs `work` on a thread slot; the client closing the connection cancels it. */
  async function onThread<T>(reply: FastifyReply, work: (signal: AbortSignal) => Promise<T>): Promise<T | FastifyReply> {
    if (running >= MAX_RUNNING) throw fail('rate_limited', `${MAX_RUNNING} simulations are already running on this server; try again when one has ended.`);
    const cancel = new AbortController();
    reply.raw.on('close', () => { if (!reply.raw.writableFinished) cancel.abort(); });
    running++;
    try {
      return await work(cancel.signal);
    } catch (error) {
      // The client left; nobody is there to answer.
      if (error instanceof SimulationCancelled) return reply.hijack();
      throw error;
    } finally {
      running--;
    }
  }

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
    return onThread(reply, (signal) => runOnThread(scenario, signal));
  });

  app.post('/v1/staffing-plans', {
    config: { permission: 'simulations:run' },
    schema: {
      tags: ['simulations'],
      summary: 'Plan the head count per interval that reaches a target',
      description: 'For each interval\'s calls, the fewest agents that reach a service level, an ASA or an abandonment share by Erlang C '
        + '(Erlang A with patience), then checked and adjusted by simulation on a worker thread unless `check.simulate` is false '
        + '(docs/simulator.md, "Staffing plan"). A request with mistakes is a 422 `invalid_staffing_request` listing each with its path.',
      body: StaffingPlanBody,
      response: { 200: StaffingPlanOutput, ...errorResponses(400, 401, 403, 422, 429) },
    },
  }, async (request, reply) => {
    const { request: staffing, simulate, calls, seed } = staffingFromBody(request.body);
    const plan = checkedStaffingPlan(staffing);
    if (!simulate) return plan;
    return onThread(reply, (signal) => checkStaffingOnThread(staffing, plan, { calls: calls ?? DEFAULT_CHECK_CALLS, seed: seed ?? 1 }, signal));
  });
};
