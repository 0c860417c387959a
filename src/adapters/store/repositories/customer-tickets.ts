import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The ids of a workspace's tickets of one customer, by id or e-mail, for a list that pages in id
 * order: one lookup per customer index, joined by UNION ALL (ids found twice are harmless where
 * they are used). Written so because given `customer_id = ? OR customer_email = ?` beside an ORDER
 * BY id (or a de-duplicating UNION, which it merges in id order), SQLite's planner walks every
 * ticket of the workspace until statistics say otherwise, and a server started on a young database
 * has none. `ofCustomer`, which sorts by an expression no index gives, takes OR'd branches instead.
 */
export function customerTicketIds(db: Kysely<Database>, workspaceId: string, customer: { id: string; email: string }) {
  const of = (column: 'customer_id' | 'customer_email', value: string) =>
    db.selectFrom('tickets').select('id').where('workspace_id', '=', workspaceId).where(column, '=', value);
  return of('customer_id', customer.id).unionAll(of('customer_email', customer.email));
}
