import type { Role } from '../domain/auth/roles.js';
import type { ApiToken } from '../domain/auth/token.js';
import { fail } from '../domain/errors.js';
import type { Workspace } from '../domain/workspace/workspace.js';
import type { CommandContext, EventContext } from './context.js';
import { recordEvent } from './record-event.js';
import { STARTER_POLICY, savePolicyCommand } from './routing/policy-commands.js';

export interface TokenSecret {
  /** The bearer secret; shown once, never stored. */
  secret: string;
  token: ApiToken;
}

/** How a surface turns random bytes into a secret and a secret into its stored hash. */
export interface SecretCodec {
  newSecret(): string;
  hash(secret: string): string;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Creates a workspace (tenant) with the given slug. */
export async function createWorkspaceCommand(
  ctx: Omit<EventContext, 'workspaceId'>,
  input: { name: string; slug: string },
): Promise<Workspace> {
  if (!SLUG.test(input.slug)) {
    throw fail('invalid_value', 'A slug is 1–40 lower-case letters, digits and dashes.', { path: '/slug' });
  }
  if (await ctx.tx.workspaces.getBySlug(input.slug)) {
    throw fail('invalid_value', `A workspace "${input.slug}" exists already.`, { path: '/slug' });
  }
  const workspace: Workspace = {
    id: ctx.ids.next('ws'),
    name: input.name,
    slug: input.slug,
    settings: {},
    createdAt: ctx.clock.now(),
  };
  await ctx.tx.workspaces.insert(workspace);
  await savePolicyCommand({ ...ctx, workspaceId: workspace.id }, STARTER_POLICY);
  return workspace;
}

/** Issues an API token; only its hash is stored and the secret is returned once. */
export async function createTokenCommand(
  ctx: CommandContext,
  codec: SecretCodec,
  input: { name: string; role: Role; agentId?: string | null; secret?: string; userId?: string | null },
): Promise<TokenSecret> {
  if (input.agentId) {
    const agent = await ctx.tx.agents.get(ctx.workspaceId, input.agentId);
    if (!agent) throw fail('invalid_reference', `No agent ${input.agentId}.`, { path: '/agent_id' });
  }
  const secret = input.secret ?? codec.newSecret();
  const token: ApiToken = {
    id: ctx.ids.next('tok'),
    workspaceId: ctx.workspaceId,
    name: input.name,
    role: input.role,
    agentId: input.agentId ?? null,
    userId: input.userId ?? null,
    hash: codec.hash(secret),
    createdAt: ctx.clock.now(),
    revokedAt: null,
  };
  await ctx.tx.tokens.insert(token);
  await recordEvent(ctx, {
    entityKind: 'token',
    entityId: token.id,
    type: 'token.created',
    after: { name: token.name, role: token.role, agent_id: token.agentId },
  });
  return { secret, token };
}

/** Revokes a token of the workspace; `token_not_found` when there is no such live token. */
export async function revokeTokenCommand(ctx: CommandContext, id: string): Promise<void> {
  if (!(await ctx.tx.tokens.revoke(ctx.workspaceId, id, ctx.clock.now()))) throw fail('token_not_found');
  await recordEvent(ctx, { entityKind: 'token', entityId: id, type: 'token.revoked' });
}
