import { AgentPool } from '../routing/agent-pool.js';
import { capacityClassOf, classIndex } from '../routing/capacity.js';
import type { CompiledPolicy } from '../routing/compiled-policy.js';
import type { RoutingDecision } from '../routing/decision.js';
import { outcomeScore, PerformanceTable } from '../routing/performance.js';
import type { RoutingState } from '../routing/routing-state.js';
import { Router } from '../routing/router.js';
import { RoutingProcess } from '../routing/routing-process.js';
import { ShiftClock } from '../routing/shift-clock.js';
import { SeededRandom } from '../shared/seeded-random.js';
import { selectSlaPolicy, targetOf } from '../sla/sla-policy.js';
import { PRIORITIES, type Priority, type Ticket } from '../ticket/ticket.js';
import { arrivalProcess, type Arrival, type ArrivalProcess } from './arrival-process.js';
import type { Sampler } from './distributions.js';
import { EventQueue } from './event-queue.js';
import { RunStatistics } from './run-statistics.js';
import { PRIORITY_INDEX, type ScenarioPlan } from './scenario-plan.js';
import type { PolicyFigures } from './simulation-result.js';
import { SimulatedTickets, TicketState } from './simulated-tickets.js';
import { walkWaiting, WaitingLine } from './waiting-line.js';

const ARRIVAL = 0;
const DONE = 1;
const ABANDON = 2;
const STEP_TIMEOUT = 3;
const ROSTER_TICK = 4;
const WRAPPED_UP = 5;
const CURVE_STEP = 6;
const REDIAL = 7;

const MINUTE_MS = 60_000;
/** How long after the last arrival waiting work may still be served (a roster off for a holiday). */
const DRAIN_LIMIT_MS = 14 * 86_400_000;

/**
 * One policy run over a scenario on a virtual clock: a discrete-event loop around the live
 * routing process. Arrivals are decided by `RoutingProcess.decide`, freed capacity pulls waiting
 * work through `RoutingProcess.takes` in waiting-rank order (as the live service's pull does),
 * step time-outs move tickets along a rule's targets, SLA targets come from the real SLA policies
 * and calendars, and `best_performer` learns from the outcomes as it does live. Only time is simulated.
 */
export class Simulation {
  now: number;
  private readonly events = new EventQueue();
  private readonly tickets = new SimulatedTickets();
  private readonly process: RoutingProcess;
  private readonly pool: AgentPool;
  private readonly shifts = new ShiftClock();
  private readonly queueIds: string[];
  private readonly queueIndex = new Map<string, number>();
  private readonly ruleIndex = new Map<string, number>();
  private readonly lines: WaitingLine[];
  private readonly agentLines: WaitingLine[][];
  private readonly stats: RunStatistics;
  private readonly arrivals: ArrivalProcess;
  private readonly handle: Sampler[];
  private readonly patience: Sampler[] | null;
  private readonly afterCall: Sampler[] | null;
  private readonly redial: { share: number; delay: Sampler; random: SeededRandom } | null;
  private readonly busy: Float64Array;
  private readonly staffed: Float64Array;
  private readonly onShift: Uint8Array;
  private readonly learns: boolean;
  private nextArrival: Arrival | null;
  private waiting = 0;

