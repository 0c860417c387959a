import { DEFAULT_UPDATE_INTERVAL_HOURS, type EmailSettings } from '../../domain/email/email-settings.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** The workspace's mail settings, the defaults where it saved none. */
export async function loadEmailSettings(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>): Promise<EmailSettings> {
  return (await ctx.tx.emails.getSettings(ctx.workspaceId))
    ?? { workspaceId: ctx.workspaceId, updateIntervalHours: DEFAULT_UPDATE_INTERVAL_HOURS, updatedAt: 0 };
}

/** Saves how long requesters may hear nothing before a periodic update (0: never), for the audit log too. */
export async function setEmailSettingsCommand(ctx: CommandContext, updateIntervalHours: number): Promise<EmailSettings> {
  const before = await loadEmailSettings(ctx);
  const settings: EmailSettings = { workspaceId: ctx.workspaceId, updateIntervalHours, updatedAt: ctx.clock.now() };
  await ctx.tx.emails.putSettings(settings);
  await recordEvent(ctx, {
    entityKind: 'workspace', entityId: ctx.workspaceId, type: 'email.settings_saved',
    before: { update_interval_hours: before.updateIntervalHours }, after: { update_interval_hours: updateIntervalHours },
  });
  return settings;
}
