import type { Migration, MigrationProvider } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';
import { initialSchema } from './0001-initial.js';
import { routingSchema } from './0002-routing.js';
import { ticketInsightsSchema } from './0003-ticket-insights.js';
import { triageModelsSchema } from './0004-triage-models.js';
import { knowledgeBaseSchema } from './0005-knowledge-base.js';
import { slaSchema } from './0006-sla.js';
import { escalationAutomationSchema } from './0007-escalation-automation.js';
import { metricsSchema } from './0008-metrics.js';
import { webhooksSchema } from './0009-webhooks.js';
import { inboundEmailSchema } from './0010-inbound-email.js';
import { approvalsSchema } from './0011-approvals.js';
import { workspaceSecretsSchema } from './0012-workspace-secrets.js';
import { ticketTypesSchema } from './0013-ticket-types.js';
import { outboundEmailSchema } from './0014-outbound-email.js';
import { portalSchema } from './0015-portal.js';
import { reopensSchema } from './0016-reopens.js';
import { deskIndexesSchema } from './0017-desk-indexes.js';
import { configVersionSchema } from './0018-config-version.js';
import { usersSchema } from './0020-users.js';
import { externalReferencesSchema } from './0025-external-references.js';
import { mailboxesSchema } from './0026-mailboxes.js';
import { twoFactorSchema } from './0028-two-factor.js';
import { ssoSettingsSchema } from './0029-sso-settings.js';
import { ssoIdentitiesSchema } from './0030-sso-identities.js';
import { accountMailsSchema } from './0031-account-mails.js';
import { userPreferencesSchema } from './0032-user-preferences.js';
import { eventNotificationsSchema } from './0033-event-notifications.js';
import { heldUnitsIndexSchema } from './0034-held-units-index.js';
import { commitsAnnouncedAfterSchema } from './0035-commits-announced-after.js';

/** The one migration set both backends run, in name order. */
export function migrationProvider(traits: DialectTraits): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initialSchema(traits),
        '0002-routing': routingSchema(traits),
        '0003-ticket-insights': ticketInsightsSchema(traits),
        '0004-triage-models': triageModelsSchema(traits),
        '0005-knowledge-base': knowledgeBaseSchema(traits),
        '0006-sla': slaSchema(traits),
        '0007-escalation-automation': escalationAutomationSchema(traits),
        '0008-metrics': metricsSchema(),
        '0009-webhooks': webhooksSchema(traits),
        '0010-inbound-email': inboundEmailSchema(traits),
        '0011-approvals': approvalsSchema(traits),
        '0012-workspace-secrets': workspaceSecretsSchema(traits),
        '0013-ticket-types': ticketTypesSchema(traits),
        '0014-outbound-email': outboundEmailSchema(traits),
        '0015-portal': portalSchema(traits),
        '0016-reopens': reopensSchema(),
        '0017-desk-indexes': deskIndexesSchema(),
        '0018-config-version': configVersionSchema(),
        '0020-users': usersSchema(traits),
        '0025-external-references': externalReferencesSchema(traits),
        '0026-mailboxes': mailboxesSchema(traits),
        '0028-two-factor': twoFactorSchema(traits),
        '0029-sso-settings': ssoSettingsSchema(traits),
        '0030-sso-identities': ssoIdentitiesSchema(traits),
        '0031-account-mails': accountMailsSchema(traits),
        '0032-user-preferences': userPreferencesSchema(),
        '0033-event-notifications': eventNotificationsSchema(traits),
        '0034-held-units-index': heldUnitsIndexSchema(),
        '0035-commits-announced-after': commitsAnnouncedAfterSchema(traits),
      };
    },
  };
}
