import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignInServices } from '../../commands/users/open-session.js';
import { presenceAfterSignIn } from '../../commands/users/presence.js';
import type { PasswordOutcome, SecondStepOutcome } from '../../commands/users/second-step.js';
import { fail } from '../../domain/errors.js';
import { presentChallenge } from '../wire/users/two-factor-presenter.js';
import { presentSignedIn } from '../wire/users/user-presenter.js';
import type { Accounts } from './accounts.js';
import { secretCodec } from './auth.js';
import { workspaceContext, type HttpServices } from './services.js';
import { startSessionCookies } from './session-cookies.js';

/** What the sign-in commands need, from the process's services and accounts. */
export function signInServices(services: HttpServices, accounts: Accounts): SignInServices {
  const { store, clock, ids } = services;
  return { store, clock, ids, hasher: accounts.passwords.hasher, codec: secretCodec, lifetimes: accounts.sessions.settings.lifetimes };
}

/** The client of a request, as sign-in records it. */
export function attemptOf(request: FastifyRequest): { address: string; userAgent: string } {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

/**
 * Counts the attempt under each key (an account, an address) and refuses it with 429 and
 * Retry-After when any is past its limit, before any password is hashed or code checked.
 */
export function refuseWhenThrottled(accounts: Accounts, keys: readonly string[], reply: FastifyReply): void {
  const wait = accounts.throttle.take(keys);
  if (wait === 0) return;
  void reply.header('retry-after', String(wait));
  throw fail('rate_limited', `Too many sign-in attempts; retry in ${wait} s.`, { retry_after_s: wait });
}

/** A new session: the person's agent comes online, the cookies are set, and the answer says who signed in. */
export async function replySignedIn(services: HttpServices, accounts: Accounts, request: FastifyRequest, reply: FastifyReply, signedIn: SecondStepOutcome) {
  const { agentId, workspaceId } = signedIn.membership;
  if (agentId) {
    const actor = { kind: 'agent' as const, id: agentId, name: signedIn.user.name };
    await services.store.transaction((tx) => presenceAfterSignIn(workspaceContext(services, workspaceId, tx, actor), agentId));
  }
  const body = presentSignedIn(signedIn, startSessionCookies(request, reply, signedIn.secret, accounts.sessions.settings));
  return signedIn.recoveryCodes ? { ...body, recovery_codes: signedIn.recoveryCodes } : body;
}

/** A right password: the session (200), or the second step's challenge (202) when two-factor applies. */
export async function replyPasswordOutcome(services: HttpServices, accounts: Accounts, request: FastifyRequest, reply: FastifyReply, outcome: PasswordOutcome) {
  if ('challenged' in outcome) return reply.status(202).send(presentChallenge(outcome.challenged));
  return reply.status(200).send(await replySignedIn(services, accounts, request, reply, outcome.signedIn));
}
