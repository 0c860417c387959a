import type { Static } from 'typebox';
import type { BusinessHoursDocument } from '../../../domain/sla/business-hours.js';
import {
  DEFAULT_WARN_FRACTION, type SlaPolicyDocument, type SlaTargets,
} from '../../../domain/sla/sla-policy.js';
import type { BusinessHoursBody, SlaPolicyBody } from './sla-schemas.js';

/** A business-hours body (snake_case) as the domain's document. */
export function businessHoursFromBody(body: Static<typeof BusinessHoursBody>): BusinessHoursDocument {
  const { mon, tue, wed, thu, fri, sat, sun } = body.weekly;
  const weekly = Object.fromEntries(Object.entries({ mon, tue, wed, thu, fri, sat, sun }).filter(([, ranges]) => ranges !== undefined));
  return {
    name: body.name,
    timeZone: body.time_zone,
    weekly,
    holidays: (body.holidays ?? []).map((h) => ({ date: h.date, name: h.name ?? null })),
  };
}

/** An SLA policy body as the domain's document; a missing condition matches every ticket. */
export function slaPolicyFromBody(body: Static<typeof SlaPolicyBody>): SlaPolicyDocument {
  const targets: SlaTargets = {};
  for (const [priority, metrics] of Object.entries(body.targets)) {
    if (!metrics) continue;
    const converted: Record<string, { minutes: number; businessHoursId: string | null }> = {};
    for (const [metric, target] of Object.entries(metrics)) {
      if (target) converted[metric] = { minutes: target.minutes, businessHoursId: target.business_hours ?? null };
    }
    targets[priority as keyof SlaTargets] = converted;
  }
  return { name: body.name, condition: body.condition ?? 'true', warnFraction: body.warn_at ?? DEFAULT_WARN_FRACTION, targets };
}
