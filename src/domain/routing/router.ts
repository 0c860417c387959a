import type { EvalEnv } from '../expression/index.js';
import type { Ticket } from '../ticket/ticket.js';
import type { AgentPool } from './agent-pool.js';
import { capacityClassOf, classIndex } from './capacity.js';
import type { CompiledPolicy, CompiledRule, CompiledTarget } from './compiled-policy.js';
import { EXCLUSION_REASONS, type ExclusionReason, type RankedCandidate, type RoutingDecision, type RuleCheck } from './decision.js';
import type { PerformanceTable } from './performance.js';
import { ShiftClock } from './shift-clock.js';
import { expectedOutcomes, explainScore, primaryScores, secondaryScore, type Score, type ScoringContext } from './strategies.js';
import { ticketVars, type TicketVars } from './views.js';

/** How many ranked candidates a decision keeps: the first is used, the rest are fall-backs. */
export const CANDIDATES_KEPT = 5;

/**
 * Exclusion reasons by their index in EXCLUSION_REASONS: the rank loop counts by index, since
 * looking a reason's name up cost more than the rest of its work on an excluded member.
 */
const reasonIndex = (reason: ExclusionReason) => EXCLUSION_REASONS.indexOf(reason);
const NOT_AVAILABLE = reasonIndex('not_available');
const OFF_SHIFT = reasonIndex('off_shift');
const NO_CAPACITY = reasonIndex('no_capacity_for_channel');
const AT_CAPACITY = reasonIndex('at_capacity');
const DECLINED = reasonIndex('declined');
const NO_LOCATION = reasonIndex('no_location');
const RANKED_LOWER = reasonIndex('ranked_lower');
const ELIGIBLE = -1;

export interface RouteRequest {
  ticket: Ticket;
  now: number;
  /** Continue at this rule and step (after a step time-out or a decline) instead of matching rules. */
  resume?: { rule: string | null; step: number };
  /** Agents not to consider (they declined, or the store showed them full). */
  excluded?: ReadonlySet<string>;
  /** An agent to prefer when eligible, and why (the customer's previous agent; an agent pulling work). */
  preferred?: { agentId: string; reason: string } | null;
  /** The category `best_performer` looks up (default: the ticket's category field or type). */
  category?: string;
}

/**
 * The routing engine: picks the rule, the step and the best agents for a ticket from an
 * in-memory pool. Pure and synchronous; the caller persists the outcome and checks capacity
 * against the store before it commits.
 */
export class Router {
  private readonly lastAssigned = new Map<string, string>();
  private readonly shifts = new ShiftClock();
  private readonly env: EvalEnv = { ticket: null, agent: null, now: 0 };
  /** Every member's primary score and the exclusion counts for the decision at hand, reused between decisions. */
  private primary = new Float64Array(0);
  private readonly counts = new Int32Array(EXCLUSION_REASONS.length);
  private readonly expectedCache = new Map<string, { version: number; values: Float64Array }>();

  /** Each rule's two usual outcomes, made once: a decision lists every rule it tried, and most try many. */
  private readonly checks: { matched: RuleCheck; noMatch: RuleCheck }[];

  constructor(
    readonly policy: CompiledPolicy,
    readonly pool: AgentPool,
    readonly performance: PerformanceTable,
  ) {
    this.checks = policy.rules.map((rule) => ({
      matched: Object.freeze({ name: rule.name, result: 'matched' }),
      noMatch: Object.freeze({ name: rule.name, result: 'no_match' }),
    }));
  }

