import { formatAgo } from '../lib/format';
import type { SlaMetric, Ticket } from '../lib/types';
import { useI18n } from '../lib/i18n-provider';

/** The running SLA clock that is due first, or null. */
export function nextDue(ticket: Ticket): SlaMetric | null {
  const running = (ticket.sla?.metrics ?? []).filter((m) => m.status === 'running' && m.due_at);
  running.sort((a, b) => (a.due_at! < b.due_at! ? -1 : 1));
  return running[0] ?? null;
}

/** How a clock stands: breached, at risk (past its warning), or on track. */
export function slaTone(metric: SlaMetric, now: number): 'bad' | 'warn' | 'ok' {
  if (metric.breached || (metric.due_at && new Date(metric.due_at).getTime() <= now)) return 'bad';
  if (metric.warn_at && new Date(metric.warn_at).getTime() <= now) return 'warn';
  return 'ok';
}

export function SlaChip(props: { ticket: Ticket; now: number }) {
  const { t, locale } = useI18n();
  const metric = nextDue(props.ticket);
  if (!metric) return <span className="muted">—</span>;
  const tone = slaTone(metric, props.now);
  return (
    <span className={`sla sla-${tone}`}>
      {t(tone === 'bad' ? 'dashboard.sla.breached' : 'dashboard.sla.due', { target: t(`dashboard.reports.sla.metric.${metric.metric}`), when: formatAgo(locale, metric.due_at, props.now) })}
    </span>
  );
}
