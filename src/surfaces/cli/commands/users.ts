import type { Command } from 'commander';
import { registerUsersCreateAdmin, registerUsersInvite } from './users-add.js';
import { registerUsersDisable, registerUsersList, registerUsersSetPreferences, registerUsersSetRole } from './users-manage.js';
import { registerUsersRequireTwoFactor, registerUsersResetTwoFactor } from './users-two-factor.js';

/** `switchboard users invite|list|disable|set-role|set-preferences|create-admin|reset-2fa|require-2fa`: the people of a workspace. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('the people who sign in: invite, list, disable, change roles and preferences, create the first admin, two-factor');
  registerUsersInvite(users);
  registerUsersList(users);
  registerUsersDisable(users);
  registerUsersSetRole(users);
  registerUsersSetPreferences(users);
  registerUsersCreateAdmin(users);
  registerUsersResetTwoFactor(users);
  registerUsersRequireTwoFactor(users);
}
