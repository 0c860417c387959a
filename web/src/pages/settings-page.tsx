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
import { useI18n } from '../lib/i18n-provider';

const TABS = [
  { id: 'agents', label: 'Agents and skills', permission: 'agents:read' },
  { id: 'types', label: 'Ticket types', permission: 'tickets:read' },
  { id: 'sla', label: 'SLA policies', permission: 'sla:read' },
  { id: 'hours', label: 'Business hours', permission: 'sla:read' },
  { id: 'automations', label: 'Automations', permission: 'workflows:read' },
  { id: 'escalation', label: 'Escalation', permission: 'workflows:read' },
  { id: 'canned', label: 'Canned responses', permission: 'workflows:read' },
  { id: 'kb', label: 'Knowledge base', permission: 'tickets:read' },
  { id: 'mailboxes', labelKey: 'dashboard.mailboxes.tab', permission: 'workspace:manage' },
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
  const { can } = useSession();
  const { t } = useI18n();
  return (
    <div className="page">
      <SectionTitle section="settings" />
      <nav aria-label="Settings">
        <ul className="tabs">
          {TABS.filter((tab) => can(tab.permission)).map((tab) => (
            <li key={tab.id}><Link to={`/settings/${tab.id}`} className="tab" aria-current={props.tab === tab.id ? 'page' : undefined}>{'labelKey' in tab ? t(tab.labelKey) : tab.label}</Link></li>
          ))}
        </ul>
      </nav>
      <Tab tab={props.tab} />
    </div>
  );
}
