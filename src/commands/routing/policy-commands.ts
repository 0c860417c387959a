import { fail } from '../../domain/errors.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import { compilePolicy } from '../../domain/routing/policy-compiler.js';
import type { PolicyVersion } from '../../domain/store/routing-store.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { EventContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** The policy every new workspace starts with: one queue of everyone, least busy first. */
export const STARTER_POLICY: PolicyDocument = {
  queues: [{ id: 'general', agents: 'true', strategy: 'least_busy', mode: 'direct' }],
  rules: [],
  default: { queue: 'general' },
};

/**
 * Checks a policy document and, when it compiles, saves it as the workspace's next version.
 * A policy with mistakes is refused as a whole (`invalid_policy` with every error) and the one
 * in force stays as it was.
 */
export async function savePolicyCommand(ctx: EventContext, document: PolicyDocument, restoredFrom: number | null = null): Promise<PolicyVersion> {
  const current = await ctx.tx.policies.current(ctx.workspaceId);
  const version = (current?.version ?? 0) + 1;
  const compiled = compilePolicy(document, version);
  if (!compiled.ok) throw fail('invalid_policy', `The policy has ${compiled.errors.length} mistake(s).`, { errors: compiled.errors });
  const saved: PolicyVersion = {
    workspaceId: ctx.workspaceId,
    version,
    document,
    createdAt: ctx.clock.now(),
    createdBy: ctx.actor.name ?? ctx.actor.id,
    restoredFrom,
  };
  await ctx.tx.policies.insert(saved);
  await recordEvent(ctx, {
    entityKind: 'workspace',
    entityId: ctx.workspaceId,
    type: restoredFrom === null ? 'policy.saved' : 'policy.rolled_back',
    before: current ? { version: current.version } : null,
    after: { version, document: document as unknown as JsonObject },
  });
  return saved;
}

/** Makes an earlier version current again, as a new version (history stays linear and complete). */
export async function rollbackPolicyCommand(ctx: EventContext, version: number): Promise<PolicyVersion> {
  const earlier = await ctx.tx.policies.get(ctx.workspaceId, version);
  if (!earlier) throw fail('policy_version_not_found', `No policy version ${version}.`);
  return savePolicyCommand(ctx, earlier.document, version);
}
