import type { CustomerDirectory } from '../../domain/crm/customer-directory.js';
import type { InboundEmail } from '../../domain/inbound/inbound-email.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import type { CommandContext } from '../context.js';
import { lookupCustomer } from '../crm/enrich-customer.js';
import { planInboundEmail } from './plan-email.js';
import { receiveEmailCommand, type InboundResult } from './receive-email.js';

/** Where mail is taken in: the store, the workspace, its CRM, and the context commands run with. */
export interface EmailIntake {
  store: Store;
  workspaceId: string;
  crm: CustomerDirectory | null;
  context(tx: StoreTx): CommandContext;
}

/**
 * Takes in one e-mail as the relay endpoint and the mailbox reader both do: planned outside the
 * transaction so the CRM is asked only for mail that opens a ticket, and never under the write
 * lock; `alongside` writes in the same transaction (a mailbox records the message's UID there).
 */
export async function takeInEmail(
  intake: EmailIntake, email: InboundEmail, alongside: (tx: StoreTx, result: InboundResult) => Promise<void> = async () => {},
): Promise<InboundResult> {
  const { store, workspaceId } = intake;
  const plan = await store.read((tx) => planInboundEmail(tx, workspaceId, email));
  const crm = plan.kind === 'create' ? await lookupCustomer(intake.crm, { email: email.from.address }) : null;
  try {
    return await store.transaction(async (tx) => {
      const result = await receiveEmailCommand(intake.context(tx), email, crm);
      await alongside(tx, result);
      return result;
    });
  } catch (error) {
    // The relay (or a second one) posted the same message at the same moment: answer as for a re-post.
    if (!store.isUniqueViolation(error)) throw error;
    const seen = await store.read((tx) => tx.inboundEmails.find(workspaceId, [email.messageId]));
    if (seen.length === 0) throw error;
    return { outcome: 'duplicate', ticketId: seen[0]!.ticketId, reason: null };
  }
}
