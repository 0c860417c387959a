import { createAgent, type Agent } from '../agent/agent.js';
import { capacityClassOf, classIndex } from '../routing/capacity.js';
import type { SeededRandom } from '../shared/seeded-random.js';
import { BusinessCalendar, CALENDAR_TIME, type SlaCalendar } from '../sla/business-calendar.js';
import { compileSlaPolicies, type CompiledSlaPolicy, type SlaPolicy } from '../sla/sla-policy.js';
import { createTicket } from '../ticket/ticket-changes.js';
import { PRIORITIES, type Ticket } from '../ticket/ticket.js';
import { samplerFor, type Sampler } from './distributions.js';
import { IntervalStatistics } from './interval-statistics.js';
import { staffingCurve, type StaffingCurve } from './staffing-curve.js';
import { DEFAULT_START, type HandleTimeDocument, type ReplayedArrival, type ScenarioDocument, type TicketKind } from './scenario.js';

export const SIMULATED_WORKSPACE = 'simulation';

/**
 * A checked scenario turned into what every run of it shares: ticket templates per kind, the
 * roster as real agents, SLA policies compiled with their calendars. Each run draws from its own
 * fresh random streams, so policy A and policy B see the same arrivals and the same draws.
 */
export class ScenarioPlan {
  readonly start: number;
  readonly end: number;
  readonly warmupEnd: number;
  readonly serviceLevelMs: number;
  /** The further thresholds the service level is reported at (`service_levels_s`). */
  readonly thresholdsMs: number[];
  readonly kinds: Ticket[];
  readonly agents: Agent[];
  /** Handle-time divisor per agent, in roster order. */
  readonly speeds: Float64Array;
  readonly slaPolicies: CompiledSlaPolicy[];
  readonly calendars: Map<string, SlaCalendar>;
  readonly hasShifts: boolean;
  /** The head count per interval, when the scenario rosters by a staffing curve. */
  readonly curve: StaffingCurve | null;
  /** A replay's arrivals in time order (ticket kind i is arrival i), or null for a rate. */
  readonly replay: ReplayedArrival[] | null;
  /** The capacity class (index) utilisation is measured in: the scenario's main channel's. */
  readonly mainClass: number;
  private readonly cumulativeShares: Float64Array;

  constructor(readonly scenario: ScenarioDocument) {
    this.start = Date.parse(scenario.start ?? DEFAULT_START);
    this.end = this.start + scenario.duration_s * 1000;
    this.warmupEnd = this.start + (scenario.warmup_s ?? 0) * 1000;
    this.serviceLevelMs = (scenario.service_level_s ?? 20) * 1000;
    this.thresholdsMs = (scenario.service_levels_s ?? []).map((s) => s * 1000);
    // A replayed ticket is a kind of its own, in time order.
    this.replay = scenario.arrivals.replay ? [...scenario.arrivals.replay].sort((a, b) => a.at_s - b.at_s) : null;
    const kinds: TicketKind[] = this.replay ?? (scenario.tickets && scenario.tickets.length > 0 ? scenario.tickets : [{}]);
    this.kinds = kinds.map((kind, i) => this.template(kind, i));
    this.cumulativeShares = cumulative(kinds.map((kind) => kind.share ?? 1));
    const { agents, speeds } = roster(scenario, this.start);
    this.agents = agents;
    this.speeds = speeds;
    this.hasShifts = agents.some((agent) => agent.workingHours !== null);
    this.curve = scenario.staffing ? staffingCurve(scenario.staffing, this.start) : null;
    this.calendars = new Map(Object.entries(scenario.business_hours ?? {}).map(([id, hours]) => [id, new BusinessCalendar(hours)]));
    this.slaPolicies = compileSlaPolicies((scenario.sla_policies ?? []).map((document, position): SlaPolicy => ({
      ...document, id: `sla-${position}`, workspaceId: SIMULATED_WORKSPACE, position, version: 1, createdAt: this.start, updatedAt: this.start,
    })));
    this.mainClass = classIndex(capacityClassOf(scenario.channel ?? 'phone'));
  }

  /** Picks a ticket kind by the kinds' shares. */
  pickKind = (random: SeededRandom): number => {
    const shares = this.cumulativeShares;
    const u = random.next() * shares[shares.length - 1]!;
    let index = 0;
    while (index < shares.length - 1 && shares[index]! <= u) index++;
    return index;
  };

