import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AgentActivity, CategoryResolutions } from '../../../domain/metrics/agent-figures.js';
import { emptyTally, type GroupTally } from '../../../domain/metrics/figures.js';
import type { MetricsGroupBy, MetricsScope, MetricsWindow } from '../../../domain/metrics/metrics-query.js';
import type { Buckets, SeriesCounts } from '../../../domain/metrics/series.js';
import type { SlaState } from '../../../domain/sla/sla-state.js';
import { readNullableJson } from '../codec.js';
import type { MetricsRepository, OperationsState } from '../../../domain/store/metrics-store.js';
import type { DialectTraits } from '../dialect-traits.js';
import type { Database } from '../schema.js';
import { agentActivity, categoryResolutions } from './metrics-agents.js';
import { countWhen, flag, GROUP_COLUMN, matchesFilter, ticketFacts, toCount } from './metrics-conditions.js';
import { seriesCounts } from './metrics-series.js';
import { operationsState } from './metrics-operations.js';
import { SATISFIED_SCORE } from '../../../domain/portal/csat.js';

/** One report's question: the workspace, the window and its filter, and the grouping column (`t.…`) or none. */
interface Scope {
  workspaceId: string;
  window: MetricsScope;
  column: string | null;
  /** The tally of a group, made on first sight. */
  tally(key: string | null): GroupTally;
}

