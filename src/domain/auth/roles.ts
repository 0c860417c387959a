export const ROLES = ['admin', 'supervisor', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a caller may do; each route names the one permission it needs. */
export type Permission =
  | 'tickets:read'
  | 'tickets:write'
  | 'agents:read'
  | 'agents:write'
  | 'agents:presence'
  | 'tokens:manage'
  | 'workspace:manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['tickets:read', 'tickets:write', 'agents:read', 'agents:write', 'agents:presence', 'tokens:manage', 'workspace:manage'],
  supervisor: ['tickets:read', 'tickets:write', 'agents:read', 'agents:write', 'agents:presence'],
  agent: ['tickets:read', 'tickets:write', 'agents:read', 'agents:presence'],
  viewer: ['tickets:read', 'agents:read'],
};

/** True when the role carries the permission. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
