import { BOOL, DOUBLE, INT, STRING, TIMESTAMP, fieldType, isAssignable, isNumeric, type ExprType } from './expr-type.js';
import { checkParams, fixedFunction, type FunctionDefinition, type Resolution } from './function-definition.js';
import { describeValue, expectNumber, expectString, fail, isPlainObject, type PlainObject } from './runtime.js';
import type { FunctionImpl, ResolvedFunction } from './typed-ast.js';

const EARTH_RADIUS_KM = 6371;
const MS_PER_HOUR = 3_600_000;
const RADIANS = Math.PI / 180;

/** Accepts any type a {lat, lon} object can come from: a Location-like object, a map, or dyn. */
function isLocationLike(type: ExprType): boolean {
  if (type.kind === 'dyn') return true;
  if (type.kind === 'map') return isAssignable(type.value, DOUBLE);
  if (type.kind !== 'object') return false;
  const lat = fieldType(type, 'lat');
  const lon = fieldType(type, 'lon');
  return !!lat && !!lon && (isNumeric(lat) || lat.kind === 'dyn') && (isNumeric(lon) || lon.kind === 'dyn');
}

/** Accepts an Agent-like object (one with a `skills` map), a map, or dyn. */
function isAgentLike(type: ExprType): boolean {
  if (type.kind === 'dyn' || type.kind === 'map') return true;
  if (type.kind !== 'object') return false;
  const skills = fieldType(type, 'skills');
  return skills?.kind === 'map' || skills?.kind === 'dyn';
}

function coordinates(value: unknown, argument: number): { lat: number; lon: number } {
  if (!isPlainObject(value)) return fail(`distance_km() argument ${argument} is ${describeValue(value)}, not a location`);
  return { lat: expectNumber(ownValue(value, 'lat')), lon: expectNumber(ownValue(value, 'lon')) };
}

function ownValue(object: PlainObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Great-circle distance by the haversine formula on a sphere of radius 6371 km. */
export function haversineKm(from: { lat: number; lon: number }, to: { lat: number; lon: number }): number {
  const dLat = (to.lat - from.lat) * RADIANS;
  const dLon = (to.lon - from.lon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(from.lat * RADIANS) * Math.cos(to.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function distanceKm(a: unknown, b: unknown): number {
  return haversineKm(coordinates(a, 1), coordinates(b, 2));
}

/** agent.skills[name] >= minLevel, where a missing skill is simply false. */
function hasSkill(agent: unknown, name: unknown, minLevel: unknown): boolean {
  const skills = skillsOf(agent);
  const skill = expectString(name);
  const min = expectNumber(minLevel);
  return Object.hasOwn(skills, skill) && expectNumber(skills[skill]) >= min;
}

function skillsOf(agent: unknown): PlainObject {
  if (typeof agent !== 'object' || agent === null) return fail(`has_skill() needs an agent, got ${describeValue(agent)}`);
  const skills = Object.hasOwn(agent, 'skills') ? (agent as PlainObject)['skills'] : undefined;
  if (typeof skills !== 'object' || skills === null) return fail(`has_skill() needs an agent with skills, got ${describeValue(skills)}`);
  return skills as PlainObject;
}

/**
 * The hot form, `has_skill(agent, 'billing', 5)`: a name that no prototype has can be read
 * directly, since a missing own key then reads as undefined.
 */
function specializeHasSkill(constants: ReadonlyArray<{ value: unknown } | undefined>): FunctionImpl | undefined {
  const name = constants[1]?.value;
  const min = constants[2]?.value;
  if (constants[0] || typeof name !== 'string' || typeof min !== 'number' || name in Object.prototype || name in Array.prototype) {
    return undefined;
  }
  return (agent) => {
    const level = skillsOf(agent)[name];
    return level !== undefined && expectNumber(level) >= min;
  };
}

function hoursSince(at: unknown, now: unknown): number {
  if (typeof at !== 'number') return fail(`hours_since() needs a timestamp, got ${describeValue(at)}`);
  return (expectNumber(now) - at) / MS_PER_HOUR;
}

function resolveShaped(
  name: string, accepts: (type: ExprType) => boolean, expected: string, rest: readonly ExprType[], result: ExprType,
  impl: (...args: unknown[]) => unknown,
): FunctionDefinition {
  return {
    name,
    style: 'global',
    arity: 1 + rest.length,
    resolve(args): Resolution {
      const first = args[0];
      if (!first || !accepts(first)) return { mismatch: { argument: 0, expected } };
      const mismatch = checkParams([first, ...rest], args);
      return mismatch ? { mismatch } : { result, fn: { name, impl } };
    },
  };
}

function withSpecialization(definition: FunctionDefinition, specialize: ResolvedFunction['specialize']): FunctionDefinition {
  return {
    ...definition,
    resolve(args) {
      const resolution = definition.resolve(args);
      return 'fn' in resolution ? { ...resolution, fn: { ...resolution.fn, specialize } } : resolution;
    },
  };
}

/** distance_km(a, b), has_skill(agent, name, min_level) and hours_since(t). */
export const SWITCHBOARD_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'distance_km',
    style: 'global',
    arity: 2,
    resolve(args): Resolution {
      const index = args.findIndex((arg) => !isLocationLike(arg));
      if (index >= 0) return { mismatch: { argument: index, expected: 'a location {lat, lon}' } };
      return { result: DOUBLE, fn: { name: 'distance_km', impl: distanceKm } };
    },
  },
  withSpecialization(resolveShaped('has_skill', isAgentLike, 'an agent', [STRING, INT], BOOL, hasSkill), specializeHasSkill),
  { ...fixedFunction('hours_since', 'global', [TIMESTAMP], DOUBLE, hoursSince), needsNow: true },
];
