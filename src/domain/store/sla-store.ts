import type { BusinessHours } from '../sla/business-hours.js';
import type { SlaPolicy } from '../sla/sla-policy.js';

export interface BusinessHoursRepository {
  /** Every calendar of the workspace, by name. */
  list(workspaceId: string): Promise<BusinessHours[]>;
  get(workspaceId: string, id: string): Promise<BusinessHours | undefined>;
  insert(hours: BusinessHours): Promise<void>;
  /** Writes the calendar if the stored one is still at `expectedVersion`; false when it was not. */
  update(hours: BusinessHours, expectedVersion: number): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

export interface SlaPolicyRepository {
  /** Every policy of the workspace in the order they are tried. */
  list(workspaceId: string): Promise<SlaPolicy[]>;
  get(workspaceId: string, id: string): Promise<SlaPolicy | undefined>;
  insert(policy: SlaPolicy): Promise<void>;
  /** Writes the policy if the stored one is still at `expectedVersion`; false when it was not. */
  update(policy: SlaPolicy, expectedVersion: number): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  /** Gives each listed policy its index in `ids` as its position. */
  reorder(workspaceId: string, ids: readonly string[]): Promise<void>;
}
