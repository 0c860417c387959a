import { changedPreferences, type PreferencesChange } from '../../domain/auth/preferences.js';
import type { Member } from '../../domain/store/user-store.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import { memberOf } from './user-commands.js';

/** Changes a member's dashboard language and time zone (the fields given); unknown values are `invalid_value`. */
export async function setPreferencesCommand(ctx: CommandContext, userId: string, change: PreferencesChange): Promise<Member> {
  const before = await memberOf(ctx, userId);
  const after = changedPreferences(before.user, change);
  if (after.language === before.user.language && after.timeZone === before.user.timeZone) return before;
  await ctx.tx.users.setPreferences(userId, after);
  await recordEvent(ctx, {
    entityKind: 'user', entityId: userId, type: 'user.preferences_changed',
    before: { language: before.user.language, time_zone: before.user.timeZone }, after: { language: after.language, time_zone: after.timeZone },
  });
  return { user: { ...before.user, ...after }, membership: before.membership };
}
