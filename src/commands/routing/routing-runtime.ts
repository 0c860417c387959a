import { AgentPool } from '../../domain/routing/agent-pool.js';
import { PerformanceTable } from '../../domain/routing/performance.js';
import { compilePolicy } from '../../domain/routing/policy-compiler.js';
import { Router, type RouteRequest } from '../../domain/routing/router.js';
import type { Agent } from '../../domain/agent/agent.js';
import type { CompiledPolicy } from '../../domain/routing/compiled-policy.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { WorkspaceVersions } from '../../domain/store/routing-store.js';
import type { CommandContext } from '../context.js';
import type { CapacityClass } from '../../domain/routing/capacity.js';
import type { RoutingDecision } from '../../domain/routing/decision.js';

/** A router for the workspace's agents, loads and history under a compiled policy. */
export async function buildRouter(tx: StoreTx, workspaceId: string, policy: CompiledPolicy): Promise<Router> {
  const agents = await tx.agents.listAll(workspaceId);
  const loads = await tx.workload.allHeldUnits(workspaceId);
  const performance = new PerformanceTable(await tx.performance.all(workspaceId));
  return new Router(policy, new AgentPool(policy, agents, loads), performance);
}

/** How long a node trusts its in-memory loads before recounting them from the store. */
const LOAD_REFRESH_MS = 30_000;

/**
 * How long a queue found full waits before its members' loads are recounted from the store again:
 * a release on another node is seen by the next arrival after it, without a recount per arrival
 * while a queue stays full (one of thousands of members costs tens of milliseconds). Each recount
 * that finds the queue still full doubles the wait, up to LOAD_REFRESH_MS; one that finds room
 * starts again from here. Waiting work is not left behind meanwhile: the node that frees an agent
 * pulls waiting work for them, and the routing sweep catches what no node pulled.
 */
const FULL_QUEUE_RECOUNT_MS = 1_000;

/** When a queue found full was last recounted, and how long until the next recount. */
interface FullQueueRecount {
  at: number;
  waitMs: number;
}

interface CachedRouter {
  router: Router;
  policyVersion: number;
  agentsVersion: number;
  loadsCountedAt: number;
  /** The queues found full, by id. */
  fullQueues: Map<string, FullQueueRecount>;
  /** Agents whose load a rolled-back transaction changed: recounted from the store before the next decision. */
  stale: Set<string>;
}

/**
 * Keeps one Router per workspace in memory and notices when it is out of date: every decision
 * reads the workspace's policy and agents version counters (one indexed row), and rebuilds when
 * another node changed either. Loads drift between nodes, so they are recounted now and then;
 * correctness never depends on them, since every assignment re-checks capacity in the store.
 */
export class RoutingRuntime {
  private readonly cache = new Map<string, CachedRouter>();

  /** The workspace's router, current as of this transaction; null when it has no policy. */
  async routerFor(tx: StoreTx, workspaceId: string, now: number): Promise<Router | null> {
    return this.routerAt(tx, workspaceId, await tx.policies.versions(workspaceId), now);
  }

  /** The workspace's router as of versions read already (intake reads them before its transaction). */
  async routerAt(tx: StoreTx, workspaceId: string, versions: WorkspaceVersions, now: number): Promise<Router | null> {
    if (versions.policyVersion === 0) return null;
    const cached = this.cache.get(workspaceId);
    if (cached && cached.policyVersion === versions.policyVersion && cached.agentsVersion === versions.agentsVersion) {
      if (now - cached.loadsCountedAt > LOAD_REFRESH_MS) await this.recountLoads(tx, workspaceId, cached, now);
      else if (cached.stale.size > 0) await this.recountStale(tx, workspaceId, cached);
      return cached.router;
    }
    const built = await this.build(tx, workspaceId, versions.policyVersion, versions.agentsVersion, now);
    if (built) this.cache.set(workspaceId, built);
    return built?.router ?? null;
  }

  /** Applies an agent change made by this node, so the next decision need not rebuild. */
  agentChanged(workspaceId: string, agent: Agent, agentsVersion: number): void {
    const cached = this.cache.get(workspaceId);
    if (!cached || cached.agentsVersion !== agentsVersion - 1) {
      this.cache.delete(workspaceId);
      return;
    }
    cached.router.pool.upsert(agent);
    cached.agentsVersion = agentsVersion;
  }

  /**
   * The router's decision; when it finds the whole queue full, decided again on its members'
   * loads recounted from the store, since another node may have freed one of them — not on every
   * such decision (see FULL_QUEUE_RECOUNT_MS).
   */
  async decide(tx: StoreTx, workspaceId: string, router: Router, request: RouteRequest): Promise<RoutingDecision> {
    const decision = router.decide(request);
    const cached = this.cache.get(workspaceId);
    if (!foundFull(decision) || cached?.router !== router) return decision;
    const last = cached.fullQueues.get(decision.queue);
    if (last && request.now - last.at < last.waitMs) return decision;
    const pool = router.pool;
    const members = Array.from(pool.membersOf(decision.queue).slots, (slot) => pool.agents[slot]!.id);
    pool.resetLoadsOf(members, await tx.workload.allHeldUnits(workspaceId, members));
    const fresh = router.decide(request);
    const waitMs = foundFull(fresh) && last ? Math.min(last.waitMs * 2, LOAD_REFRESH_MS) : FULL_QUEUE_RECOUNT_MS;
    cached.fullQueues.set(decision.queue, { at: request.now, waitMs });
    return fresh;
  }

  /**
   * Changes an agent's load in the pool as a transaction takes or frees capacity, so the decisions
   * that follow see it at once; if the transaction rolls back, the agent is recounted from the store.
   */
  addLoad(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, router: Router, agentId: string, capacityClass: CapacityClass, units: number): void {
    router.pool.addLoad(agentId, capacityClass, units);
    ctx.tx.afterRollback(() => this.cache.get(ctx.workspaceId)?.stale.add(agentId));
  }

  /** Forgets a workspace's router (after a policy change). */
  invalidate(workspaceId: string): void {
    this.cache.delete(workspaceId);
  }

  private async build(tx: StoreTx, workspaceId: string, policyVersion: number, agentsVersion: number, now: number): Promise<CachedRouter | null> {
    const saved = await tx.policies.get(workspaceId, policyVersion);
    if (!saved) return null;
    const compiled = compilePolicy(saved.document, saved.version);
    // A saved policy was valid when saved; if it no longer compiles, routing stops rather than guess.
    if (!compiled.ok) return null;
    return { router: await buildRouter(tx, workspaceId, compiled.policy), policyVersion, agentsVersion, loadsCountedAt: now, fullQueues: new Map(), stale: new Set() };
  }

  private async recountStale(tx: StoreTx, workspaceId: string, cached: CachedRouter): Promise<void> {
    const agentIds = [...cached.stale];
    cached.stale.clear();
    cached.router.pool.resetLoadsOf(agentIds, await tx.workload.allHeldUnits(workspaceId, agentIds));
  }

  private async recountLoads(tx: StoreTx, workspaceId: string, cached: CachedRouter, now: number): Promise<void> {
    const loads = await tx.workload.allHeldUnits(workspaceId);
    cached.router.pool.resetLoads(loads);
    cached.loadsCountedAt = now;
    cached.stale.clear();
  }
}

/** A decision with no candidate because every member of the queue is at capacity. */
function foundFull(decision: RoutingDecision): boolean {
  return decision.candidates.length === 0 && (decision.excluded.at_capacity ?? 0) > 0;
}
