import type { Static } from 'typebox';
import type { ScenarioInput } from '../../../commands/simulation/prepare-scenario.js';
import type { ScenarioBody } from './simulation-schemas.js';
import { businessHoursFromBody, slaPolicyFromBody } from '../sla/sla-input.js';

/** A scenario body (its SLA parts in the SLA API's wire shape) as the command's input. */
export function scenarioFromBody(body: Static<typeof ScenarioBody>): ScenarioInput {
  const { sla_policies: slaPolicies, business_hours: businessHours, ...rest } = body;
  const input = { ...rest } as ScenarioInput;
  if (slaPolicies) input.sla_policies = slaPolicies.map(slaPolicyFromBody);
  if (businessHours) input.business_hours = Object.fromEntries(Object.entries(businessHours).map(([id, hours]) => [id, businessHoursFromBody(hours)]));
  return input;
}
