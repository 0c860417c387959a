import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addMemberCommand, hashNewPassword, memberOf, setMemberRoleCommand, setUserDisabledCommand } from '../../../commands/users/user-commands.js';
import { IdParams, ListOf, errorResponses } from '../../wire/common-schemas.js';
import { accountLinkPath, presentMember } from '../../wire/users/user-presenter.js';
import { AccountLinkOutput, UserCreateBody, UserOutput, UserPatchBody } from '../../wire/users/user-schemas.js';
import { queueAccountLinkMail } from '../../../commands/users/account-link-mail.js';
import { ACCOUNT_LINK_TTL_MS, mintAccountLink, type AccountLinkPurpose } from '../../../commands/users/account-links.js';
import { iso } from '../../wire/time.js';
import type { Accounts } from '../accounts.js';
import { commandContext, type HttpServices } from '../services.js';

/** The people of the workspace (admin only). */
export const userRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store } = services;

  app.get('/v1/users', {
    config: { permission: 'users:manage' },
    schema: { tags: ['users'], summary: 'List the members of the workspace', response: { 200: ListOf(UserOutput), ...errorResponses(401, 403) } },
  }, async (request) => {
    const members = await store.read((tx) => tx.users.listMembers(request.principal.workspaceId));
    return { data: members.map(presentMember) };
  });

  app.get('/v1/users/:id', {
    config: { permission: 'users:manage' },
    schema: { tags: ['users'], summary: 'One member of the workspace', params: IdParams, response: { 200: UserOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => presentMember(await store.read((tx) => memberOf({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.post('/v1/users', {
    config: { permission: 'users:manage' },
    schema: {
      tags: ['users'], summary: 'Add a person to the workspace (with a first password, or to be invited)', body: UserCreateBody,
      response: { 201: UserOutput, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const { password, agent_id: agentId, ...person } = request.body;
    const passwordHash = password === undefined ? null : await hashNewPassword(accounts.passwords, password, person.email);
    const member = await store.transaction((tx) => addMemberCommand(commandContext(services, request.principal, tx), { ...person, agentId, passwordHash }));
    return reply.status(201).send(presentMember(member));
  });

  app.patch('/v1/users/:id', {
    config: { permission: 'users:manage' },
    schema: {
      tags: ['users'], summary: "Change a member's role or agent, or disable them (which ends their sessions)", params: IdParams, body: UserPatchBody,
      response: { 200: UserOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { role, agent_id: agentId, disabled } = request.body;
    const member = await store.transaction(async (tx) => {
      const ctx = commandContext(services, request.principal, tx);
      let current = await memberOf(ctx, request.params.id);
      if (role !== undefined || agentId !== undefined) current = await setMemberRoleCommand(ctx, request.params.id, { role: role ?? current.membership.role, agentId });
      if (disabled !== undefined) current = await setUserDisabledCommand(ctx, request.params.id, disabled);
      return current;
    });
    accounts.sessions.forgetAll();
    return presentMember(member);
  });

  const LINKS: [string, AccountLinkPurpose, string][] = [
    ['invitation', 'invitation', 'A single-use link (a week) with which the member sets their first password; also mailed to them when mail is on'],
    ['password-reset', 'password_reset', 'A single-use link (an hour) with which the member sets a new password; also mailed to them when mail is on'],
  ];
  for (const [segment, purpose, summary] of LINKS) {
    app.post(`/v1/users/:id/${segment}`, {
      config: { permission: 'users:manage' },
      schema: { tags: ['users'], summary, params: IdParams, response: { 201: AccountLinkOutput, ...errorResponses(401, 403, 404, 422) } },
    }, async (request, reply) => {
      const { workspaceId } = request.principal;
      const { mail } = services;
      const path = await store.transaction(async (tx) => {
        const ctx = commandContext(services, request.principal, tx);
        const workspace = (await tx.workspaces.get(workspaceId))!;
        const made = accountLinkPath(purpose, workspace.slug, await mintAccountLink(ctx, request.params.id, purpose));
        if (mail) await queueAccountLinkMail(ctx, mail, request.params.id, purpose, made);
        return made;
      });
      return reply.status(201).send({ path, expires_at: iso(services.clock.now() + ACCOUNT_LINK_TTL_MS[purpose]), mailed: mail !== undefined });
    });
  }
};
