import { Panel } from '../../components/ui';
import { formatWhen } from '../../lib/format';
import type { Translate } from '../../lib/i18n';
import type { HistoryEvent } from '../../lib/types';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';

/** The fields people look for in a change, each with the catalogue key of its name. */
const SHOWN_FIELDS: Readonly<Record<string, string>> = {
  status: 'dashboard.field.status',
  priority: 'dashboard.field.priority',
  queue: 'dashboard.field.queue',
  assigneeId: 'dashboard.field.assignee',
  escalation: 'dashboard.field.escalation',
  tags: 'dashboard.field.tags',
};

/** A changed value as a person reads it: agents by name, an escalation as its level, lists joined. */
function show(key: string, value: unknown, nameOf: (id: string | null) => string, t: Translate): string {
  const none = t('dashboard.ticket.no_value');
  if (value === null || value === undefined) return none;
  if (key === 'assigneeId' && typeof value === 'string') return nameOf(value);
  if (key === 'status' && typeof value === 'string') return labelOf(t, 'dashboard.status.', value);
  if (key === 'priority' && typeof value === 'string') return labelOf(t, 'dashboard.priority.', value);
  if (key === 'escalation' && typeof value === 'object' && 'level' in value) {
    const { level, reason } = value as { level: number; reason: string | null };
    return level > 0 ? `L${level}${reason ? ` (${reason})` : ''}` : none;
  }
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : none;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What changed, as "Assignee: none → Ayu Lestari" lines for the fields people look for. */
function changes(event: HistoryEvent, nameOf: (id: string | null) => string, t: Translate): string[] {
  if (!event.after || event.type.endsWith('.created')) return [];
  return Object.keys(event.after).flatMap((key) => {
    const name = SHOWN_FIELDS[key];
    return name ? [`${t(name)}: ${show(key, event.before?.[key], nameOf, t)} → ${show(key, event.after?.[key], nameOf, t)}`] : [];
  });
}

/** Every event of the ticket, oldest first: who did what and when, agents named. */
export function History(props: { events: HistoryEvent[] | undefined; nameOf(id: string | null): string }) {
  const { t, locale, timeZone } = useI18n();
  return (
    <Panel title={t('dashboard.ticket.history')}>
      <ol className="history">
        {props.events?.map((event) => (
          <li key={event.id}>
            <div>
              <strong>{labelOf(t, 'dashboard.event.', event.type)}</strong>{' '}
              <span className="muted">{t('dashboard.ticket.by', { actor: event.actor.name ?? labelOf(t, 'dashboard.author.', event.actor.kind) })} · {formatWhen(locale, timeZone, event.at)}</span>
            </div>
            {changes(event, props.nameOf, t).map((line) => <div key={line} className="change">{line}</div>)}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
