import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';

export const DOVECOT = '/usr/sbin/dovecot';

/** A real Dovecot IMAP server on 127.0.0.1, started by a test with a configuration of its own. */
export interface DovecotServer {
  port: number;
  user: string;
  password: string;
  /** Delivers a raw message into a folder (made if missing) by IMAP APPEND, as a mail server's delivery would. */
  deliver(raw: Buffer, folder?: string): Promise<void>;
  /** The folder's messages: UID, flags and Message-ID, oldest first. */
  messages(folder: string): Promise<{ uid: number; flags: string[]; messageId: string | undefined }[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Who the server's processes run as. As an ordinary user, that user throughout. As root, Dovecot
 * refuses root for its login processes and for mail access, so those run as the unprivileged
 * accounts the Debian package and the system provide.
 */
function accounts(): { internal: string; group: string; login: string; mailUid: number; mailGid: number } {
  const me = userInfo();
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  if (me.uid !== 0) return { internal: me.username, group, login: me.username, mailUid: me.uid, mailGid: me.gid };
  const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const nogroup = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  return { internal: me.username, group, login: 'dovenull', mailUid: nobody, mailGid: nogroup };
}

function configText(dir: string, port: number): string {
  const who = accounts();
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = switchboard-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.internal}
default_internal_group = ${who.group}
default_login_user = ${who.login}
first_valid_uid = 0
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${who.mailUid} gid=${who.mailGid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;
}

/** Starts Dovecot on a free port with one user, its Maildir in a temporary folder; `close` stops it and removes the folder. */
export async function startDovecot(): Promise<DovecotServer> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-dovecot-'));
  // The login processes (another account when run as root) reach their sockets through this folder.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const who = accounts();
  chownSync(join(dir, 'mail'), who.mailUid, who.mailGid);
  const user = 'desk';
  const password = 'imap-test-password';
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, configText(dir, port));
  // The master forks into the background: it must not hold on to this process's pipes.
  execFileSync(DOVECOT, ['-c', conf], { stdio: 'ignore' });
  const client = () => new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: password }, logger: false });
  await waitForGreeting(client);
  const withClient = async <T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = client();
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout();
    }
  };
  return {
    port, user, password,
    deliver: (raw, folder = 'INBOX') => withClient(async (imap) => {
      if (folder !== 'INBOX') await imap.mailboxCreate(folder);
      await imap.append(folder, raw);
    }),
    messages: (folder) => withClient(async (imap) => {
      const lock = await imap.getMailboxLock(folder);
      try {
        const found = await imap.fetchAll('1:*', { uid: true, flags: true, envelope: true }, { uid: true }).catch(() => []);
        return found.map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])], messageId: m.envelope?.messageId }));
      } finally {
        lock.release();
      }
    }),
    async close() {
      const pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8'));
      process.kill(pid, 'SIGTERM');
      while (isRunning(pid)) await sleep(50);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The master forks its listeners a moment after it returns: sign in until it answers. */
async function waitForGreeting(client: () => ImapFlow): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const imap = client();
    imap.on('error', () => {});
    try {
      await imap.connect();
      await imap.logout();
      return;
    } catch (error) {
      if (attempt >= 100) throw error;
      await sleep(50);
    }
  }
}

export const dovecotInstalled = (): boolean => existsSync(DOVECOT);
