import type { JsonObject } from '../shared/json.js';
import { ROLES, type Role } from './roles.js';

/** A person's authenticator: the TOTP secret (base32), pending until a first code confirms it. */
export interface TwoFactor {
  userId: string;
  secret: string;
  confirmedAt: number | null;
  /** The last time step a code was accepted at; no code of it or before is accepted again. */
  lastStep: number | null;
  createdAt: number;
}

/** The workspace setting naming the roles whose members must sign in with a second factor. */
export const TWO_FACTOR_SETTING = 'two_factor_required_roles';

/** The roles that must use two-factor in a workspace with these settings (all four: the whole workspace). */
export function twoFactorRequiredRoles(settings: JsonObject): Role[] {
  const value = settings[TWO_FACTOR_SETTING];
  return Array.isArray(value) ? ROLES.filter((role) => value.includes(role)) : [];
}
