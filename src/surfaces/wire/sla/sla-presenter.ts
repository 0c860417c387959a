import type { BusinessHours } from '../../../domain/sla/business-hours.js';
import type { SlaPolicy } from '../../../domain/sla/sla-policy.js';
import { iso } from '../time.js';

/** Business hours as clients see them. */
export function presentBusinessHours(hours: BusinessHours) {
  return {
    id: hours.id,
    name: hours.name,
    time_zone: hours.timeZone,
    weekly: hours.weekly,
    holidays: hours.holidays.map((h) => ({ date: h.date, name: h.name })),
    version: hours.version,
    created_at: iso(hours.createdAt),
    updated_at: iso(hours.updatedAt),
  };
}

/** An SLA policy as clients see it: targets per priority and metric, in minutes and their calendar. */
export function presentSlaPolicy(policy: SlaPolicy) {
  const targets: Record<string, Record<string, { minutes: number; business_hours: string | null }>> = {};
  for (const [priority, metrics] of Object.entries(policy.targets)) {
    targets[priority] = {};
    for (const [metric, target] of Object.entries(metrics ?? {})) {
      targets[priority][metric] = { minutes: target.minutes, business_hours: target.businessHoursId };
    }
  }
  return {
    id: policy.id,
    name: policy.name,
    position: policy.position,
    condition: policy.condition,
    warn_at: policy.warnFraction,
    targets,
    version: policy.version,
    created_at: iso(policy.createdAt),
    updated_at: iso(policy.updatedAt),
  };
}
