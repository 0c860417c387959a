import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import type { Principal } from '../../../domain/auth/token.js';
import { SimulationCancelled, checkStaffingOnThread, runOnThread, runReplicationsOnThreads } from '../../../adapters/simulation/simulation-thread.js';
import { withReplications } from '../../../domain/simulator/replications.js';
import { prepareScenarioCommand } from '../../../commands/simulation/prepare-scenario.js';
import { fail } from '../../../domain/errors.js';
import { DEFAULT_CHECK_CALLS } from '../../../domain/simulator/staffing-check.js';
import { checkedStaffingPlan } from '../../../domain/simulator/staffing-plan.js';
import { calibrateCallLog, calibrationReport } from '../../calibration/calibrate-call-log.js';
import { readCsvStream } from '../../records/read-csv.js';
import { calibrateWorkspaceCommand } from '../../../commands/simulation/calibrate-workspace.js';
import {
  CalibrationOutput, CalibrationQuery, StartingScenarioOutput, WorkspaceCalibrationOutput, WorkspaceCalibrationQuery,
} from '../../wire/simulation/calibration-schemas.js';
import { calibrationFromQuery, intervalOf } from '../../wire/simulation/calibration-input.js';
import { commandContext, type HttpServices } from '../services.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { ScenarioBody, SimulationOutput, SimulationQuery } from '../../wire/simulation/simulation-schemas.js';
import { scenarioFromBody } from '../../wire/simulation/simulation-input.js';
import { staffingFromBody } from '../../wire/staffing/staffing-input.js';
import { StaffingPlanBody, StaffingPlanOutput } from '../../wire/staffing/staffing-schemas.js';

/** The largest call log a request may send: a year of a large centre's calls. */
const MAX_CALL_LOG_BYTES = 256 * 1024 * 1024;

/** The stream, failing with `body_too_large` once more than `limit` bytes have come through. */
function limitedStream(input: Readable, limit: number): Readable {
  let bytes = 0;
  return Readable.from((async function* () {
    for await (const chunk of input) {
      bytes += (chunk as Buffer).length;
      if (bytes > limit) throw fail('body_too_large', `A call log may be at most ${limit / 1024 / 1024} MiB.`);
      yield chunk as Buffer;
    }
  })());
}

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
        + 'The run happens on a worker thread; the answer comes when it ends. Closing the connection cancels the run. '
        + 'With `?replications=N` it runs N seeds on as many threads as the machine has cores and adds each figure\'s mean and 95 % confidence interval.',
      body: ScenarioBody,
      querystring: SimulationQuery,
      response: { 200: SimulationOutput, ...errorResponses(400, 401, 403, 422, 429) },
    },
  }, async (request, reply) => {
    const scenario = await services.store.read((tx) => prepareScenarioCommand(commandContext(services, request.principal, tx), scenarioFromBody(request.body)));
    const replications = request.query.replications ?? 1;
    if (replications === 1) return onThread(reply, (signal) => runOnThread(scenario, signal));
    return onThread(reply, async (signal) => withReplications(await runReplicationsOnThreads(scenario, replications, signal)));
  });

  // A call log is read as it arrives, never held whole; past the limit the read stops with a 413.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, limitedStream(payload, MAX_CALL_LOG_BYTES)));

  app.post('/v1/simulations/calibrations', {
    config: { permission: 'simulations:run' },
    schema: {
      tags: ['simulations'],
      summary: 'Calibrate a scenario from a call log and report how well it reproduces the log',
      description: 'The body is the log as `text/csv` with a header row, read as it streams in (up to 256 MiB); `preset` or `mapping` says which columns hold what '
        + '(docs/simulator.md, "Calibration"). The calibrated scenario runs on a worker thread and is compared with the log per interval and in total. '
        + 'A mapping that does not fit the header, or a log with no answered call, is a 422 `invalid_call_log`.',
      querystring: CalibrationQuery,
      response: { 200: CalibrationOutput, ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
    },
  }, async (request, reply) => {
    if (!(request.body instanceof Readable)) throw fail('unsupported_media_type', 'Send the call log as text/csv.');
    const { mapping, options } = calibrationFromQuery(request.query);
    const size = Number(request.headers['content-length'] ?? 0);
    const calibrated = await calibrateCallLog(readCsvStream(request.body, size), mapping, options);
    return onThread(reply, async (signal) => calibrationReport(calibrated, (await runOnThread(calibrated.calibration.scenario, signal)).policies[0]!));
  });

  const calibrateWorkspace = (request: { principal: Principal; query: Static<typeof WorkspaceCalibrationQuery> }) => {
    const options = { interval_min: intervalOf(request.query.interval_min), staffing: 'agents' as const, handle: 'fitted' as const };
    return services.store.read((tx) => calibrateWorkspaceCommand(commandContext(services, request.principal, tx), request.query.days ?? 28, options));
  };

  app.get('/v1/simulations/starting-scenario', {
    config: { permission: 'simulations:run' },
    schema: {
      tags: ['simulations'],
      summary: 'A scenario to start from, calibrated from the workspace\'s recent tickets and its agents',
      description: 'The tickets created in the last `days` days (default 28) calibrated as a call log would be (docs/simulator.md, "Calibration from the workspace"): '
        + 'arrivals per weekday and interval, handle times, patience, the head count per interval; the roster is the workspace\'s agents. Nothing runs. '
        + 'A window without an answered and resolved ticket is a 422 `invalid_history`.',
      querystring: WorkspaceCalibrationQuery,
      response: { 200: StartingScenarioOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    const { reading, calibration } = await calibrateWorkspace(request);
    return { reading, scenario: calibration.scenario };
  });

  app.post('/v1/simulations/calibrations/workspace', {
    config: { permission: 'simulations:run' },
    schema: {
      tags: ['simulations'],
      summary: 'Calibrate a scenario from the workspace\'s own tickets and report how well it reproduces them',
      description: 'As `GET /v1/simulations/starting-scenario`, then the scenario runs on a worker thread and is compared with the tickets per interval and in total, '
        + 'in the shape of `POST /v1/simulations/calibrations`.',
      querystring: WorkspaceCalibrationQuery,
      response: { 200: WorkspaceCalibrationOutput, ...errorResponses(400, 401, 403, 422, 429) },
    },
  }, async (request, reply) => {
    const calibrated = await calibrateWorkspace(request);
    return onThread(reply, async (signal) => calibrationReport(calibrated, (await runOnThread(calibrated.calibration.scenario, signal)).policies[0]!));
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
