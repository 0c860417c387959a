import type { Command } from 'commander';
import { setPreferencesCommand } from '../../../commands/users/preferences.js';
import { setMemberRoleCommand, setUserDisabledCommand } from '../../../commands/users/user-commands.js';
import { ROLES, type Role } from '../../../domain/auth/roles.js';
import { LOCALES } from '../../../domain/i18n/locales.js';
import type { StoreTx } from '../../../domain/store/store.js';
import { presentMember } from '../../wire/users/user-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };

/** A member's id from an id or e-mail address, or `user_not_found` from the command. */
export async function userIdOf(tx: StoreTx, who: string): Promise<string> {
  if (!who.includes('@')) return who;
  return (await tx.users.findByEmail(who))?.id ?? who;
}

function printMember(member: ReturnType<typeof presentMember>, json: boolean | undefined): void {
  if (json) return printJson(member);
  console.log(`${member.id}  ${member.email}  ${member.name}  ${member.role}${member.agent_id ? `  agent ${member.agent_id}` : ''}${member.disabled ? '  disabled' : ''}`);
}

/** `switchboard users list`: the members, as GET /v1/users. */
export function registerUsersList(users: Command): void {
  workspaceSubcommand(users, 'list')
    .description('list the people of the workspace, their roles and agents')
    .action((flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const members = (await store.read((tx) => tx.users.listMembers(workspaceId))).map(presentMember);
      if (flags.json) return printJson({ data: members });
      if (members.length === 0) console.log('No users yet; add one with `switchboard users create-admin` or `users invite`.');
      for (const member of members) printMember(member, false);
    }));
}

/** `switchboard users disable`: turns an account off (its sessions end at once), or on again with --enable. */
export function registerUsersDisable(users: Command): void {
  workspaceSubcommand(users, 'disable')
    .description('turn a person\'s account off (their sessions end at once); --enable turns it on again')
    .argument('<user>', 'user id or e-mail address')
    .option('--enable', 'turn the account on again')
    .action((who: string, flags: Flags & { enable?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const member = await store.transaction(async (tx) => setUserDisabledCommand(context(tx), await userIdOf(tx, who), !flags.enable)).catch(reportDomainError);
      printMember(presentMember(member), flags.json);
    }));
}

/** `switchboard users set-role`: changes a member's role, and with --agent the agent they work as. */
export function registerUsersSetRole(users: Command): void {
  workspaceSubcommand(users, 'set-role')
    .description('change a person\'s role in the workspace')
    .argument('<user>', 'user id or e-mail address')
    .argument('<role>', ROLES.join(' | '))
    .option('--agent <id>', 'the agent record they work as ("none" to unlink)')
    .action((who: string, role: string, flags: Flags & { agent?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      if (!(ROLES as readonly string[]).includes(role)) usageError(`The role must be one of ${ROLES.join(', ')}.`);
      const agentId = flags.agent === undefined ? undefined : flags.agent === 'none' ? null : flags.agent;
      const member = await store.transaction(async (tx) => setMemberRoleCommand(context(tx), await userIdOf(tx, who), { role: role as Role, agentId })).catch(reportDomainError);
      printMember(presentMember(member), flags.json);
    }));
}

/** "none" as an option's value: back to the browser's. */
const orNone = (value: string | undefined) => (value === 'none' ? null : value);

/** `switchboard users set-preferences`: a person's dashboard language and time zone, as PATCH /v1/me. */
export function registerUsersSetPreferences(users: Command): void {
  workspaceSubcommand(users, 'set-preferences')
    .description('set the language and time zone a person\'s dashboard uses')
    .argument('<user>', 'user id or e-mail address')
    .option('--language <code>', `${LOCALES.join(' | ')}, or "none" to follow the browser`)
    .option('--time-zone <zone>', 'an IANA time zone such as Europe/Helsinki, or "none" for the browser\'s')
    .action((who: string, flags: Flags & { language?: string; timeZone?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      if (flags.language === undefined && flags.timeZone === undefined) usageError('Give --language, --time-zone or both.');
      const change = { language: orNone(flags.language), timeZone: orNone(flags.timeZone) };
      const member = await store.transaction(async (tx) => setPreferencesCommand(context(tx), await userIdOf(tx, who), change)).catch(reportDomainError);
      const shown = presentMember(member);
      if (flags.json) return printJson(shown);
      console.log(`${shown.id}  ${shown.email}  language ${shown.language ?? 'browser'}  time zone ${shown.time_zone ?? 'browser'}`);
    }));
}
