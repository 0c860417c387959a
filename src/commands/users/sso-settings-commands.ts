import type { Role } from '../../domain/auth/roles.js';
import { issuerProblem, type SsoSettings } from '../../domain/auth/sso-settings.js';
import { fail } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** The settings an admin gives; the client secret may be left out to keep the saved one. */
export interface SsoSettingsInput {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  allowedDomains: readonly string[];
  roleClaim: string | null;
  roleMap: Readonly<Record<string, Role>>;
  defaultRole: Role;
  displayName: string;
}

/** The workspace's single sign-on settings, or `sso_not_configured`. */
export async function loadSsoSettings(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>): Promise<SsoSettings> {
  const settings = await ctx.tx.sso.get(ctx.workspaceId);
  if (!settings) throw fail('sso_not_configured');
  return settings;
}

/** Turns single sign-on on or changes it; the audit log gets everything but the secret. */
export async function setSsoSettingsCommand(ctx: CommandContext, input: SsoSettingsInput): Promise<SsoSettings> {
  const problem = issuerProblem(input.issuerUrl);
  if (problem) throw fail('invalid_value', problem, { path: '/issuer_url' });
  const before = await ctx.tx.sso.get(ctx.workspaceId);
  const clientSecret = input.clientSecret ?? before?.clientSecret;
  if (clientSecret === undefined) throw fail('invalid_value', 'A client secret is needed the first time.', { path: '/client_secret' });
  const settings: SsoSettings = {
    workspaceId: ctx.workspaceId, issuerUrl: input.issuerUrl, clientId: input.clientId, clientSecret,
    allowedDomains: [...new Set(input.allowedDomains.map((domain) => domain.trim().toLowerCase()))],
    roleClaim: input.roleClaim, roleMap: { ...input.roleMap }, defaultRole: input.defaultRole, displayName: input.displayName,
    updatedAt: ctx.clock.now(),
  };
  await ctx.tx.sso.put(settings);
  await recordEvent(ctx, {
    entityKind: 'workspace', entityId: ctx.workspaceId, type: 'sso.settings_saved',
    before: before ? auditedPart(before) : null, after: { ...auditedPart(settings), client_secret_changed: input.clientSecret !== undefined },
  });
  return settings;
}

/** Turns single sign-on off; people it let in keep their accounts (and may get a password). */
export async function disableSsoCommand(ctx: CommandContext): Promise<void> {
  if (!(await ctx.tx.sso.delete(ctx.workspaceId))) throw fail('sso_not_configured');
  await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'sso.disabled' });
}

function auditedPart(settings: SsoSettings) {
  return {
    issuer_url: settings.issuerUrl, client_id: settings.clientId, allowed_domains: settings.allowedDomains,
    role_claim: settings.roleClaim, role_map: settings.roleMap, default_role: settings.defaultRole, display_name: settings.displayName,
  };
}