  /** Decides where the ticket goes and why; changes nothing. */
  decide(request: RouteRequest): RoutingDecision {
    const rulesChecked: RuleCheck[] = [];
    const { rule, step, targets, target, ctx } = this.locate(request, rulesChecked);
    const queue = ctx.queue;
    const ranked = this.rank(target, ctx, request.excluded);
    const sticky = this.applySticky(request, target, ctx, ranked);
    const excluded: Partial<Record<ExclusionReason, number>> = {};
    EXCLUSION_REASONS.forEach((reason, i) => { if (this.counts[i]! > 0) excluded[reason] = this.counts[i]; });
    return {
      policyVersion: this.policy.version,
      rule: rule?.name ?? null,
      ruleIndex: rule?.index ?? null,
      step,
      queue: queue.id,
      strategy: queue.strategy,
      mode: queue.mode,
      offerTimeoutMs: queue.offerTimeoutMs,
      stepTimeoutMs: target.timeoutMs,
      hasNextStep: step + 1 < targets.length,
      set: rule?.set ?? {},
      rulesChecked,
      candidates: ranked.map((ranking) => this.describe(ranking, ctx)),
      excluded,
      members: ctx.members.slots.length,
      sticky,
    };
  }

  /** Whether one agent may take this ticket at its current step now (used when capacity frees up). */
  accepts(request: RouteRequest, agentId: string): boolean {
    const { target, ctx } = this.locate(request, []);
    const slot = this.pool.slotOf(agentId);
    if (slot < 0 || this.pool.positionIn(ctx.queue.id, slot) < 0) return false;
    return this.ineligible(slot, ctx, request.excluded) === null && this.passesFilter(target, slot, ctx.now) === null;
  }

  /** The rule, step and target the ticket is at, and the scoring context for its queue. */
  private locate(request: RouteRequest, rulesChecked: RuleCheck[]) {
    const vars = ticketVars(request.ticket);
    this.env.ticket = vars;
    this.env.now = request.now;
    const { rule, step, explicit } = this.pickRule(request, rulesChecked);
    const targets = rule ? rule.targets : [explicit ?? this.policy.fallback];
    const target = targets[Math.min(step, targets.length - 1)]!;
    const queue = this.policy.queues.get(target.queue)!;
    const last = this.lastAssigned.get(queue.id);
    const ctx: ScoringContext = {
      queue,
      members: this.pool.membersOf(queue.id),
      classIndex: classIndex(capacityClassOf(request.ticket.channel)),
      size: this.policy.ticketSizes[request.ticket.type] ?? 1,
      now: request.now,
      location: vars.location,
      category: request.category ?? categoryOf(vars),
      performance: this.performance,
      expected: queue.strategy === 'best_performer' || queue.strategy === 'weighted' ? this.expected(request.category ?? categoryOf(vars)) : null,
      turnAfter: last === undefined ? -1 : this.pool.positionIn(queue.id, this.pool.slotOf(last)),
    };
    return { rule, step: Math.min(step, targets.length - 1), targets, target, ctx };
  }

  /** Expected outcomes by slot for a category, recomputed when the table or the pool grew. */
  private expected(category: string): Float64Array {
    const cached = this.expectedCache.get(category);
    if (cached && cached.version === this.performance.version && cached.values.length === this.pool.agents.length) return cached.values;
    const values = expectedOutcomes(this.pool, this.performance, category);
    this.expectedCache.set(category, { version: this.performance.version, values });
    return values;
  }

  /** Records an assignment, so round-robin moves on and longest-idle sees it. */
  noteAssignment(queueId: string, agentId: string, at: number): void {
    this.lastAssigned.set(queueId, agentId);
    this.pool.markAssigned(agentId, at);
  }

  private pickRule(request: RouteRequest, checked: RuleCheck[]): { rule: CompiledRule | null; step: number; explicit?: CompiledTarget } {
    const asked = askedQueue(request.ticket, this.policy);
    if (asked !== null) {
      checked.push({ name: `queue "${asked}" given with the ticket`, result: 'matched' });
      return { rule: null, step: 0, explicit: { queue: asked, agents: null, timeoutMs: null } };
    }
    if (request.resume) {
      const rule = request.resume.rule === null ? null : this.policy.rules.find((r) => r.name === request.resume!.rule);
      if (rule !== undefined) {
        checked.push({ name: rule?.name ?? 'default', result: 'resumed' });
        return { rule, step: request.resume.step };
      }
    }
    const rules = this.policy.rules;
    for (let at = 0; at < rules.length; at++) {
      const rule = rules[at]!;
      try {
        if (rule.when(this.env) === true) {
          checked.push(this.checks[at]!.matched);
          return { rule, step: 0 };
        }
        checked.push(this.checks[at]!.noMatch);
      } catch (error) {
        checked.push({ name: rule.name, result: 'error', error: (error as Error).message });
      }
    }
    return { rule: null, step: 0 };
  }