  /** Handle-time samplers per kind (by type, else the default) drawing from one stream. */
  handleSamplers(random: SeededRandom): Sampler[] {
    return this.samplersByType(this.scenario.handle_time, random);
  }

  /** After-call work samplers per kind (by type, else the default), or null when there is none. */
  afterCallSamplers(random: SeededRandom): Sampler[] | null {
    return this.scenario.after_call_work ? this.samplersByType(this.scenario.after_call_work, random) : null;
  }

  private samplersByType(document: HandleTimeDocument, random: SeededRandom): Sampler[] {
    const fallback = samplerFor(document, random);
    const byType = new Map(Object.entries(document.by_type ?? {}).map(([type, dist]) => [type, samplerFor(dist, random)]));
    return this.kinds.map((kind) => byType.get(kind.type) ?? fallback);
  }

  /** Patience samplers per kind (by type, else by priority, else the default), or null when nobody abandons. */
  patienceSamplers(random: SeededRandom): Sampler[] | null {
    const patience = this.scenario.patience;
    if (!patience) return null;
    const byType = this.samplersByType(patience, random);
    const byPriority = new Map(Object.entries(patience.by_priority ?? {}).map(([priority, dist]) => [priority, samplerFor(dist, random)]));
    return this.kinds.map((kind, i) => (Object.hasOwn(patience.by_type ?? {}, kind.type) ? byType[i]! : byPriority.get(kind.priority) ?? byType[i]!));
  }

  /** The redial model with its own draws, or null when nobody calls back. */
  redial(random: SeededRandom): { share: number; delay: Sampler; random: SeededRandom } | null {
    const redial = this.scenario.redial;
    return redial && redial.share > 0 ? { share: redial.share, delay: samplerFor(redial.delay, random), random } : null;
  }

  /** Fresh counters per interval of arrival, from the start, when the scenario reports them. */
  intervalStatistics(): IntervalStatistics | null {
    const minutes = this.scenario.report_interval_min;
    if (minutes === undefined) return null;
    const intervalMs = minutes * 60_000;
    return new IntervalStatistics(this.start, intervalMs, Math.ceil((this.end - this.start) / intervalMs), this.serviceLevelMs, this.thresholdsMs);
  }

  calendarFor(id: string | null): SlaCalendar {
    return (id === null ? undefined : this.calendars.get(id)) ?? CALENDAR_TIME;
  }

  private template(kind: TicketKind, index: number): Ticket {
    const ticket = createTicket({
      title: `Simulated ${kind.type ?? 'support'} #${index}`,
      type: kind.type ?? 'support',
      channel: kind.channel ?? this.scenario.channel ?? 'phone',
      priority: kind.priority ?? 'normal',
      tags: kind.tags ?? [],
      fields: kind.fields ?? {},
      customer: kind.customer ?? null,
      language: kind.language ?? null,
      queue: kind.queue ?? null,
      location: kind.location ?? null,
    }, `kind-${index}`, SIMULATED_WORKSPACE, this.start);
    return ticket;
  }
}

/** The position of each priority in PRIORITIES (urgent first). */
export const PRIORITY_INDEX = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Ticket['priority'], number>;

function cumulative(shares: number[]): Float64Array {
  const sums = new Float64Array(shares.length);
  let total = 0;
  shares.forEach((share, i) => { total += share; sums[i] = total; });
  return sums;
}

function roster(scenario: ScenarioDocument, start: number): { agents: Agent[]; speeds: Float64Array } {
  const agents: Agent[] = [];
  const speeds: number[] = [];
  scenario.agents.forEach((group, g) => {
    for (let i = 0; i < group.count; i++) {
      // Ids sort in roster order, so queue members (kept in id order) match the roster.
      const id = `agent-${String(agents.length).padStart(6, '0')}`;
      agents.push(createAgent({
        name: `${group.name ?? `group ${g + 1}`} #${i + 1}`,
        skills: group.skills ?? {},
        languages: group.languages ?? [],
        teams: group.teams ?? [],
        level: group.level ?? 1,
        capacity: group.capacity ?? { [capacityClassOf(scenario.channel ?? 'phone')]: 1 },
        status: 'available',
        workingHours: group.working_hours ?? null,
        location: group.location ?? null,
        attributes: group.attributes ?? {},
      }, id, SIMULATED_WORKSPACE, start));
      speeds.push(group.speed ?? 1);
    }
  });
  return { agents, speeds: Float64Array.from(speeds) };
}
