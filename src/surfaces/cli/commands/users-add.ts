import type { Command } from 'commander';
import { commonPasswords } from '../../../adapters/auth/common-passwords.js';
import { scryptHasher } from '../../../adapters/auth/scrypt-hasher.js';
import { queueAccountLinkMail } from '../../../commands/users/account-link-mail.js';
import { mintAccountLink } from '../../../commands/users/account-links.js';
import { addMemberCommand, hashNewPassword } from '../../../commands/users/user-commands.js';
import { ROLES, type Role } from '../../../domain/auth/roles.js';
import { accountLinkPath, presentMember } from '../../wire/users/user-presenter.js';
import { mailSettingsFrom } from '../../email-setup.js';
import { reportDomainError } from '../json-file.js';
import { configFrom } from '../options.js';
import { printJson } from '../print-json.js';
import { readStdin } from '../read-stdin.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

interface PersonFlags extends DatabaseFlags {
  email: string;
  name?: string;
  json?: boolean;
}

/** `switchboard users invite`: adds a person without a password and prints the link that sets it (a week, once). */
export function registerUsersInvite(users: Command): void {
  workspaceSubcommand(users, 'invite')
    .description('add a person and print the single-use link with which they set their password')
    .requiredOption('--email <address>', 'their e-mail address')
    .option('--name <name>', 'their name (default: the part of the address before @)')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'agent')
    .option('--agent <id>', 'the agent record they work as')
    .action((flags: PersonFlags & { role: string; agent?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      if (!(ROLES as readonly string[]).includes(flags.role)) usageError(`--role must be one of ${ROLES.join(', ')}.`);
      const config = configFrom({});
      // With mail configured the invitation is mailed too; the serving worker sends it.
      const mail = config.smtpUrl ? mailSettingsFrom(config) : undefined;
      const { member, path, slug } = await store.transaction(async (tx) => {
        const ctx = context(tx);
        const added = await addMemberCommand(ctx, { email: flags.email, name: flags.name ?? flags.email.split('@')[0]!, role: flags.role as Role, agentId: flags.agent });
        const workspace = (await tx.workspaces.get(ctx.workspaceId))!;
        const made = accountLinkPath('invitation', workspace.slug, await mintAccountLink(ctx, added.user.id, 'invitation'));
        if (mail) await queueAccountLinkMail(ctx, mail, added.user.id, 'invitation', made);
        return { member: added, slug: workspace.slug, path: made };
      }).catch(reportDomainError);
      const link = `${config.publicUrl.replace(/\/+$/, '')}${path}`;
      if (flags.json) return printJson({ ...presentMember(member), invitation_link: link, mailed: mail !== undefined });
      console.log(`Invited ${member.user.email} to ${slug} as ${member.membership.role}.`);
      console.log(`Invitation link (valid for a week, once): ${link}`);
      if (mail) console.log(`The link is also mailed to ${member.user.email}.`);
    }));
}

/** `switchboard users create-admin`: the first admin (or another), with a password read from standard input. */
export function registerUsersCreateAdmin(users: Command): void {
  workspaceSubcommand(users, 'create-admin')
    .description('add an admin who signs in with the password given on standard input')
    .requiredOption('--email <address>', 'their e-mail address')
    .option('--name <name>', 'their name (default: the part of the address before @)')
    .action((flags: PersonFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const password = await readStdin();
      const hash = await hashNewPassword({ hasher: scryptHasher, common: commonPasswords() }, password, flags.email).catch(reportDomainError);
      const member = await store.transaction((tx) =>
        addMemberCommand(context(tx), { email: flags.email, name: flags.name ?? flags.email.split('@')[0]!, role: 'admin', passwordHash: hash }),
      ).catch(reportDomainError);
      if (flags.json) return printJson(presentMember(member));
      console.log(`${member.user.email} is an admin of the workspace and can sign in.`);
    }));
}