/** The metrics report's aggregates, computed in SQL the same way on both backends. */
export class KyselyMetricsRepository implements MetricsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly traits: DialectTraits,
  ) {}

  async tallies(workspaceId: string, window: MetricsScope, groupBy: MetricsGroupBy | null): Promise<GroupTally[]> {
    const tallies = new Map<string | null, GroupTally>();
    const tally = (key: string | null) => tallies.get(key) ?? tallies.set(key, emptyTally(key)).get(key)!;
    const scope: Scope = { workspaceId, window, column: groupBy ? GROUP_COLUMN[groupBy] : null, tally };
    await this.countTickets(scope);
    await this.countBreaches(scope);
    await this.escalations(scope);
    await this.durations(scope);
    await this.ratings(scope);
    for (const t of tallies.values()) {
      for (const list of [t.firstResponseMs, t.resolutionEscalatedMs, t.resolutionNotEscalatedMs, t.triggerToHumanMs, t.timeToEscalateMs]) {
        list.sort((a, b) => a - b);
      }
    }
    return [...tallies.values()];
  }

  series(workspaceId: string, scope: MetricsScope, buckets: Buckets): Promise<SeriesCounts> {
    return seriesCounts(this.db, workspaceId, scope, buckets);
  }

  async resolvedSlaStates(workspaceId: string, scope: MetricsScope): Promise<SlaState[]> {
    const rows = await this.db.selectFrom('tickets as t').select('t.sla')
      .where('t.workspace_id', '=', workspaceId).where('t.resolved_at', '>=', scope.from).where('t.resolved_at', '<', scope.to)
      .where('t.sla', 'is not', null).where(matchesFilter(scope.filter)).execute();
    return rows.map((row) => readNullableJson<SlaState>(row.sla)!);
  }

  agentActivity(workspaceId: string, scope: MetricsScope): Promise<AgentActivity[]> {
    return agentActivity(this.db, this.traits, workspaceId, scope);
  }

  categoryResolutions(workspaceId: string, scope: MetricsScope): Promise<CategoryResolutions[]> {
    return categoryResolutions(this.db, this.traits, workspaceId, scope);
  }

  async deflections(workspaceId: string, window: MetricsWindow): Promise<number> {
    const row = await this.db.selectFrom('kb_deflections').select((eb) => eb.fn.countAll().as('n'))
      .where('workspace_id', '=', workspaceId).where('at', '>=', window.from).where('at', '<', window.to).executeTakeFirst();
    return toCount(row?.n);
  }

  operations(workspaceIds: readonly string[] | null): Promise<OperationsState> {
    return operationsState(this.db, workspaceIds);
  }

  private key(scope: Scope): RawBuilder<string | null> {
    return scope.column ? sql<string | null>`${sql.ref(scope.column)}` : sql<string | null>`null`;
  }

  private async countTickets(scope: Scope): Promise<void> {
    const { window } = scope;
    const key = this.key(scope);
    const rows = await this.db.selectFrom('tickets as t')
      .where('t.workspace_id', '=', scope.workspaceId)
      .where('t.created_at', '<', window.to)
      .where(matchesFilter(window.filter))
      .where((eb) => {
        const f = ticketFacts(eb, window, this.traits);
        return eb.or([f.createdIn, f.resolvedIn, f.openAtEnd]);
      })
      .select((eb) => {
        const f = ticketFacts(eb, window, this.traits);
        const held = eb('t.sla', 'is not', null);
        return [
          key.as('key'),
          countWhen(f.createdIn).as('created'),
          countWhen(f.resolvedIn).as('resolved'),
          countWhen(f.openAtEnd).as('backlog'),
          countWhen(eb.and([f.createdIn, eb.not(f.notRerouted)])).as('rerouted'),
          countWhen(eb.and([f.resolvedIn, f.oneAgentReply, f.neverReopened, f.notRerouted, eb.not(f.escalated)])).as('first_contact'),
          countWhen(eb.and([f.createdIn, f.escalated])).as('created_escalated'),
          countWhen(eb.and([f.resolvedIn, held])).as('sla_held'),
          countWhen(eb.and([f.resolvedIn, held, eb.not(f.breached)])).as('sla_met'),
          countWhen(eb.and([f.resolvedIn, f.escalated])).as('escalated_resolved'),
          countWhen(eb.and([f.resolvedIn, f.notRerouted, f.escalatedOnce])).as('escalated_first_contact'),
          countWhen(eb.and([f.resolvedIn, f.predicted])).as('predicted'),
          countWhen(eb.and([f.resolvedIn, f.predicted, f.predictedRight])).as('predicted_right'),
        ];
      })
      .$if(scope.column !== null, (q) => q.groupBy(key))
      .execute();
    for (const row of rows) {
      Object.assign(scope.tally(row.key), {
        created: toCount(row.created), resolved: toCount(row.resolved), backlog: toCount(row.backlog),
        rerouted: toCount(row.rerouted), firstContact: toCount(row.first_contact), createdEscalated: toCount(row.created_escalated),
        slaHeld: toCount(row.sla_held), slaMet: toCount(row.sla_met),
        escalatedResolved: toCount(row.escalated_resolved), escalatedFirstContact: toCount(row.escalated_first_contact),
        predicted: toCount(row.predicted), predictedRight: toCount(row.predicted_right),
      });
    }
  }

  private async countBreaches(scope: Scope): Promise<void> {
    const key = this.key(scope);
    const rows = await this.db.selectFrom('events as ev').innerJoin('tickets as t', 't.id', 'ev.ticket_id')
      .select((eb) => [key.as('key'), eb.fn.countAll().as('n')])
      .where('ev.workspace_id', '=', scope.workspaceId).where('ev.type', '=', 'sla.breached')
      .where('ev.at', '>=', scope.window.from).where('ev.at', '<', scope.window.to).where(matchesFilter(scope.window.filter))
      .$if(scope.column !== null, (q) => q.groupBy(key))
      .execute();
    for (const row of rows) scope.tally(row.key).slaBreaches = toCount(row.n);
  }

  /**
   * Tickets escalated in the window, the time from each escalation to the first human reply after
   * it, and from each ticket's arrival to its first step up (when that step is in the window).
   */
  private async escalations(scope: Scope): Promise<void> {
    const key = this.key(scope);
    const inWindow = this.db.selectFrom('escalations as e').innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .where('e.workspace_id', '=', scope.workspaceId).whereRef('e.to_level', '>', 'e.from_level')
      .where('e.at', '>=', scope.window.from).where('e.at', '<', scope.window.to).where(matchesFilter(scope.window.filter));
    const counts = await inWindow.select((eb) => [key.as('key'), eb.fn.count('e.ticket_id').distinct().as('n')])
      .$if(scope.column !== null, (q) => q.groupBy(key)).execute();
    for (const row of counts) scope.tally(row.key).escalated = toCount(row.n);
    const waits = await inWindow.select([key.as('key'), sql<number>`e.first_response_at - e.at`.as('ms')])
      .where('e.first_response_at', 'is not', null).execute();
    for (const row of waits) scope.tally(row.key).triggerToHumanMs.push(Number(row.ms));
    const firstSteps = await inWindow.select([key.as('key'), sql<number>`e.at - t.created_at`.as('ms')])
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('escalations as earlier').select(sql.lit(1).as('one'))
        .whereRef('earlier.workspace_id', '=', 'e.workspace_id').whereRef('earlier.ticket_id', '=', 'e.ticket_id')
        .whereRef('earlier.to_level', '>', 'earlier.from_level').whereRef('earlier.at', '<', 'e.at'))))
      .execute();
    for (const row of firstSteps) scope.tally(row.key).timeToEscalateMs.push(Number(row.ms));
  }

  /** Satisfaction ratings given in the window, in the group of the rated ticket. */
  private async ratings(scope: Scope): Promise<void> {
    const key = this.key(scope);
    const rows = await this.db.selectFrom('csat_ratings as r').innerJoin('tickets as t', 't.id', 'r.ticket_id')
      .select((eb) => [key.as('key'), eb.fn.countAll().as('n'), sql<number>`sum(r.score)`.as('score_sum'), countWhen(eb('r.score', '>=', SATISFIED_SCORE)).as('satisfied')])
      .where('r.workspace_id', '=', scope.workspaceId).where('r.rated_at', '>=', scope.window.from).where('r.rated_at', '<', scope.window.to)
      .where(matchesFilter(scope.window.filter))
      .$if(scope.column !== null, (q) => q.groupBy(key))
      .execute();
    for (const row of rows) {
      Object.assign(scope.tally(row.key), { csatResponses: toCount(row.n), csatScoreSum: toCount(row.score_sum), csatSatisfied: toCount(row.satisfied) });
    }
  }

  /** First-response times of tickets created in the window; resolution times of those resolved in it. */
  private async durations(scope: Scope): Promise<void> {
    const { window } = scope;
    const key = this.key(scope);
    const responses = await this.db.selectFrom('tickets as t')
      .select([key.as('key'), sql<number>`t.first_response_at - t.created_at`.as('ms')])
      .where('t.workspace_id', '=', scope.workspaceId).where('t.created_at', '>=', window.from).where('t.created_at', '<', window.to)
      .where('t.first_response_at', 'is not', null).where(matchesFilter(window.filter)).execute();
    for (const row of responses) scope.tally(row.key).firstResponseMs.push(Number(row.ms));
    const resolutions = await this.db.selectFrom('tickets as t')
      .select((eb) => [key.as('key'), sql<number>`t.resolved_at - t.created_at`.as('ms'), flag(ticketFacts(eb, window, this.traits).escalated).as('escalated')])
      .where('t.workspace_id', '=', scope.workspaceId).where('t.resolved_at', '>=', window.from).where('t.resolved_at', '<', window.to)
      .where(matchesFilter(window.filter)).execute();
    for (const row of resolutions) {
      const tally = scope.tally(row.key);
      (toCount(row.escalated) === 1 ? tally.resolutionEscalatedMs : tally.resolutionNotEscalatedMs).push(Number(row.ms));
    }
  }
}
