import { randomBytes } from 'node:crypto';
import { fail } from '../../domain/errors.js';
import { checkChallenge, signChallenge } from '../../domain/portal/proof-of-work.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { Priority, Ticket } from '../../domain/ticket/ticket.js';
import type { TicketType } from '../../domain/ticket/ticket-type.js';
import type { CommandContext } from '../context.js';
import type { RoutingContext } from '../routing/routing-context.js';
import { submitTicketCommand } from '../intake/submit-ticket.js';
import type { PortalSettings } from './portal-settings.js';
import { mintRequesterLink } from './requester-links.js';
import { workspaceKey } from './workspace-keys.js';

const CHALLENGE_KEY = 'portal_challenges';

type KeyContext = Pick<CommandContext, 'workspaceId' | 'clock' | 'tx' | 'ids'>;

/** What the requester sent through the public form. */
export interface PortalRequest {
  challenge: string;
  nonce: string;
  /** A field people never see; anything in it was filled in by a program. */
  honeypot: string;
  type: string | null;
  title: string;
  description: string;
  priority: Priority | null;
  name: string;
  email: string;
  fields: JsonObject;
  language: string;
}

/** The types the public form offers: those configured, less the ones marked `portal: false`. */
export async function portalTypes(ctx: Pick<CommandContext, 'workspaceId' | 'tx'>): Promise<TicketType[]> {
  return (await ctx.tx.ticketTypes.list(ctx.workspaceId)).filter((type) => type.portal !== false);
}

/** A fresh signed challenge for the form, with the work it asks. */
export async function issueChallengeCommand(ctx: KeyContext, settings: PortalSettings): Promise<{ challenge: string; bits: number; issuedAt: number }> {
  const issuedAt = ctx.clock.now();
  const bits = settings.challenge.bits;
  const challenge = signChallenge(await workspaceKey(ctx, CHALLENGE_KEY), { id: randomBytes(12).toString('base64url'), issuedAt, bits });
  return { challenge, bits, issuedAt };
}

/** Refuses a form not sent by a person: a filled honeypot, a bad, old, reused or unsolved challenge, or a form sent too fast. */
async function assertHumanForm(ctx: KeyContext, request: PortalRequest, settings: PortalSettings): Promise<void> {
  // A filled honeypot is refused like a wrong answer, so a program learns nothing from the refusal.
  if (request.honeypot.trim() !== '') throw fail('challenge_failed', undefined, { reason: 'invalid' });
  const check = checkChallenge(await workspaceKey(ctx, CHALLENGE_KEY), request.challenge, request.nonce, settings.challenge, ctx.clock.now());
  if (!check.ok && check.reason === 'too_fast') throw fail('submitted_too_fast', undefined, { retry_after_s: Math.ceil(check.retryAfterMs / 1000) });
  if (!check.ok) throw fail('challenge_failed', undefined, { reason: check.reason });
  if (!(await ctx.tx.portal.useChallenge(ctx.workspaceId, check.challenge.id, check.expiresAt, ctx.clock.now()))) {
    throw fail('challenge_failed', undefined, { reason: 'reused' });
  }
}

/**
 * Takes a request from the public form: checks it came from a person, takes the ticket in
 * through the usual intake (channel `form`, in the requester's language) and hands back the
 * signed link to its status page. A refusal after the challenge rolls back with the transaction,
 * so the requester can correct the fields and send the same answer again.
 */
export async function submitRequestCommand(ctx: RoutingContext, request: PortalRequest, settings: PortalSettings): Promise<{ ticket: Ticket; token: string }> {
  await assertHumanForm(ctx, request, settings);
  const types = await portalTypes(ctx);
  // Only the types the form offers; a workspace that configured none takes requests of the default type.
  if (request.type !== null && !types.some((offered) => offered.name === request.type)) {
    throw fail('invalid_value', 'The form does not offer that type of request.', { path: '/type' });
  }
  const type = request.type ?? types[0]?.name ?? null;
  const outcome = await submitTicketCommand(ctx, {
    ...(type ? { type } : {}),
    title: request.title,
    description: request.description,
    channel: 'form',
    ...(request.priority ? { priority: request.priority } : {}),
    customer: { name: request.name, email: request.email },
    fields: request.fields,
    language: request.language,
  });
  return { ticket: outcome.ticket, token: await mintRequesterLink(ctx, 'status', outcome.ticket.id, settings.linkTtlMs) };
}
