import { Empty, Panel, scrollRegion } from '../../components/ui';
import { formatWhen } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';
import type { RoutingExplanation, TicketRouting } from '../../lib/types';

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * What decided the outcome, in the order a person asks: kept with the customer's previous agent,
 * else the rule (or the default) and step that chose the queue, then what the strategy chose.
 */
function decidingReason(explanation: Partial<RoutingExplanation>, nameOf: (id: string | null) => string, t: Translate): string[] {
  const queue = explanation.queue ?? '—';
  const sticky = explanation.sticky;
  if (sticky?.used) return [t('dashboard.routing.kept', { agent: nameOf(sticky.agent) })];
  const lines = [explanation.rule ? t('dashboard.routing.rule', { rule: explanation.rule, queue }) : t('dashboard.routing.default', { queue })];
  if (explanation.step) lines.push(t('dashboard.routing.step', { step: String(explanation.step + 1) }));
  if (!explanation.agent) lines.push(t('dashboard.routing.waits'));
  else if (explanation.strategy) lines.push(t('dashboard.routing.chose', { strategy: labelOf(t, 'dashboard.routing.strategy.', explanation.strategy), agent: nameOf(explanation.agent) }));
  return lines;
}

function excludedText(value: unknown): string {
  if (Array.isArray(value)) return `${value.length}`;
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.length : String(v)}`).join(', ');
  return String(value);
}

/** A dry run's explanation, or one stored with a decision (an older one may lack newer keys). */
export function ExplanationView(props: {
  explanation: Partial<RoutingExplanation>;
  nameOf(id: string | null): string;
}) {
  const { explanation } = props;
  const { t } = useI18n();
  return (
    <div className="explanation">
      <div className="deciding-reason" data-testid="deciding-reason">
        <h3>{t('dashboard.routing.deciding')}</h3>
        {decidingReason(explanation, props.nameOf, t).map((line) => <p key={line}>{line}</p>)}
      </div>
      <h3>{t('dashboard.routing.then')}</h3>
      <dl className="facts">
        <dt>{t('dashboard.routing.outcome')}</dt><dd>{labelOf(t, 'dashboard.routing.result.', explanation.outcome)}{explanation.agent ? ` → ${props.nameOf(explanation.agent)}` : ''}</dd>
        <dt>{t('dashboard.routing.rule_label')}</dt><dd>{explanation.rule ?? t('dashboard.routing.default_rule')}</dd>
        <dt>{t('dashboard.field.queue')}</dt><dd>{explanation.queue ?? '—'}</dd>
        <dt>{t('dashboard.routing.strategy_label')}</dt><dd>{labelOf(t, 'dashboard.routing.strategy.', explanation.strategy)}{explanation.mode ? ` (${labelOf(t, 'dashboard.routing.mode.', explanation.mode)})` : ''}</dd>
        <dt>{t('dashboard.routing.members')}</dt><dd>{explanation.queue_members ?? '—'}</dd>
      </dl>
      {explanation.rules_checked && explanation.rules_checked.length > 0 ? (
        <p className="muted">{t('dashboard.routing.rules_checked')}: {explanation.rules_checked.map((r) => `${r.name} (${labelOf(t, 'dashboard.routing.check.', r.result)})`).join(', ')}</p>
      ) : null}
      {explanation.candidates && explanation.candidates.length > 0 ? (
        <div {...scrollRegion(t('dashboard.routing.candidates'))}>
          <table>
            <caption className="visually-hidden">{t('dashboard.routing.candidates')}</caption>
            <thead><tr><th scope="col">{t('dashboard.routing.candidate')}</th><th scope="col">{t('dashboard.routing.score')}</th><th scope="col">{t('dashboard.ticket.why')}</th></tr></thead>
            <tbody>
              {explanation.candidates.map((c) => (
                <tr key={c.agent}>
                  <th scope="row">{c.name}</th>
                  <td>{c.score}</td>
                  <td className="muted">{Object.entries(c.parts).map(([k, v]) => `${labelOf(t, 'dashboard.routing.part.', k)} ${v}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p className="muted">{t('dashboard.routing.no_candidate')}</p>}
      {explanation.excluded && Object.keys(explanation.excluded).length > 0 ? (
        <p className="muted">{t('dashboard.routing.excluded')}: {Object.entries(explanation.excluded).map(([reason, who]) => `${labelOf(t, 'dashboard.routing.exclusion.', reason)} (${excludedText(who)})`).join('; ')}</p>
      ) : null}
    </div>
  );
}

/** Why the ticket went where it went: its latest decision in full, earlier ones in short. */
export function RoutingPanel(props: { routing: TicketRouting | undefined; nameOf(id: string | null): string }) {
  const { t, locale, timeZone } = useI18n();
  const { routing } = props;
  const [latest, ...earlier] = routing?.decisions ?? [];
  return (
    <Panel title={t('dashboard.routing.title')}>
      {!latest ? <Empty>{t('dashboard.routing.none')}</Empty> : (
        <>
          <p className="muted">{t('dashboard.routing.decided', { when: formatWhen(locale, timeZone, latest.at), count: routing?.reroutes ?? 0 })}</p>
          <ExplanationView explanation={latest.explanation} nameOf={props.nameOf} />
          {earlier.length > 0 ? (
            <details>
              <summary>{t('dashboard.routing.earlier', { count: earlier.length })}</summary>
              <ul>{earlier.map((d) => <li key={d.id}>{formatWhen(locale, timeZone, d.at)}: {labelOf(t, 'dashboard.routing.result.', d.outcome)} {d.agent ? props.nameOf(d.agent) : ''}</li>)}</ul>
            </details>
          ) : null}
        </>
      )}
    </Panel>
  );
}
