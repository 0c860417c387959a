import type { Kysely, Selectable } from 'kysely';
import type { CommentRepository, Page } from '../../../domain/store/store.js';
import type { AuthorKind, Comment, CommentVisibility } from '../../../domain/ticket/comment.js';
import type { CommentTable, Database } from '../schema.js';

/** A ticket's conversation, oldest first. */
export class KyselyCommentRepository implements CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(comment: Comment): Promise<void> {
    await this.db
      .insertInto('comments')
      .values({
        id: comment.id,
        workspace_id: comment.workspaceId,
        ticket_id: comment.ticketId,
        visibility: comment.visibility,
        author_kind: comment.authorKind,
        author_id: comment.authorId,
        author_name: comment.authorName,
        body: comment.body,
        created_at: comment.createdAt,
      })
      .execute();
  }

  async list(workspaceId: string, ticketId: string, after: string | undefined, limit: number): Promise<Page<Comment>> {
    let q = this.db.selectFrom('comments').selectAll().where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId);
    if (after !== undefined) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toComment);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  }

  async get(workspaceId: string, id: string): Promise<Comment | undefined> {
    const row = await this.db.selectFrom('comments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toComment(row);
  }
}

function toComment(row: Selectable<CommentTable>): Comment {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    ticketId: row.ticket_id,
    visibility: row.visibility as CommentVisibility,
    authorKind: row.author_kind as AuthorKind,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  };
}
