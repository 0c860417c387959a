import type { Role } from './roles.js';

/** An API token as stored: only the hash of the secret is kept. */
export interface ApiToken {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  agentId: string | null;
  /** The person the token belongs to; null for tokens issued before users existed. */
  userId: string | null;
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** The caller behind a request, once its token or session cookie has been checked. */
export interface Principal {
  /** How the caller proved who they are: a bearer token, or a browser session (which needs a CSRF token to write). */
  via: 'token' | 'session';
  /** The token's id, or the session's. */
  tokenId: string;
  /** The signed-in person, or the token's owner. */
  userId: string | null;
  workspaceId: string;
  role: Role;
  agentId: string | null;
  name: string;
}
