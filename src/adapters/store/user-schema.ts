/** The tables of people who sign in (migration 0020). */
export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  disabled_at: number | null;
  failed_attempts: number;
  locked_until: number | null;
  created_at: number;
  /** Migration 0032: the dashboard language and IANA time zone; null follows the browser. */
  language: string | null;
  time_zone: string | null;
}

export interface MembershipTable {
  user_id: string;
  workspace_id: string;
  role: string;
  agent_id: string | null;
  created_at: number;
}

export interface SessionTable {
  id: string;
  hash: string;
  user_id: string;
  workspace_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
  address: string;
  user_agent: string;
}

/** A person's TOTP secret and recovery codes (migration 0028). */
export interface TwoFactorTable {
  user_id: string;
  secret: string;
  confirmed_at: number | null;
  last_step: number | null;
  created_at: number;
}

export interface RecoveryCodeTable {
  user_id: string;
  hash: string;
  used_at: number | null;
}

export interface UserTables {
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  two_factor: TwoFactorTable;
  recovery_codes: RecoveryCodeTable;
}
