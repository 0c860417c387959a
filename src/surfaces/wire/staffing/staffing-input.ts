import { checkedScenarioLoad, staffingMistake, WEEKDAYS } from '../../../domain/simulator/scenario-staffing.js';
import type { ScenarioDocument } from '../../../domain/simulator/scenario.js';
import type { StaffingRequest, StaffingTarget } from '../../../domain/simulator/staffing-plan.js';
import { scenarioFromBody } from '../simulation/simulation-input.js';
import type { StaffingPlanInput } from './staffing-schemas.js';

/**
 * The body as the domain's request, and how to check it. With a scenario, its load per interval,
 * handle time, patience and shrinkage, each overridden by the body's own; refuses
 * (`invalid_staffing_request`) a body with neither intervals nor a scenario, or with both.
 */
export function staffingFromBody(body: StaffingPlanInput): { request: StaffingRequest; simulate: boolean; calls?: number; seed?: number } {
  const { check, interval_min: intervalMin, target, scenario, weekday, ...rest } = body;
  const defined = Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined));
  if (scenario && rest.intervals) throw staffingMistake('/intervals', 'Give intervals or a scenario, not both.');
  if (!scenario && (!rest.intervals || !rest.handle_time)) {
    throw staffingMistake(rest.intervals ? '/handle_time' : '/intervals', 'Give intervals with a handle_time, or a scenario.');
  }
  if (weekday && !scenario) throw staffingMistake('/weekday', 'weekday picks a day of a scenario: give one.');
  const options = { weekday: weekday ? WEEKDAYS.indexOf(weekday) : undefined, interval_min: intervalMin };
  const load = scenario ? checkedScenarioLoad(scenarioFromBody(scenario) as ScenarioDocument, options) : { interval_min: intervalMin ?? 30 };
  const own = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return {
    // The distributions' kinds are checked by the domain (422 with the path), not by the schema.
    request: { ...load, ...own, target: defined as StaffingTarget } as StaffingRequest,
    simulate: check?.simulate ?? true,
    calls: check?.calls,
    seed: check?.seed,
  };
}
