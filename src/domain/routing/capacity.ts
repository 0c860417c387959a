import type { Channel } from '../ticket/ticket.js';

/**
 * Capacity is counted in three classes: chat and phone are real-time and have their own limits;
 * every asynchronous channel (email, form, api, internal) shares the email limit.
 */
export const CAPACITY_CLASSES = ['email', 'chat', 'phone'] as const;
export type CapacityClass = (typeof CAPACITY_CLASSES)[number];

const CLASS_OF: Record<Channel, CapacityClass> = {
  email: 'email', form: 'email', api: 'email', internal: 'email', chat: 'chat', phone: 'phone',
};

/** The capacity class a ticket of this channel counts against. */
export function capacityClassOf(channel: Channel): CapacityClass {
  return CLASS_OF[channel];
}

/** The channels whose tickets count against a class (used to count an agent's load in SQL). */
export function channelsOfClass(capacityClass: CapacityClass): Channel[] {
  return (Object.keys(CLASS_OF) as Channel[]).filter((channel) => CLASS_OF[channel] === capacityClass);
}

/** Index of a class in per-class arrays. */
export function classIndex(capacityClass: CapacityClass): number {
  return CAPACITY_CLASSES.indexOf(capacityClass);
}

/** Statuses whose tickets take up their agent's capacity; pending and on-hold work waits on others. */
export const ACTIVE_STATUSES = ['assigned', 'in_progress'] as const;
