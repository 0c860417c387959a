import type { TicketType } from '../ticket/ticket-type.js';

/** Secrets a workspace signs with, each made once and then shared by every node. */
export interface WorkspaceSecretRepository {
  /** The stored secret of that name, storing `candidate` first when there is none (the first writer wins). */
  getOrCreate(workspaceId: string, name: string, candidate: string, now: number): Promise<string>;
}

/** The ticket types a workspace configured. */
export interface TicketTypeRepository {
  get(workspaceId: string, name: string): Promise<TicketType | undefined>;
  list(workspaceId: string): Promise<TicketType[]>;
  insert(type: TicketType): Promise<void>;
  /** Stores the type if it is still at `version - 1`; false when someone else changed it first. */
  update(type: TicketType): Promise<boolean>;
  delete(workspaceId: string, name: string): Promise<boolean>;
}
