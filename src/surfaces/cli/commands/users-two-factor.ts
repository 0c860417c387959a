import type { Command } from 'commander';
import { resetTwoFactorCommand, setTwoFactorPolicyCommand } from '../../../commands/users/two-factor.js';
import { ROLES, type Role } from '../../../domain/auth/roles.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { userIdOf } from './users-manage.js';

type Flags = DatabaseFlags & { json?: boolean };

/** `switchboard users reset-2fa`: clears a member's lost authenticator, as DELETE /v1/users/:id/two-factor. */
export function registerUsersResetTwoFactor(users: Command): void {
  workspaceSubcommand(users, 'reset-2fa')
    .description('clear a person\'s two-factor authenticator (a lost device); they enrol again at sign-in if their role must have it')
    .argument('<user>', 'user id or e-mail address')
    .action((who: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction(async (tx) => resetTwoFactorCommand(context(tx), await userIdOf(tx, who))).catch(reportDomainError);
      if (flags.json) return printJson({ reset: true });
      console.log(`Two-factor sign-in of ${who} cleared.`);
    }));
}

/** `switchboard users require-2fa`: the roles that must sign in with two-factor, as PUT /v1/auth/two-factor-policy. */
export function registerUsersRequireTwoFactor(users: Command): void {
  workspaceSubcommand(users, 'require-2fa')
    .description('require two-factor sign-in of these roles (none: of nobody)')
    .argument('[roles...]', ROLES.join(' | '))
    .action((roles: string[], flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const unknown = roles.find((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown !== undefined) usageError(`Unknown role ${unknown}; the roles are ${ROLES.join(', ')}.`);
      const required = await store.transaction((tx) => setTwoFactorPolicyCommand(context(tx), roles as Role[]));
      if (flags.json) return printJson({ required_roles: required });
      console.log(required.length === 0 ? 'Two-factor sign-in is required of nobody.' : `Two-factor sign-in is required of: ${required.join(', ')}.`);
    }));
}
