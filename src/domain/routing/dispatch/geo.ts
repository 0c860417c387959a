import type { GeoPoint } from './dispatch-types.js';

/** Mean Earth radius (IUGG), the usual choice for great-circle distances. */
const EARTH_RADIUS_KM = 6371.0088;
export const RADIANS_PER_DEGREE = Math.PI / 180;

/** Great-circle distance in kilometres between two points on a spherical Earth (error under 0.5 %). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const latA = a.lat * RADIANS_PER_DEGREE;
  const latB = b.lat * RADIANS_PER_DEGREE;
  return haversineRadiansKm(latA, a.lon * RADIANS_PER_DEGREE, Math.cos(latA), latB, b.lon * RADIANS_PER_DEGREE, Math.cos(latB));
}

/**
 * The same distance from coordinates already in radians with the cosine of each latitude, so a
 * caller pricing many pairs converts and takes each cosine once per point instead of once per pair.
 */
export function haversineRadiansKm(
  latA: number, lonA: number, cosLatA: number, latB: number, lonB: number, cosLatB: number,
): number {
  const sinLat = Math.sin((latB - latA) / 2);
  const sinLon = Math.sin((lonB - lonA) / 2);
  const h = sinLat * sinLat + cosLatA * cosLatB * sinLon * sinLon;
  // min() keeps rounding from pushing h past 1 for antipodal points, where asin would give NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
