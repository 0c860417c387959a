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
export function customerTicketIds(db: Kysely<Database>, workspaceId: string, customer: { id: string | null; email: string | null }) {
  const of = (column: 'customer_id' | 'customer_email', value: string) =>
    db.selectFrom('tickets').select('id').where('workspace_id', '=', workspaceId).where(column, '=', value);
  const byId = customer.id === null ? null : of('customer_id', customer.id);
  const byEmail = customer.email === null ? null : of('customer_email', customer.email);
  if (byId && byEmail) return byId.unionAll(byEmail);
  return byId ?? byEmail ?? of('customer_id', '');
}
