import type { CapacityClass } from './capacity.js';

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A reservation of a ticket for one agent, who accepts or declines it before it expires. */
export interface Offer {
  id: string;
  workspaceId: string;
  ticketId: string;
  agentId: string;
  status: OfferStatus;
  capacityClass: CapacityClass;
  loadUnits: number;
  createdAt: number;
  expiresAt: number;
  answeredAt: number | null;
}
