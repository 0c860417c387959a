import type { Static } from 'typebox';
import type { AgentDraft, AgentPatch } from '../../../domain/agent/agent.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import type { AgentCreateBody, AgentPatchBody } from './agent-schemas.js';

/** An agent body (snake_case) as the domain's patch; keys the client left out stay undefined. */
export function agentInput(body: Static<typeof AgentPatchBody>): AgentPatch {
  return {
    name: body.name,
    email: body.email,
    skills: body.skills,
    languages: body.languages,
    teams: body.teams,
    level: body.level,
    capacity: body.capacity,
    status: body.status,
    workingHours: body.working_hours,
    location: body.location,
    attributes: body.attributes as JsonObject | undefined,
  };
}

/** A create body as the domain's draft. */
export function agentDraftFromBody(body: Static<typeof AgentCreateBody>): AgentDraft {
  return { ...agentInput(body), name: body.name };
}

/** A draft as `POST /v1/agents` takes it, as bundles write agents; presence only when the draft sets it. */
export function agentBodyFromDraft(draft: AgentDraft): Static<typeof AgentCreateBody> {
  return {
    name: draft.name, email: draft.email ?? null, skills: draft.skills, languages: draft.languages, teams: draft.teams,
    level: draft.level, capacity: draft.capacity, ...(draft.status ? { status: draft.status } : {}),
    working_hours: draft.workingHours ?? null, location: draft.location ?? null, attributes: draft.attributes,
  };
}
