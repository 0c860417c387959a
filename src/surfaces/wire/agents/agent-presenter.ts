import type { Agent } from '../../../domain/agent/agent.js';
import { iso } from '../time.js';

/** An agent as clients see it. */
export function presentAgent(agent: Agent) {
  return {
    id: agent.id,
    name: agent.name,
    email: agent.email,
    skills: agent.skills,
    languages: agent.languages,
    teams: agent.teams,
    level: agent.level,
    capacity: agent.capacity,
    status: agent.status,
    status_changed_at: iso(agent.statusChangedAt),
    working_hours: agent.workingHours,
    location: agent.location,
    attributes: agent.attributes,
    version: agent.version,
    created_at: iso(agent.createdAt),
    updated_at: iso(agent.updatedAt),
    removed_at: iso(agent.removedAt),
  };
}
