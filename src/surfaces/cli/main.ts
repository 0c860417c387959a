#!/usr/bin/env node
import { Command } from 'commander';
import { registerDispatch } from './commands/dispatch.js';
import { registerKb } from './commands/kb.js';
import { registerKbManage } from './commands/kb-manage.js';
import { registerCanned } from './commands/canned.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerMetrics } from './commands/metrics.js';
import { registerPolicy } from './commands/policy.js';
import { registerServe } from './commands/serve.js';
import { registerSla } from './commands/sla.js';
import { registerSimulate } from './commands/simulate.js';
import { registerPlan } from './commands/plan.js';
import { registerApprovals } from './commands/approvals.js';
import { registerAudit } from './commands/audit.js';
import { registerTokenCreate } from './commands/token-create.js';
import { registerTokenAdmin } from './commands/tokens.js';
import { registerTickets } from './commands/tickets.js';
import { registerTicketIntake } from './commands/tickets-intake.js';
import { registerAgents } from './commands/agents.js';
import { registerAgentChanges } from './commands/agents-set.js';
import { registerWorkspaceList } from './commands/workspace-list.js';
import { registerTriage } from './commands/triage.js';
import { registerWorkflows } from './commands/workflows.js';
import { registerTicketTypes } from './commands/ticket-types.js';
import { registerWebhooks } from './commands/webhooks.js';
import { registerMailboxes } from './commands/mailboxes.js';
import { registerEmail } from './commands/email.js';
import { registerWorkspaceCreate } from './commands/workspace-create.js';
import { registerInit } from './commands/init.js';
import { registerTemplate } from './commands/template.js';
import { registerUsers } from './commands/users.js';
import { registerSso } from './commands/sso.js';
import { registerCompletion } from './commands/completion.js';

const program = new Command()
  .name('switchboard')
  .description('Routes incoming work to the right person, and escalates it when needed.')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerTokenAdmin(registerTokenCreate(program));
registerWorkspaceList(registerWorkspaceCreate(program));
registerInit(program);
registerTemplate(program);
registerTicketIntake(registerTickets(program));
registerAgentChanges(registerAgents(program));
registerImport(program);
registerExport(program);
registerPolicy(program);
registerWorkflows(program);
registerTicketTypes(program);
registerDispatch(program);
registerKbManage(registerKb(program));
registerCanned(program);
registerTriage(program);
registerSla(program);
registerSimulate(program);
registerPlan(program);
registerApprovals(program);
registerAudit(program);
registerMetrics(program);
registerWebhooks(program);
registerMailboxes(program);
registerEmail(program);
registerUsers(program);
registerSso(program);
registerCompletion(program);

await program.parseAsync(process.argv);
