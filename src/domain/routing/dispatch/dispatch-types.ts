/** A point on the Earth in decimal degrees (WGS 84). */
export interface GeoPoint {
  lat: number;
  lon: number;
}

export type DispatchPriority = 'urgent' | 'high' | 'normal' | 'low';

/** A pending work order: where it is, which skills (name → level) it needs, how pressing it is. */
export interface DispatchOrder {
  id: string;
  location: GeoPoint;
  requiredSkills: Record<string, number>;
  priority: DispatchPriority;
}

/** A field technician starting from `location` (null: unknown, so not dispatchable) with `slots` free places. */
export interface DispatchTechnician {
  id: string;
  location: GeoPoint | null;
  skills: Record<string, number>;
  slots: number;
}

export interface DispatchOptions {
  /** Cost per kilometre travelled; default 1. */
  travelWeight?: number;
  /** Cost per missing skill level, summed over skills; default 10. */
  skillGapWeight?: number;
  /** Pairs farther apart than this are infeasible; default Infinity. */
  maxDistanceKm?: number;
}

export interface DispatchAssignment {
  orderId: string;
  technicianId: string;
  distanceKm: number;
  skillGap: number;
  cost: number;
}

export type DispatchUnassignedReason = 'no_qualified_technician' | 'no_capacity' | 'too_far';

export interface DispatchPlan {
  assignments: DispatchAssignment[];
  unassigned: { orderId: string; reason: DispatchUnassignedReason }[];
  totalCost: number;
  method: 'optimal' | 'greedy';
}
