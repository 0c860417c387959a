import type { Kysely, Selectable } from 'kysely';
import type { CsatRating } from '../../../domain/portal/csat.js';
import type { PortalRepository } from '../../../domain/store/portal-store.js';
import type { CsatRatingTable, Database } from '../schema.js';

function toRating(row: Selectable<CsatRatingTable>): CsatRating {
  return {
    id: row.id, workspaceId: row.workspace_id, ticketId: row.ticket_id, resolvedAt: Number(row.resolved_at), score: row.score,
    comment: row.comment, agentId: row.agent_id, category: row.category, ratedAt: Number(row.rated_at),
  };
}

/** Ratings, deflections and used challenges; "used before" is a primary or unique key, so it holds across nodes. */
export class KyselyPortalRepository implements PortalRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async useChallenge(workspaceId: string, id: string, expiresAt: number, now: number): Promise<boolean> {
    await this.db.deleteFrom('portal_challenges').where('expires_at', '<=', now).execute();
    const result = await this.db.insertInto('portal_challenges').values({ workspace_id: workspaceId, id, expires_at: expiresAt })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'id']).doNothing()).executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async insertRating(rating: CsatRating): Promise<boolean> {
    const result = await this.db.insertInto('csat_ratings').values({
      id: rating.id, workspace_id: rating.workspaceId, ticket_id: rating.ticketId, resolved_at: rating.resolvedAt, score: rating.score,
      comment: rating.comment, agent_id: rating.agentId, category: rating.category, rated_at: rating.ratedAt,
    }).onConflict((conflict) => conflict.columns(['workspace_id', 'ticket_id', 'resolved_at']).doNothing()).executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async ratingsFor(workspaceId: string, ticketId: string): Promise<CsatRating[]> {
    const rows = await this.db.selectFrom('csat_ratings').selectAll()
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).orderBy('rated_at').orderBy('id').execute();
    return rows.map(toRating);
  }

  async insertDeflection(deflection: { id: string; workspaceId: string; articleId: string; at: number }): Promise<void> {
    await this.db.insertInto('kb_deflections')
      .values({ id: deflection.id, workspace_id: deflection.workspaceId, article_id: deflection.articleId, at: deflection.at }).execute();
  }
}
