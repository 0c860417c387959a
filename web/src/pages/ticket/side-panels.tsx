import { slaTone } from '../../components/sla-chip';
import { Empty, ErrorMessage, Panel } from '../../components/ui';
import { formatAgo, formatWhen } from '../../lib/format';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import type { SearchHit, Ticket } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import { Snippet } from '../../components/snippet';
import type { Static } from 'typebox';
import type { HandoffOutput } from '../../../../src/surfaces/wire/workflows/workflow-schemas';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';

/** The ticket's SLA clocks: target, due time, and whether each is running, paused, met or breached. */
export function SlaPanel(props: { ticket: Ticket; now: number }) {
  const { t, locale, timeZone } = useI18n();
  const sla = props.ticket.sla;
  return (
    <Panel title={t('dashboard.field.sla')}>
      {!sla ? <Empty>{t('dashboard.ticket.no_sla')}</Empty> : (
        <>
          <p className="muted">{t('dashboard.ticket.sla_policy', { name: sla.policy_name })}</p>
          <ul className="sla-list">
            {sla.metrics.map((m) => {
              const tone = m.status === 'running' ? slaTone(m, props.now) : m.breached ? 'bad' : 'ok';
              return (
                <li key={m.metric} className={`sla sla-${tone}`}>
                  <strong>{t(`dashboard.reports.sla.metric.${m.metric}`)}</strong>: {t(`dashboard.ticket.clock.${m.status}`)}{m.breached ? `, ${t('dashboard.ticket.breached')}` : ''}
                  {m.status === 'running' && m.due_at ? ` · ${t('dashboard.ticket.due', { when: formatAgo(locale, m.due_at, props.now) })}` : ''}
                  {m.fulfilled_at ? ` · ${t('dashboard.ticket.met', { when: formatWhen(locale, timeZone, m.fulfilled_at) })}` : ''}
                  <span className="muted"> ({t('dashboard.ticket.target', { minutes: m.target_minutes })})</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Panel>
  );
}

type Handoff = Static<typeof HandoffOutput>;

/**
 * What a bot handed over: its summary, what it tried, and why it gave up. Asked for only when the
 * history shows a hand-off (`handedOff`; undefined while the history loads), so a ticket no bot
 * touched costs no request that can only answer 404.
 */
export function HandoffPanel(props: { ticketId: string; tick: number; handedOff: boolean | undefined }) {
  const { t } = useI18n();
  const { api } = useSession();
  const handoff = useResource(`handoff:${props.ticketId}:${props.tick}:${String(props.handedOff)}`, () =>
    (props.handedOff ? api.get<Handoff>(`/v1/tickets/${props.ticketId}/handoff`) : Promise.resolve(props.handedOff === false ? null : undefined)));
  const packet = handoff.data;
  return (
    <Panel title={t('dashboard.ticket.handoff')}>
      <ErrorMessage error={handoff.error} />
      {packet === null ? <Empty>{t('dashboard.ticket.no_handoff')}</Empty> : packet ? (
        <>
          <p className="message-body">{packet.summary}</p>
          <dl className="facts">
            <dt>{t('dashboard.ticket.bot')}</dt><dd>{packet.context.bot ?? '—'}</dd>
            <dt>{t('dashboard.ticket.intent')}</dt><dd>{packet.context.intent ?? '—'}</dd>
            <dt>{t('dashboard.ticket.why')}</dt><dd>{packet.reason ?? labelOf(t, 'dashboard.handoff_mode.', packet.mode)}</dd>
          </dl>
          {packet.attempts.length > 0 ? (
            <ul>{packet.attempts.map((a, i) => <li key={i}>{a.action}{a.outcome ? ` (${labelOf(t, 'dashboard.attempt_outcome.', a.outcome)})` : ''}</li>)}</ul>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}


export function SuggestionsPanel(props: { ticketId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const hits = useResource(`suggestions:${props.ticketId}`, () => api.get<{ data: SearchHit[] }>(`/v1/tickets/${props.ticketId}/suggestions`));
  return (
    <Panel title={t('dashboard.ticket.articles')}>
      <ErrorMessage error={hits.error} />
      {hits.data?.data.length === 0 ? <Empty>{t('dashboard.ticket.no_articles')}</Empty> : null}
      <ul className="suggestions">
        {hits.data?.data.map((hit) => (
          <li key={hit.article.id}><strong>{hit.article.title}</strong><br /><Snippet text={hit.snippet} /></li>
        ))}
      </ul>
    </Panel>
  );
}

/** Links to other tickets, suspected duplicates first. */
export function LinksPanel(props: { ticket: Ticket }) {
  const { t } = useI18n();
  const links = [...props.ticket.links].sort((a, b) => (a.kind === 'duplicate_of' ? -1 : b.kind === 'duplicate_of' ? 1 : 0));
  return (
    <Panel title={t('dashboard.ticket.links')}>
      {links.length === 0 ? <Empty>{t('dashboard.ticket.no_links')}</Empty> : (
        <ul>
          {links.map((link) => (
            <li key={`${link.kind}:${link.ticket_id}`}>{t(`dashboard.ticket.link.${link.kind}`)} <Link to={`/tickets/${link.ticket_id}`}>{link.ticket_id}</Link></li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
