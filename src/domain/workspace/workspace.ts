import type { JsonObject } from '../shared/json.js';

/** A tenant: its own agents, tickets, policies and tokens, invisible to every other workspace. */
export interface Workspace {
  id: string;
  name: string;
  slug: string;
  settings: JsonObject;
  createdAt: number;
}