  /**
   * The best eligible members, best first, with how many members were left out by reason in
   * `counts` (a member pushed out of the five later counts as ranked lower too); the step's
   * filter is evaluated only for members who would make the top five. Hot path: one pass over
   * the members with the typed arrays read into locals, exclusions counted in an Int32Array, and
   * a member's tie-breaking score computed only when its primary score does not already rank it
   * lower than the five kept.
   */
  private rank(
    target: CompiledTarget,
    ctx: ScoringContext,
    skip: ReadonlySet<string> | undefined,
  ): Ranking[] {
    const { pool } = this;
    const members = ctx.members.slots;
    const { available, hasHours } = pool;
    const capacity = pool.capacity[ctx.classIndex]!;
    const load = pool.load[ctx.classIndex]!;
    const size = ctx.size;
    const unusual = skip !== undefined && skip.size > 0;
    const counts = this.counts.fill(0);
    const shortlist = new Shortlist();
    if (this.primary.length < members.length) this.primary = new Float64Array(members.length);
    const scores = this.primary;
    primaryScores(pool, ctx, 0, members.length, scores);
    let rankedLower = 0;
    for (let position = 0; position < members.length; position++) {
      const slot = members[position]!;
      const quick = available[slot] === 0 || load[slot]! + size > capacity[slot]! || hasHours[slot] === 1 || unusual;
      const reason = quick ? this.ineligibility(slot, ctx, skip) : ELIGIBLE;
      if (reason !== ELIGIBLE) {
        counts[reason]!++;
        continue;
      }
      const primary = scores[position]!;
      if (Number.isNaN(primary)) {
        counts[NO_LOCATION]!++;
        continue;
      }
      if (primary < shortlist.cut) {
        rankedLower++;
        continue;
      }
      const secondary = secondaryScore(pool, ctx, position, slot);
      if (!shortlist.admits(primary, secondary)) {
        rankedLower++;
        continue;
      }
      const filtered = this.passesFilter(target, slot, ctx.now);
      if (filtered !== null) {
        counts[reasonIndex(filtered)]!++;
        continue;
      }
      shortlist.add({ slot, position, score: { primary, secondary } });
    }
    counts[RANKED_LOWER]! += rankedLower + shortlist.pushedOut;
    return shortlist.rankings;
  }

  private ineligible(slot: number, ctx: ScoringContext, skip: ReadonlySet<string> | undefined): ExclusionReason | null {
    return EXCLUSION_REASONS[this.ineligibility(slot, ctx, skip)] ?? null;
  }

  /** Why a member may not take the ticket now, as an index into EXCLUSION_REASONS, or ELIGIBLE. */
  private ineligibility(slot: number, ctx: ScoringContext, skip: ReadonlySet<string> | undefined): number {
    const pool = this.pool;
    if (pool.available[slot] === 0) return NOT_AVAILABLE;
    const capacity = pool.capacity[ctx.classIndex]![slot]!;
    if (capacity <= 0) return NO_CAPACITY;
    if (pool.load[ctx.classIndex]![slot]! + ctx.size > capacity) return AT_CAPACITY;
    if (skip !== undefined && skip.size > 0 && skip.has(pool.agents[slot]!.id)) return DECLINED;
    if (pool.hasHours[slot] === 1 && !this.shifts.isOnShift(pool.agents[slot]!.workingHours, ctx.now)) return OFF_SHIFT;
    return ELIGIBLE;
  }


  private passesFilter(target: CompiledTarget, slot: number, now: number): ExclusionReason | null {
    if (!target.agents) return null;
    this.env.agent = this.pool.freshVars(slot, now);
    try {
      return target.agents(this.env) === true ? null : 'filtered_out';
    } catch {
      return 'filter_error';
    }
  }

