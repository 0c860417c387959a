import { ratio, spreadOf, type Spread } from './percentiles.js';

/**
 * What the store counts for one group of tickets over a window (see docs/metrics.md for each
 * definition). Durations are milliseconds, sorted ascending; ratios and percentiles come from
 * these in `figuresOf`, so every backend reports the same figures from the same tallies.
 */
export interface GroupTally {
  /** The group's value (queue, agent id, type, channel, priority); null for tickets without one, or for all tickets. */
  key: string | null;
  created: number;
  resolved: number;
  backlog: number;
  /** Created in the window and re-routed at least once. */
  rerouted: number;
  /** Resolved in the window with exactly one public agent reply, never reopened, re-routed or escalated. */
  firstContact: number;
  /** Created in the window and escalated (a step up) at some time. */
  createdEscalated: number;
  /** Resolved in the window and held to an SLA. */
  slaHeld: number;
  /** Of `slaHeld`, those that never breached a target. */
  slaMet: number;
  /** `sla.breached` events in the window. */
  slaBreaches: number;
  /** Tickets escalated (a step up) in the window. */
  escalated: number;
  /** Resolved in the window and escalated at some time. */
  escalatedResolved: number;
  /** Of `escalatedResolved`, those escalated once and never re-routed. */
  escalatedFirstContact: number;
  /** Resolved in the window with an AI prediction and a queue. */
  predicted: number;
  /** Of `predicted`, those whose final queue is the predicted one. */
  predictedRight: number;
  /** Satisfaction ratings given in the window, their summed scores, and how many were 4 or 5. */
  csatResponses: number;
  csatScoreSum: number;
  csatSatisfied: number;
  firstResponseMs: number[];
  resolutionEscalatedMs: number[];
  resolutionNotEscalatedMs: number[];
  triggerToHumanMs: number[];
  /** From arrival to the first step up, for tickets first escalated in the window. */
  timeToEscalateMs: number[];
}

/** The figures of one group (or of everything), durations in milliseconds. */
export interface Figures {
  created: number;
  resolved: number;
  backlog: number;
  firstResponse: Spread;
  resolution: Spread;
  firstContactResolution: number | null;
  rerouteRate: number | null;
  sla: { attained: number | null; breaches: number };
  escalation: {
    escalated: number;
    /** Of the tickets created in the window, the share escalated at some time. */
    rate: number | null;
    timeToEscalate: Spread;
    triggerToHuman: Spread;
    resolutionEscalated: Spread;
    resolutionNotEscalated: Spread;
    resolvedFirstHumanContact: number | null;
  };
  /** Ratings given in the window: their mean score, how many, and the share of 4–5. */
  csat: { average: number | null; responses: number; satisfied: number | null };
  routingAccuracy: number | null;
}

const COUNTS = [
  'created', 'resolved', 'backlog', 'rerouted', 'firstContact', 'createdEscalated', 'slaHeld', 'slaMet', 'slaBreaches',
  'escalated', 'escalatedResolved', 'escalatedFirstContact', 'predicted', 'predictedRight', 'csatResponses', 'csatScoreSum', 'csatSatisfied',
] as const satisfies readonly (keyof GroupTally)[];
const DURATIONS = ['firstResponseMs', 'resolutionEscalatedMs', 'resolutionNotEscalatedMs', 'triggerToHumanMs', 'timeToEscalateMs'] as const satisfies readonly (keyof GroupTally)[];

/** A tally with nothing counted, for a group that one of the queries did not see. */
export function emptyTally(key: string | null): GroupTally {
  const tally = { key } as GroupTally;
  for (const count of COUNTS) tally[count] = 0;
  for (const list of DURATIONS) tally[list] = [];
  return tally;
}

/** The tallies of several groups as one (the totals of a grouped report); durations stay sorted. */
export function mergeTallies(key: string | null, tallies: readonly GroupTally[]): GroupTally {
  const merged = emptyTally(key);
  for (const tally of tallies) {
    for (const count of COUNTS) merged[count] += tally[count];
    for (const list of DURATIONS) merged[list].push(...tally[list]);
  }
  for (const list of DURATIONS) merged[list].sort((a, b) => a - b);
  return merged;
}

const byValue = (a: number, b: number) => a - b;

/** Turns a group's tally into its figures: the ratios and percentiles of docs/metrics.md. */
export function figuresOf(tally: GroupTally): Figures {
  const resolution = [...tally.resolutionEscalatedMs, ...tally.resolutionNotEscalatedMs].sort(byValue);
  return {
    created: tally.created,
    resolved: tally.resolved,
    backlog: tally.backlog,
    firstResponse: spreadOf(tally.firstResponseMs),
    resolution: spreadOf(resolution),
    firstContactResolution: ratio(tally.firstContact, tally.resolved),
    rerouteRate: ratio(tally.rerouted, tally.created),
    sla: { attained: ratio(tally.slaMet, tally.slaHeld), breaches: tally.slaBreaches },
    escalation: {
      escalated: tally.escalated,
      rate: ratio(tally.createdEscalated, tally.created),
      timeToEscalate: spreadOf(tally.timeToEscalateMs),
      triggerToHuman: spreadOf(tally.triggerToHumanMs),
      resolutionEscalated: spreadOf(tally.resolutionEscalatedMs),
      resolutionNotEscalated: spreadOf(tally.resolutionNotEscalatedMs),
      resolvedFirstHumanContact: ratio(tally.escalatedFirstContact, tally.escalatedResolved),
    },
    csat: { average: ratio(tally.csatScoreSum, tally.csatResponses), responses: tally.csatResponses, satisfied: ratio(tally.csatSatisfied, tally.csatResponses) },
    routingAccuracy: ratio(tally.predictedRight, tally.predicted),
  };
}
