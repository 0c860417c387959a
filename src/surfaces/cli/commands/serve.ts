import type { Command } from 'commander';
import { seedDemoWorkspace } from '../../../demo/seed-demo.js';
import { TokenAuthenticator } from '../../http/auth.js';
import { buildApp } from '../../http/app.js';
import { loggerOptions } from '../../http/log-options.js';
import { ensureDefaultWorkspace, type BootstrapOutcome } from '../../bootstrap.js';
import { openConfiguredStore, systemClock, systemIds } from '../../runtime.js';
import { Worker, idempotencySweep, statisticsSweep } from '../../worker/worker.js';
import { timerSweep } from '../../worker/timer-sweep.js';
import { workflowSweep } from '../../worker/workflow-sweep.js';
import { webhookSweep } from '../../worker/webhook-sweep.js';
import { RoutingRuntime } from '../../../commands/routing/routing-runtime.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { startBanner } from '../start-banner.js';
import type { HttpServices } from '../../http/services.js';
import { triageServicesFrom } from '../../triage-setup.js';
import { customerDirectoryFrom } from '../../crm-setup.js';
import { describeMail, outboundEmailFrom } from '../../email-setup.js';
import { accountMailSweep, emailSweep, stillWorkingSweep } from '../../worker/email-sweep.js';
import { portalSettingsFrom } from '../../portal-setup.js';
import { routingSweep } from '../../worker/routing-sweep.js';
import { TextReaderPool } from '../../../adapters/triage/text-reader-pool.js';
import { PageThreads } from '../../http/pages/page-threads.js';
import { WorkspaceConfigs } from '../../../commands/intake/workspace-config.js';
import { MailboxReaders } from '../../worker/mailbox-leases.js';
import { boundHeapGrowth } from '../../heap-growth.js';

/** `switchboard serve`: the API, the worker and (on a database without workspaces) the demo workspace. */
export function registerServe(program: Command): void {
  withDatabaseOptions(program.command('serve'))
    .description('run the HTTP API and the background worker')
    .option('--port <n>', 'HTTP port (default 8080, env SWITCHBOARD_PORT)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1, env SWITCHBOARD_HOST)')
    .option('--no-demo', 'do not seed the demo workspace into a new database')
    .action(async (flags: { db?: string; databaseUrl?: string; databaseSchema?: string; port?: string; host?: string; demo: boolean }) => {
      boundHeapGrowth();
      const config = configFrom({
        db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema, port: flags.port, host: flags.host,
        demo: flags.demo === false ? false : undefined,
      });
      const store = await openConfiguredStore(config);
      const ids = systemIds();
      const boot = await ensureDefaultWorkspace(store, ids, config.adminToken, config.workspace);
      const routing = new RoutingRuntime();
      if (boot.workspace && boot.created && config.demo) {
        const seeded = await seedDemoWorkspace(store, boot.workspace.id, ids, systemClock.now(), routing);
        console.log(`Seeded the demo workspace: ${seeded.agents} agents, ${seeded.tickets} tickets (${seeded.routed} routed by the demo policy).`);
      }
      const webhookTargets = { allowPrivate: config.webhookAllowPrivate };
      const email = outboundEmailFrom(config);
      const services: HttpServices = {
        store, clock: systemClock, ids, auth: new TokenAuthenticator(store, systemClock.now), routing, webhookTargets, mail: email?.settings,
        mailboxHosts: { allowPrivate: config.mailboxAllowPrivate },
        portal: portalSettingsFrom(config), intake: { configs: new WorkspaceConfigs(), reader: new TextReaderPool() },
        // SQLite only: on PostgreSQL a page thread would need a connection pool of its own; the lists stay on the event loop.
        pages: config.databaseUrl ? undefined : new PageThreads(config.db),
      };
      const app = await buildApp({
        services,
        bodyLimit: config.bodyLimit,
        metricsToken: config.metricsToken,
        rateLimitPerMinute: config.rateLimit,
        portalRateLimitPerMinute: config.portalRateLimit,
        trustProxy: config.trustProxy,
        accounts: { secureCookies: config.publicUrl.startsWith('https:'), publicUrl: config.publicUrl },
        logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel),
      });
      // Set once the app exists, so fall-backs are logged by its logger; routes read it per request.
      services.triage = triageServicesFrom(config, (message) => app.log.warn(message));
      services.crm = customerDirectoryFrom(config, systemClock.now, (message) => app.log.warn(message));
      const log = {
        info: (message: string) => app.log.info(message),
        error: (error: unknown, message: string) => app.log.error({ err: error }, message),
      };
      const mailboxes = new MailboxReaders(ids.next('node'), {
        store, clock: systemClock, ids, routing, mail: email?.settings, crm: services.crm, log,
        allowPrivate: config.mailboxAllowPrivate, recheckMs: config.mailboxRecheckSeconds * 1000,
      });
      const worker = new Worker([
        idempotencySweep(store, systemClock), statisticsSweep(store), timerSweep(store, routing, systemClock, ids, email?.settings),
        workflowSweep(store, routing, systemClock, ids, email?.settings), routingSweep(store, routing, systemClock, ids, email?.settings),
        webhookSweep(store, systemClock, ids, { policy: webhookTargets, timeoutMs: config.webhookTimeoutMs }),
        ...(email ? [emailSweep(store, systemClock, email.mailer), accountMailSweep(store, systemClock, email.mailer), stillWorkingSweep(store, systemClock, ids, email.settings)] : []),
        mailboxes.task(),
      ], log);
      const address = await app.listen({ port: config.port, host: config.host });
      worker.start();
      const base = address.replace('127.0.0.1', 'localhost');
      // Last and framed, so the one-time token is not lost among the start-up output.
      console.log(startBanner([
        `Switchboard is listening on ${base}`,
        `  Dashboard: ${base}/`,
        `  API docs:  ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
        `  Database:  ${config.databaseUrl ? 'PostgreSQL' : `SQLite file ${config.db}`}`,
        `  Mail:      ${describeMail(config)}`,
        ...tokenLines(boot, config.adminToken !== null),
      ]));
      const shutdown = async () => {
        await app.close();
        await worker.stop();
        await mailboxes.stop();
        await services.intake?.reader.close();
        await services.pages?.close();
        email?.mailer.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    });
}

/** What the start-up banner says of the admin token: the new one once, or where to get one. */
function tokenLines(boot: BootstrapOutcome, tokenConfigured: boolean): string[] {
  if (boot.problem) return ['', `  No default workspace: ${boot.problem} SWITCHBOARD_ADMIN_TOKEN is not registered.`];
  if (boot.newAdminSecret) return ['', `  Admin token (shown once, keep it): ${boot.newAdminSecret}`];
  if (!tokenConfigured) return ['  Use an existing token, set SWITCHBOARD_ADMIN_TOKEN, or run `switchboard token create --role admin`.'];
  return [];
}
