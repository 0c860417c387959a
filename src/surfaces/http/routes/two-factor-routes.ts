import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { qrCodeDataUrl } from '../../../adapters/auth/qr-code.js';
import { completeSecondStep, enrolDuringSignIn } from '../../../commands/users/second-step.js';
import {
  confirmTwoFactorCommand, disableTwoFactorCommand, resetTwoFactorCommand, setTwoFactorPolicyCommand, startTwoFactorCommand, type Enrolment,
} from '../../../commands/users/two-factor.js';
import { twoFactorRequiredRoles } from '../../../domain/auth/two-factor.js';
import type { Principal } from '../../../domain/auth/token.js';
import { fail } from '../../../domain/errors.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import { presentEnrolment } from '../../wire/users/two-factor-presenter.js';
import {
  ChallengeBody, EnrolmentOutput, RecoveryCodesOutput, SecondStepBody, TwoFactorCodeBody, TwoFactorDisableBody, TwoFactorPolicyBody, TwoFactorPolicyOutput,
  TwoFactorStatusOutput,
} from '../../wire/users/two-factor-schemas.js';
import { SignInOutput } from '../../wire/users/user-schemas.js';
import type { Accounts } from '../accounts.js';
import { perAddressLimit } from '../rate-limit.js';
import { commandContext, type HttpServices } from '../services.js';
import { attemptOf, refuseWhenThrottled, replySignedIn, signInServices } from '../sign-in-replies.js';

const TAGS = ['auth'];

function personOf(principal: Principal): string {
  if (!principal.userId) throw fail('forbidden', 'Only a signed-in person, or a token a person owns, has two-factor sign-in.');
  return principal.userId;
}

async function enrolmentBody(enrolment: Enrolment) {
  return presentEnrolment(enrolment, await qrCodeDataUrl(enrolment.uri));
}

/** Two-factor sign-in: the second step after the password, and the caller's own authenticator. */
export const twoFactorRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store, clock } = services;

  app.post('/v1/auth/sign-in/two-factor', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'The second step of signing in: a code of the app (or a recovery code); sets the session cookie', security: [],
      body: SecondStepBody, response: { 200: SignInOutput, ...errorResponses(400, 401, 409, 429) },
    },
  }, async (request, reply) => {
    refuseWhenThrottled(accounts, [`address:${request.ip}`], reply);
    const signedIn = await completeSecondStep(signInServices(services, accounts), attemptOf(request), request.body,
      (user) => refuseWhenThrottled(accounts, [`account:${user.email}`], reply));
    return replySignedIn(services, accounts, request, reply, signedIn);
  });

  app.post('/v1/auth/sign-in/enrolment', {
    config: { permission: 'public', rateLimit: perAddressLimit(20) },
    schema: {
      tags: TAGS, summary: 'During sign-in, when the role must have two-factor: a new secret for the app (confirm with the second step)', security: [],
      body: ChallengeBody, response: { 200: EnrolmentOutput, ...errorResponses(400, 401, 409, 429) },
    },
  }, async (request) => enrolmentBody(await enrolDuringSignIn(signInServices(services, accounts), request.body.challenge)));

  app.get('/v1/auth/two-factor', {
    config: { permission: 'authenticated' },
    schema: { tags: TAGS, summary: 'My two-factor sign-in: on or not, recovery codes left, required of my role', response: { 200: TwoFactorStatusOutput, ...errorResponses(401, 403) } },
  }, async (request) => {
    const userId = personOf(request.principal);
    return store.read(async (tx) => {
      const record = await tx.twoFactor.get(userId);
      const workspace = await tx.workspaces.get(request.principal.workspaceId);
      return {
        enabled: Boolean(record?.confirmedAt), pending: record !== undefined && record.confirmedAt === null,
        recovery_codes_left: await tx.twoFactor.unusedRecoveryCodes(userId),
        required: twoFactorRequiredRoles(workspace?.settings ?? {}).includes(request.principal.role),
      };
    });
  });

  app.post('/v1/auth/two-factor', {
    config: { permission: 'authenticated' },
    schema: { tags: TAGS, summary: 'Start enrolling an authenticator app: a new secret, shown this once', response: { 200: EnrolmentOutput, ...errorResponses(401, 403, 409) } },
  }, async (request) => {
    const userId = personOf(request.principal);
    const enrolment = await store.transaction(async (tx) => {
      const user = (await tx.users.get(userId))!;
      return startTwoFactorCommand({ tx, clock }, userId, user.email);
    });
    return enrolmentBody(enrolment);
  });

  app.post('/v1/auth/two-factor/confirm', {
    config: { permission: 'authenticated' },
    schema: {
      tags: TAGS, summary: 'Switch two-factor on with a first code of the app; answers the recovery codes', body: TwoFactorCodeBody,
      response: { 200: RecoveryCodesOutput, ...errorResponses(400, 401, 403, 409, 429) },
    },
  }, async (request, reply) => {
    const userId = personOf(request.principal);
    refuseWhenThrottled(accounts, [`two-factor:${userId}`], reply);
    const codes = await store.transaction((tx) => confirmTwoFactorCommand(commandContext(services, request.principal, tx), userId, request.body.code));
    if (!codes) throw fail('two_factor_failed');
    return { recovery_codes: codes };
  });

  app.post('/v1/auth/two-factor/disable', {
    config: { permission: 'authenticated' },
    schema: {
      tags: TAGS, summary: 'Switch two-factor off, with my password and a code (or a recovery code)', body: TwoFactorDisableBody,
      response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409, 429) },
    },
  }, async (request, reply) => {
    const userId = personOf(request.principal);
    refuseWhenThrottled(accounts, [`two-factor:${userId}`], reply);
    const user = await store.read((tx) => tx.users.get(userId));
    if (!user || !(await accounts.passwords.hasher.verify(request.body.password, user.passwordHash))) throw fail('sign_in_failed', 'The password is wrong.');
    await store.transaction((tx) => disableTwoFactorCommand(commandContext(services, request.principal, tx), userId, request.body.code));
    return reply.status(204).send(null);
  });

  app.get('/v1/auth/two-factor-policy', {
    config: { permission: 'users:manage' },
    schema: { tags: TAGS, summary: 'The roles that must sign in with two-factor', response: { 200: TwoFactorPolicyOutput, ...errorResponses(401, 403) } },
  }, async (request) => {
    const workspace = await store.read((tx) => tx.workspaces.get(request.principal.workspaceId));
    return { required_roles: twoFactorRequiredRoles(workspace?.settings ?? {}) };
  });

  app.put('/v1/auth/two-factor-policy', {
    config: { permission: 'users:manage' },
    schema: {
      tags: TAGS, summary: 'Require two-factor of these roles (members without it enrol at their next sign-in)', body: TwoFactorPolicyBody,
      response: { 200: TwoFactorPolicyOutput, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => ({
    required_roles: await store.transaction((tx) => setTwoFactorPolicyCommand(commandContext(services, request.principal, tx), request.body.required_roles)),
  }));

  app.delete('/v1/users/:id/two-factor', {
    config: { permission: 'users:manage' },
    schema: { tags: ['users'], summary: "Clear a member's lost authenticator (they enrol again if required)", params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await store.transaction((tx) => resetTwoFactorCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });
};
