import { useI18n } from '../lib/i18n-provider';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { AgentsSettings } from './settings/agents-settings';
import { AutomationsSettings } from './settings/automations-settings';
import { BusinessHoursSettings } from './settings/business-hours-settings';
import { CannedResponsesSettings } from './settings/canned-responses-settings';
import { EscalationSettings } from './settings/escalation-settings';
import { KnowledgeBaseSettings } from './settings/kb-settings';
import { MailboxesSettings } from './settings/mailboxes-settings';
import { SlaSettings } from './settings/sla-settings';
import { TicketTypesSettings } from './settings/ticket-types-settings';
import { SectionTitle } from '../components/layout';

const TABS = [
  { id: 'agents', permission: 'agents:read' },
  { id: 'types', permission: 'tickets:read' },
  { id: 'sla', permission: 'sla:read' },
  { id: 'hours', permission: 'sla:read' },
  { id: 'automations', permission: 'workflows:read' },
  { id: 'escalation', permission: 'workflows:read' },
  { id: 'canned', permission: 'workflows:read' },
  { id: 'kb', permission: 'tickets:read' },
  { id: 'mailboxes', permission: 'workspace:manage' },
] as const;

function Tab(props: { tab: string }) {
  switch (props.tab) {
    case 'types': return <TicketTypesSettings />;
    case 'sla': return <SlaSettings />;
    case 'hours': return <BusinessHoursSettings />;
    case 'automations': return <AutomationsSettings />;
    case 'kb': return <KnowledgeBaseSettings />;
    case 'escalation': return <EscalationSettings />;
    case 'canned': return <CannedResponsesSettings />;
    case 'mailboxes': return <MailboxesSettings />;
    default: return <AgentsSettings />;
  }
}

/** The workspace's configuration, one tab per kind; forms appear only for tokens that may change it. */
export function SettingsPage(props: { tab: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="page">
      <SectionTitle section="settings" />
      <nav aria-label={t('dashboard.nav.settings')}>
        <ul className="tabs">
          {TABS.filter((tab) => can(tab.permission)).map((tab) => (
            <li key={tab.id}><Link to={`/settings/${tab.id}`} className="tab" aria-current={props.tab === tab.id ? 'page' : undefined}>{t(`dashboard.settings.tab.${tab.id}`)}</Link></li>
          ))}
        </ul>
      </nav>
      <Tab tab={props.tab} />
    </div>
  );
}