  constructor(private readonly plan: ScenarioPlan, private readonly policy: CompiledPolicy, readonly name: string) {
    const seed = plan.scenario.seed ?? 1;
    this.now = plan.start;
    this.pool = new AgentPool(policy, plan.agents, []);
    this.process = new RoutingProcess(new Router(policy, this.pool, new PerformanceTable([])));
    this.queueIds = [...policy.queues.keys()];
    this.queueIds.forEach((id, i) => this.queueIndex.set(id, i));
    policy.rules.forEach((rule, i) => this.ruleIndex.set(rule.name, i));
    this.lines = this.queueIds.map(() => new WaitingLine());
    this.agentLines = plan.agents.map((agent) => this.pool.queuesOf(agent.id).map((id) => this.lines[this.queueIndex.get(id)!]!));
    this.stats = new RunStatistics(this.queueIds, plan.serviceLevelMs, plan.thresholdsMs, plan.intervalStatistics());
    // Separate streams: what a ticket is and how long it takes never depend on the policy.
    this.arrivals = arrivalProcess(plan.scenario, plan.start, seed * 4 + 1, plan.pickKind, plan.replay);
    this.handle = plan.handleSamplers(new SeededRandom(seed * 4 + 2));
    this.patience = plan.patienceSamplers(new SeededRandom(seed * 4 + 3));
    this.afterCall = plan.afterCallSamplers(new SeededRandom(seed * 4));
    this.redial = plan.redial(new SeededRandom((seed * 4 + 3) ^ 0x7ed1a1));
    this.busy = new Float64Array(plan.agents.length);
    this.staffed = new Float64Array(plan.agents.length);
    this.onShift = new Uint8Array(plan.agents.length).fill(1);
    this.learns = [...policy.queues.values()].some((q) => q.strategy === 'best_performer' || q.strategy === 'weighted');
    this.nextArrival = this.arrivals.next();
    if (this.nextArrival) this.events.push(this.nextArrival.at, ARRIVAL, -1);
    if (plan.hasShifts) this.events.push(plan.start, ROSTER_TICK, -1);
    if (plan.curve) this.startCurve(plan.curve.start);
  }

  /** Share of the simulated period done, 0..1. */
  get progress(): number {
    return Math.min(1, (this.now - this.plan.start) / (this.plan.end - this.plan.start));
  }

  /** Runs up to `budget` events; true when the run is over (arrivals done and work drained). */
  step(budget: number): boolean {
    const events = this.events;
    for (let i = 0; i < budget; i++) {
      if (!events.pop()) return true;
      const { time, kind, subject, stamp } = events.last;
      if (time > this.plan.end + DRAIN_LIMIT_MS) return true;
      this.now = time;
      this.stats.events++;
      switch (kind) {
        case ARRIVAL: this.arrive(); break;
        case REDIAL: this.admit({ at: time, kind: subject, handleMs: null }, true); break;
        case DONE: this.finish(subject); break;
        case ABANDON: if (stamp === this.tickets.generation[subject]) this.abandon(subject); break;
        case STEP_TIMEOUT: if (stamp === this.tickets.generation[subject]) this.stepTimedOut(subject); break;
        case ROSTER_TICK: this.rosterTick(); break;
        case WRAPPED_UP: this.wrappedUp(subject); break;
        case CURVE_STEP: this.curveStep(subject); break;
      }
    }
    return events.size === 0;
  }

  /** The run's figures; tickets still waiting count as unanswered (and as SLA misses when past due). */
  result(): PolicyFigures {
    const t = this.tickets;
    for (let i = 0; i < t.count; i++) {
      if (t.state[i] === TicketState.Waiting && t.counted[i]) this.stats.sla(t.dueFirst[i] !== Infinity, this.now > t.dueFirst[i]!);
    }
    const capacity = this.pool.capacity[this.plan.mainClass]!;
    if (!this.plan.hasShifts && !this.plan.curve) {
      this.staffed.fill(this.plan.end - this.plan.warmupEnd);
      this.stats.staffedTime(this.plan.warmupEnd, this.plan.end, capacity.reduce((sum, units) => sum + units, 0));
    }
    const staffedUnits = this.staffed.map((ms, slot) => ms * capacity[slot]!);
    return this.stats.figures(this.name, this.busy, staffedUnits, this.plan.slaPolicies.length > 0);
  }

  private arrive(): void {
    const arrival = this.nextArrival!;
    this.nextArrival = this.arrivals.next();
    if (this.nextArrival) this.events.push(this.nextArrival.at, ARRIVAL, -1);
    this.admit(arrival, false);
  }