  private applySticky(request: RouteRequest, target: CompiledTarget, ctx: ScoringContext, ranked: Ranking[]): RoutingDecision['sticky'] {
    if (!request.preferred) return null;
    const { agentId: preferred, reason: why } = request.preferred;
    const slot = this.pool.slotOf(preferred);
    const position = slot < 0 ? -1 : this.pool.positionIn(ctx.queue.id, slot);
    const reason = position < 0 ? 'not a member of the queue'
      : this.ineligible(slot, ctx, request.excluded) ?? this.passesFilter(target, slot, ctx.now);
    if (reason !== null) return { agentId: preferred, used: false, reason };
    const primary = new Float64Array(1);
    primaryScores(this.pool, ctx, position, position + 1, primary);
    const at = ranked.findIndex((r) => r.slot === slot);
    // Out of the five, the member was counted as left out: as ranked lower, or without a location.
    if (at >= 0) ranked.splice(at, 1);
    else this.counts[Number.isNaN(primary[0]) ? NO_LOCATION : RANKED_LOWER]!--;
    ranked.unshift({ slot, position, score: { primary: primary[0]!, secondary: secondaryScore(this.pool, ctx, position, slot) } });
    if (ranked.length > CANDIDATES_KEPT) {
      ranked.pop();
      this.counts[RANKED_LOWER]!++;
    }
    return { agentId: preferred, used: true, reason: why };
  }

  private describe(ranking: Ranking, ctx: ScoringContext): RankedCandidate {
    const { slot, position, score } = ranking;
    const agent = this.pool.agents[slot]!;
    return { agentId: agent.id, agentName: agent.name, score: Math.round(score.primary * 1000) / 1000, parts: explainScore(this.pool, slot, position, ctx) };
  }
}

interface Ranking {
  slot: number;
  position: number;
  score: Score;
}

/** The best rankings seen so far, best first, at most CANDIDATES_KEPT; ties keep the earlier member first. */
class Shortlist {
  readonly rankings: Ranking[] = [];
  /** Once the list is full, a member scoring below this cannot make it, whatever its secondary score. */
  cut = -Infinity;
  /** Members that made the list and were pushed out of it by better ones. */
  pushedOut = 0;
  private worst: Score = { primary: -Infinity, secondary: -Infinity };

  /** Whether a member with these scores would make the list. */
  admits(primary: number, secondary: number): boolean {
    return this.rankings.length < CANDIDATES_KEPT || better(primary, secondary, this.worst);
  }

  add(ranking: Ranking): void {
    const top = this.rankings;
    let at = top.length;
    top.push(ranking);
    for (; at > 0 && better(ranking.score.primary, ranking.score.secondary, top[at - 1]!.score); at--) top[at] = top[at - 1]!;
    top[at] = ranking;
    if (top.length > CANDIDATES_KEPT) {
      top.pop();
      this.pushedOut++;
    }
    this.worst = top[top.length - 1]!.score;
    if (top.length === CANDIDATES_KEPT) this.cut = this.worst.primary;
  }
}

function better(primary: number, secondary: number, than: Score): boolean {
  return primary > than.primary || (primary === than.primary && secondary > than.secondary);
}

/**
 * The queue the ticket was given by its sender, while it is still routed within it: before its
 * first decision, and afterwards as long as its routing state shows no rule and that queue
 * (waiting, blocked, pulled, or re-routed after its agent left). The default target's own queue
 * is not an ask: the default target keeps its filter and time-out.
 */
function askedQueue(ticket: Ticket, policy: CompiledPolicy): string | null {
  const queue = ticket.queue;
  if (queue === null || !policy.queues.has(queue)) return null;
  const state = ticket.routing;
  if (state === null) return queue;
  return state.rule === null && state.queue === queue && queue !== policy.fallback.queue ? queue : null;
}

function categoryOf(vars: TicketVars): string {
  const field = vars.fields.category;
  return typeof field === 'string' ? field : vars.type;
}
