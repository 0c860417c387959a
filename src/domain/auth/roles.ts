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
  | 'users:manage'
  | 'webhooks:manage'
  | 'workspace:manage'
  | 'routing:read'
  | 'routing:write'
  | 'offers:answer'
  | 'dispatch:run'
  | 'triage:train'
  | 'sla:read'
  | 'sla:write'
  | 'workflows:read'
  | 'workflows:write'
  | 'simulations:run'
  | 'metrics:read'
  | 'metrics:scrape'
  | 'audit:read'
  | 'inbound:email'
  | 'email:manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'tickets:read', 'tickets:write', 'agents:read', 'agents:write', 'agents:presence', 'tokens:manage', 'users:manage', 'webhooks:manage', 'workspace:manage', 'triage:train',
    'routing:read', 'routing:write', 'offers:answer', 'dispatch:run', 'sla:read', 'sla:write',
    'workflows:read', 'workflows:write', 'simulations:run',
    'metrics:read', 'metrics:scrape', 'audit:read', 'inbound:email', 'email:manage',
  ],
  supervisor: ['triage:train', 'tickets:read', 'tickets:write', 'agents:read', 'agents:write', 'agents:presence', 'routing:read', 'routing:write', 'offers:answer', 'dispatch:run', 'sla:read', 'sla:write', 'workflows:read', 'workflows:write', 'simulations:run', 'metrics:read', 'metrics:scrape', 'inbound:email', 'email:manage'],
  agent: ['tickets:read', 'tickets:write', 'agents:read', 'agents:presence', 'routing:read', 'offers:answer', 'sla:read', 'workflows:read'],
  viewer: ['tickets:read', 'agents:read', 'routing:read', 'sla:read', 'workflows:read', 'metrics:read'],
};

/** True when the role carries the permission. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Every permission the role carries, so a client can offer only what the caller may do. */
export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}
