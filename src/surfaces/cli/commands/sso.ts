import type { Command } from 'commander';
import { disableSsoCommand, loadSsoSettings, setSsoSettingsCommand } from '../../../commands/users/sso-settings-commands.js';
import { ROLES, type Role } from '../../../domain/auth/roles.js';
import type { SsoSettings } from '../../../domain/auth/sso-settings.js';
import { presentSsoSettings } from '../../wire/users/sso-presenter.js';
import { reportDomainError } from '../json-file.js';
import { configFrom } from '../options.js';
import { printJson } from '../print-json.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { readStdin } from '../read-stdin.js';

type Flags = DatabaseFlags & { json?: boolean };

interface SetFlags extends Flags {
  issuer: string;
  clientId: string;
  clientSecretStdin?: boolean;
  domains: string;
  roleClaim?: string;
  map: string[];
  defaultRole: string;
  name: string;
}

const callbackUrl = () => `${configFrom({}).publicUrl.replace(/\/+$/, '')}/v1/auth/sso/callback`;

function roleOf(value: string, what: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) usageError(`${what} must be one of ${ROLES.join(', ')}.`);
  return value as Role;
}

function print(settings: SsoSettings, json: boolean | undefined): void {
  const shown = presentSsoSettings(settings, callbackUrl());
  if (json) return printJson(shown);
  console.log(`"Sign in with ${shown.display_name}": ${shown.issuer_url} as client ${shown.client_id} (secret kept, never shown)`);
  const mapping = Object.entries(shown.role_map).map(([value, role]) => `${value}=${role}`).join(', ');
  const byClaim = shown.role_claim ? `, or as claim ${shown.role_claim} says: ${mapping}` : '';
  console.log(`Domains: ${shown.allowed_domains.join(', ')}; new people are ${shown.default_role}s${byClaim}.`);
  console.log(`Register this redirect URI at the provider: ${shown.callback_url}`);
}

/** `switchboard sso show|set|disable`: the workspace's single sign-on through an OpenID provider, as /v1/sso/settings. */
export function registerSso(program: Command): void {
  const sso = program.command('sso').description('single sign-on through the workspace\'s OpenID provider: show, set, disable');
  workspaceSubcommand(sso, 'show')
    .description('show the settings (never the client secret) and the redirect URI to register')
    .action((flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      print(await store.read((tx) => loadSsoSettings({ tx, workspaceId })).catch(reportDomainError), flags.json);
    }));
  workspaceSubcommand(sso, 'set')
    .description('turn single sign-on on or change it; the client secret is read from standard input')
    .requiredOption('--issuer <url>', 'the provider\'s issuer URL (https; plain http only on localhost)')
    .requiredOption('--client-id <id>', 'the client registered at the provider')
    .option('--client-secret-stdin', 'read the client secret from standard input (needed the first time; otherwise the saved one stays)')
    .requiredOption('--domains <list>', 'comma-separated e-mail domains let in')
    .option('--role-claim <claim>', 'the claim whose value picks the role (e.g. groups)')
    .option('--map <value=role>', 'a claim value and the role it gives (repeatable)', (item: string, all: string[]) => [...all, item], [])
    .option('--default-role <role>', 'the role of new people no mapping matches', 'agent')
    .requiredOption('--name <name>', 'the provider\'s name on the sign-in button')
    .action((flags: SetFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const roleMap = Object.fromEntries(flags.map.map((pair) => {
        const at = pair.lastIndexOf('=');
        if (at <= 0) usageError(`--map takes value=role, not "${pair}".`);
        return [pair.slice(0, at), roleOf(pair.slice(at + 1), '--map\'s role')];
      }));
      const allowedDomains = flags.domains.split(',').map((d) => d.trim()).filter((d) => d !== '');
      if (allowedDomains.length === 0) usageError('--domains names at least one e-mail domain.');
      const clientSecret = flags.clientSecretStdin ? await readStdin() : undefined;
      const saved = await store.transaction((tx) => setSsoSettingsCommand(context(tx), {
        issuerUrl: flags.issuer, clientId: flags.clientId, clientSecret: clientSecret || undefined, allowedDomains,
        roleClaim: flags.roleClaim ?? null, roleMap, defaultRole: roleOf(flags.defaultRole, '--default-role'), displayName: flags.name,
      })).catch(reportDomainError);
      print(saved, flags.json);
    }));
  workspaceSubcommand(sso, 'disable')
    .description('turn single sign-on off (the accounts it made stay)')
    .action((flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => disableSsoCommand(context(tx))).catch(reportDomainError);
      if (flags.json) return printJson({ disabled: true });
      console.log('Single sign-on is off.');
    }));
}