  /** A call comes in (a first call, or a caller who hung up calling back) and is routed. */
  private admit(arrival: Arrival, redialled: boolean): void {
    const t = this.tickets;
    const i = t.add(arrival.at, arrival.kind);
    const kind = this.plan.kinds[arrival.kind]!;
    t.handleMs[i] = arrival.handleMs ?? this.handle[arrival.kind]!() * 1000;
    t.priority[i] = PRIORITY_INDEX[kind.priority];
    t.counted[i] = arrival.at >= this.plan.warmupEnd ? 1 : 0;
    const patience = this.patience ? this.patience[arrival.kind]!() * 1000 : Infinity;
    if (redialled && t.counted[i]) this.stats.redialled++;

    const ticket = this.ticketObject(i);
    this.setSlaDue(i, ticket);
    const decision = this.process.decide(ticket, this.now);
    if (decision.set.priority) t.priority[i] = PRIORITY_INDEX[decision.set.priority as Priority];
    const queue = this.queueIndex.get(decision.queue)!;
    if (t.counted[i]) this.stats.offer(queue, arrival.at, t.priority[i]!);
    if (patience !== Infinity) this.events.push(this.now + patience, ABANDON, i, t.generation[i]);
    this.place(i, decision);
  }

  /** Assigns the ticket to the decision's first candidate, or puts it in the decision's queue to wait. */
  private place(i: number, decision: RoutingDecision): void {
    const t = this.tickets;
    t.queue[i] = this.queueIndex.get(decision.queue)!;
    t.rule[i] = decision.rule === null ? -1 : this.ruleIndex.get(decision.rule)!;
    t.step[i] = decision.step;
    t.stepStartedAt[i] = this.now;
    const first = decision.candidates[0];
    if (first) {
      this.assign(i, this.pool.slotOf(first.agentId));
      return;
    }
    t.state[i] = TicketState.Waiting;
    this.waiting++;
    const epoch = ++t.epoch[i]!;
    const ticket = { priority: PRIORITIES[t.priority[i]!]!, createdAt: t.arrival[i]!, dueAt: t.dueFirst[i] === Infinity ? null : t.dueFirst[i]! };
    this.lines[t.queue[i]!]!.add(i, this.process.rank(ticket, decision), t.priority[i]!, epoch);
    if (decision.stepTimeoutMs !== null && decision.hasNextStep) {
      t.timeoutEpoch[i] = epoch;
      this.events.push(this.now + decision.stepTimeoutMs, STEP_TIMEOUT, i, t.generation[i]);
    }
  }

  private assign(i: number, slot: number): void {
    const t = this.tickets;
    if (t.state[i] === TicketState.Waiting) this.waiting--;
    t.state[i] = TicketState.Serving;
    t.epoch[i]!++;
    t.agent[i] = slot;
    t.answeredAt[i] = this.now;
    const agent = this.plan.agents[slot]!;
    const kind = this.plan.kinds[t.kind[i]!]!;
    this.process.placed(this.queueIds[t.queue[i]!]!, agent.id, capacityClassOf(kind.channel), this.sizeOf(kind), this.now);
    if (t.counted[i]) this.stats.answer(t.queue[i]!, this.now - t.arrival[i]!, t.arrival[i]!, t.priority[i]!);
    this.events.push(this.now + t.handleMs[i]! / this.plan.speeds[slot]!, DONE, i);
  }

  /** The call ends; the agent's capacity frees now, or after the ticket type's after-call work. */
  private finish(i: number): void {
    const t = this.tickets;
    const slot = t.agent[i]!;
    const kind = this.plan.kinds[t.kind[i]!]!;
    t.state[i] = TicketState.Done;
    if (t.counted[i]) {
      if (t.reroutes[i]! > 0) this.stats.rerouted++;
      this.stats.sla(t.dueFirst[i] !== Infinity || t.dueResolve[i] !== Infinity, t.answeredAt[i]! > t.dueFirst[i]! || this.now > t.dueResolve[i]!);
    }
    if (this.learns) this.learn(i, this.plan.agents[slot]!.id, kind);
    const wrapUpMs = this.afterCall ? this.afterCall[t.kind[i]!]!() * 1000 : 0;
    if (wrapUpMs > 0) this.events.push(this.now + wrapUpMs / this.plan.speeds[slot]!, WRAPPED_UP, i);
    else this.wrappedUp(i);
  }

