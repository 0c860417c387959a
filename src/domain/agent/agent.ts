import type { JsonObject } from '../shared/json.js';
import type { CapacityClass } from '../routing/capacity.js';
import type { GeoPoint } from '../ticket/ticket.js';
import type { WorkingHours } from './working-hours.js';

export const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/** A person who takes work: what they know, how much they can hold, and whether they are there. */
export interface Agent {
  id: string;
  workspaceId: string;
  name: string;
  email: string | null;
  skills: Record<string, number>;
  languages: string[];
  teams: string[];
  level: number;
  /** Tickets held at once per capacity class (asynchronous channels share `email`). */
  capacity: Partial<Record<CapacityClass, number>>;
  status: Presence;
  statusChangedAt: number;
  workingHours: WorkingHours | null;
  location: GeoPoint | null;
  attributes: JsonObject;
  version: number;
  createdAt: number;
  updatedAt: number;
  removedAt: number | null;
}

/** The fields a client sets when creating an agent. */
export interface AgentDraft {
  name: string;
  email?: string | null;
  skills?: Record<string, number>;
  languages?: string[];
  teams?: string[];
  level?: number;
  capacity?: Partial<Record<CapacityClass, number>>;
  status?: Presence;
  workingHours?: WorkingHours | null;
  location?: GeoPoint | null;
  attributes?: JsonObject;
}

export type AgentPatch = Partial<AgentDraft>;

/** Builds a new agent with defaults for everything the draft leaves out. */
export function createAgent(draft: AgentDraft, id: string, workspaceId: string, now: number): Agent {
  return {
    id,
    workspaceId,
    name: draft.name.trim(),
    email: draft.email ? draft.email.trim().toLowerCase() : null,
    skills: normalizeSkills(draft.skills ?? {}),
    languages: normalizeList(draft.languages ?? []),
    teams: normalizeList(draft.teams ?? []),
    level: draft.level ?? 1,
    capacity: draft.capacity ?? { email: 5, chat: 2, phone: 1 },
    status: draft.status ?? 'offline',
    statusChangedAt: now,
    workingHours: draft.workingHours ?? null,
    location: draft.location ?? null,
    attributes: draft.attributes ?? {},
    version: 1,
    createdAt: now,
    updatedAt: now,
    removedAt: null,
  };
}

/** Applies a patch; a presence change restarts the presence clock (used for longest-idle routing). */
export function applyAgentPatch(agent: Agent, patch: AgentPatch, now: number): Agent {
  const next: Agent = { ...agent };
  if (patch.name !== undefined) next.name = patch.name.trim();
  if (patch.email !== undefined) next.email = patch.email ? patch.email.trim().toLowerCase() : null;
  if (patch.skills !== undefined) next.skills = normalizeSkills(patch.skills);
  if (patch.languages !== undefined) next.languages = normalizeList(patch.languages);
  if (patch.teams !== undefined) next.teams = normalizeList(patch.teams);
  if (patch.level !== undefined) next.level = patch.level;
  if (patch.capacity !== undefined) next.capacity = patch.capacity;
  if (patch.workingHours !== undefined) next.workingHours = patch.workingHours;
  if (patch.location !== undefined) next.location = patch.location;
  if (patch.attributes !== undefined) next.attributes = patch.attributes;
  if (patch.status !== undefined && patch.status !== agent.status) {
    next.status = patch.status;
    next.statusChangedAt = now;
  }
  next.version = agent.version + 1;
  next.updatedAt = now;
  return next;
}

function normalizeSkills(skills: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, level] of Object.entries(skills)) out[name.trim().toLowerCase()] = level;
  return out;
}

function normalizeList(items: readonly string[]): string[] {
  return [...new Set(items.map((item) => item.trim().toLowerCase()).filter(Boolean))];
}
