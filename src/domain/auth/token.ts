import type { Role } from './roles.js';

/** An API token as stored: only the hash of the secret is kept. */
export interface ApiToken {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  agentId: string | null;
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** The caller behind a request, once its token has been checked. */
export interface Principal {
  tokenId: string;
  workspaceId: string;
  role: Role;
  agentId: string | null;
  name: string;
}
