import { Panel } from '../../components/ui';
import { formatWhen, humanize } from '../../lib/format';
import type { HistoryEvent } from '../../lib/types';
import { useI18n } from '../../lib/i18n-provider';

const SHOWN_FIELDS = ['status', 'priority', 'queue', 'assigneeId', 'escalation', 'tags'];

/** A changed value as a person reads it: agents by name, an escalation as its level, lists joined. */
function show(key: string, value: unknown, nameOf: (id: string | null) => string): string {
  if (value === null || value === undefined) return 'none';
  if (key === 'assigneeId' && typeof value === 'string') return nameOf(value);
  if (key === 'escalation' && typeof value === 'object' && 'level' in value) {
    const { level, reason } = value as { level: number; reason: string | null };
    return level > 0 ? `L${level}${reason ? ` (${reason})` : ''}` : 'none';
  }
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What changed, as "Assignee: none → Ayu Lestari" lines for the fields people look for. */
function changes(event: HistoryEvent, nameOf: (id: string | null) => string): string[] {
  if (!event.after || event.type.endsWith('.created')) return [];
  return Object.keys(event.after).filter((key) => SHOWN_FIELDS.includes(key))
    .map((key) => `${humanize(key.replace('Id', ''))}: ${show(key, event.before?.[key], nameOf)} → ${show(key, event.after?.[key], nameOf)}`);
}

/** Every event of the ticket, oldest first: who did what and when, agents named. */
export function History(props: { events: HistoryEvent[] | undefined; nameOf(id: string | null): string }) {
  const { t, locale, timeZone } = useI18n();
  return (
    <Panel title={t('dashboard.ticket.history')}>
      <ol className="history">
        {props.events?.map((event) => (
          <li key={event.id}>
            <div><strong>{humanize(event.type)}</strong> <span className="muted">{t('dashboard.ticket.by', { actor: event.actor.name ?? humanize(event.actor.kind) })} · {formatWhen(locale, timeZone, event.at)}</span></div>
            {changes(event, props.nameOf).map((line) => <div key={line} className="change">{line}</div>)}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