  /** The agent is done with the ticket, wrap-up included: their capacity frees and they pull waiting work. */
  private wrappedUp(i: number): void {
    const t = this.tickets;
    const slot = t.agent[i]!;
    const kind = this.plan.kinds[t.kind[i]!]!;
    const size = this.sizeOf(kind);
    this.pool.addLoad(this.plan.agents[slot]!.id, capacityClassOf(kind.channel), -size);
    if (classIndex(capacityClassOf(kind.channel)) === this.plan.mainClass) {
      const from = Math.max(t.answeredAt[i]!, this.plan.warmupEnd);
      const to = Math.min(this.now, this.plan.end);
      if (to > from) {
        this.busy[slot]! += size * (to - from);
        this.stats.busyTime(from, to, size);
      }
    }
    t.release(i);
    this.pull(slot);
  }

  private abandon(i: number): void {
    const t = this.tickets;
    if (t.state[i] !== TicketState.Waiting) return;
    t.state[i] = TicketState.Abandoned;
    t.epoch[i]!++;
    this.waiting--;
    t.release(i);
    this.maybeRedial(t.kind[i]!);
    if (!t.counted[i]) return;
    this.stats.abandon(t.queue[i]!, t.arrival[i]!, t.priority[i]!, this.now - t.arrival[i]!);
    if (t.reroutes[i]! > 0) this.stats.rerouted++;
    this.stats.sla(t.dueFirst[i] !== Infinity || t.dueResolve[i] !== Infinity, this.now > t.dueFirst[i]!);
  }

  /** A share of those who hang up call back after a drawn delay (within the simulated period), as a new call of the same kind. */
  private maybeRedial(kind: number): void {
    const redial = this.redial;
    if (!redial || redial.random.next() >= redial.share) return;
    const at = this.now + redial.delay() * 1000;
    if (at < this.plan.end) this.events.push(at, REDIAL, kind);
  }

  /** The step's time is up and nobody took the ticket: on to the rule's next target. */
  private stepTimedOut(i: number): void {
    const t = this.tickets;
    if (t.state[i] !== TicketState.Waiting || t.epoch[i] !== t.timeoutEpoch[i]) return;
    const decision = this.process.decide(this.ticketObject(i), this.now, { nextStep: true });
    if (this.queueIndex.get(decision.queue) !== t.queue[i]) t.reroutes[i]!++;
    t.state[i] = 0;
    this.waiting--;
    t.epoch[i]!++;
    this.place(i, decision);
  }

  /** Once a minute while shifts matter: agents whose shift began pull waiting work; staffed time adds up. */
  private rosterTick(): void {
    const agents = this.plan.agents;
    const inWindow = this.now >= this.plan.warmupEnd && this.now < this.plan.end;
    for (let slot = 0; slot < agents.length; slot++) {
      const on = this.shifts.isOnShift(agents[slot]!.workingHours, this.now) ? 1 : 0;
      if (on && inWindow) {
        this.staffed[slot]! += MINUTE_MS;
        this.stats.staffedTime(this.now, this.now + MINUTE_MS, this.pool.capacity[this.plan.mainClass]![slot]!);
      }
      const started = on === 1 && this.onShift[slot] === 0;
      this.onShift[slot] = on;
      if (started) this.pull(slot);
    }
    if (this.now < this.plan.end || this.waiting > 0) this.events.push(this.now + MINUTE_MS, ROSTER_TICK, -1);
  }

  /** Under a staffing curve nobody works before its first interval. */
  private startCurve(at: number): void {
    this.onShift.fill(0);
    this.plan.agents.forEach((agent) => this.pool.upsert({ ...agent, status: 'away', statusChangedAt: this.now }));
    this.events.push(at, CURVE_STEP, 0);
  }

  /**
   * An interval of the staffing curve begins: the first n agents of the roster take work, the
   * others finish what they hold and take no more (as an agent who goes away does live), and the
   * staffed time of the interval adds up. The last interval's head count holds to the end.
   */
  private curveStep(index: number): void {
    const curve = this.plan.curve!;
    const last = index === curve.working.length - 1;
    const working = curve.working[index]!;
    const until = last ? this.plan.end : this.now + curve.intervalMs;
    const staffedMs = Math.max(0, Math.min(until, this.plan.end) - Math.max(this.now, this.plan.warmupEnd));
    const agents = this.plan.agents;
    for (let slot = 0; slot < agents.length; slot++) {
      const on = slot < working ? 1 : 0;
      if (on && staffedMs > 0) {
        this.staffed[slot]! += staffedMs;
        this.stats.staffedTime(Math.max(this.now, this.plan.warmupEnd), Math.min(until, this.plan.end), this.pool.capacity[this.plan.mainClass]![slot]!);
      }
      if (on === this.onShift[slot]) continue;
      this.onShift[slot] = on;
      this.pool.upsert({ ...agents[slot]!, status: on ? 'available' : 'away', statusChangedAt: this.now });
      if (on) this.pull(slot);
    }
    if (!last) this.events.push(until, CURVE_STEP, index + 1);
  }

  /**
   * The agent has room: they take the best waiting tickets they may, as the live service's pull
   * does, looking as far back as the lines go for one that is theirs.
   */
  private pull(slot: number): void {
    const lines = this.agentLines[slot]!;
    if (lines.length === 0 || this.waiting === 0) return;
    const agentId = this.plan.agents[slot]!.id;
    const t = this.tickets;
    const isCurrent = (i: number, epoch: number) => t.state[i] === TicketState.Waiting && t.epoch[i] === epoch;
    for (let taken = -1; this.hasRoom(slot); taken = -1) {
      walkWaiting(lines, isCurrent, (i) => {
        if (!this.process.takes(agentId, this.ticketObject(i), this.now)) return false;
        taken = i;
        return true;
      });
      if (taken < 0) return;
      this.assign(taken, slot);
    }
  }

  private hasRoom(slot: number): boolean {
    const { capacity, load } = this.pool;
    for (let c = 0; c < capacity.length; c++) if (load[c]![slot]! < capacity[c]![slot]!) return true;
    return false;
  }

  private sizeOf(kind: Ticket): number {
    return this.policy.ticketSizes[kind.type] ?? 1;
  }

  /** The ticket as the routing engine sees it: its kind's fields, its own times and routing state. */
  private ticketObject(i: number): Ticket {
    const t = this.tickets;
    const kind = this.plan.kinds[t.kind[i]!]!;
    const placed = t.state[i] !== 0;
    const rule = t.rule[i]!;
    const routing: RoutingState | null = placed ? {
      policyVersion: this.policy.version, rule: rule < 0 ? null : this.policy.rules[rule]!.name, step: t.step[i]!,
      queue: this.queueIds[t.queue[i]!]!, stepStartedAt: t.stepStartedAt[i]!, declined: [], offerId: null, waitingOn: [],
    } : null;
    return {
      ...kind,
      id: `ticket-${i}`,
      priority: PRIORITIES[t.priority[i]!]!,
      queue: placed ? this.queueIds[t.queue[i]!]! : kind.queue,
      status: placed ? 'queued' : kind.status,
      dueAt: t.dueFirst[i] === Infinity ? null : t.dueFirst[i]!,
      routing,
      createdAt: t.arrival[i]!,
      updatedAt: this.now,
    };
  }

  private setSlaDue(i: number, ticket: Ticket): void {
    const policy = selectSlaPolicy(this.plan.slaPolicies, ticket, this.now);
    if (!policy) return;
    const first = targetOf(policy, ticket.priority, 'first_response');
    const resolution = targetOf(policy, ticket.priority, 'resolution');
    const t = this.tickets;
    if (first) t.dueFirst[i] = this.plan.calendarFor(first.businessHoursId).add(this.now, first.minutes * MINUTE_MS);
    if (resolution) t.dueResolve[i] = this.plan.calendarFor(resolution.businessHoursId).add(this.now, resolution.minutes * MINUTE_MS);
  }

  private learn(i: number, agentId: string, kind: Ticket): void {
    const t = this.tickets;
    const category = typeof kind.fields.category === 'string' ? kind.fields.category : kind.type;
    const resolutionHours = (this.now - t.arrival[i]!) / 3_600_000;
    this.process.router.performance.add({ agentId, category, count: 1, scoreSum: outcomeScore({ resolutionHours, reopened: false, reroutes: t.reroutes[i]!, csat: null }) });
  }
}
