import { useId } from 'react';
import { STRATEGIES, type AssignmentMode, type Strategy } from '../../../../src/domain/routing/policy';
import { useI18n } from '../../lib/i18n-provider';
import type { PolicyIssue, PolicyQueue } from '../../lib/types';
import { ExpressionInput } from './expression-input';
import { removeAt, replaceAt } from './policy-draft';


function IssueText(props: { issue: PolicyIssue | undefined }) {
  return props.issue ? <div className="expression-error" role="alert">{props.issue.message}</div> : null;
}

/** The queues: who belongs (an expression over `agent`), how the next agent is chosen, and direct or offered assignment. */
export function QueuesEditor(props: { queues: PolicyQueue[]; issues: Map<string, PolicyIssue>; readOnly: boolean; onChange(queues: PolicyQueue[]): void }) {
  const { t } = useI18n();
  const id = useId();
  const { queues, issues } = props;
  const update = (index: number, change: Partial<PolicyQueue>) => props.onChange(replaceAt(queues, index, { ...queues[index]!, ...change }));
  return (
    <fieldset className="policy-block" disabled={props.readOnly}>
      <legend>{t('dashboard.policy_editor.queues')}</legend>
      {queues.map((queue, index) => {
        const base = `${id}-q${index}`;
        return (
          <div key={index} className="policy-item queue-item">
            <div className="field">
              <label htmlFor={`${base}-id`}>{t('dashboard.policy_editor.queue_id')}</label>
              <input id={`${base}-id`} className="code" value={queue.id} onChange={(event) => update(index, { id: event.target.value })} />
              <IssueText issue={issues.get(`/queues/${index}/id`) ?? issues.get(`/queues/${index}`)} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-strategy`}>{t('dashboard.policy_editor.strategy')}</label>
              <select id={`${base}-strategy`} value={queue.strategy ?? ''} onChange={(event) => update(index, { strategy: event.target.value as Strategy })}>
                <option value="">{t('dashboard.policy_editor.strategy_default')}</option>
                {STRATEGIES.map((s) => <option key={s} value={s}>{t(`dashboard.policy_editor.strategy_${s}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${base}-mode`}>{t('dashboard.policy_editor.assignment')}</label>
              <select id={`${base}-mode`} value={queue.mode ?? ''} onChange={(event) => update(index, { mode: event.target.value as AssignmentMode })}>
                <option value="">{t('dashboard.policy_editor.mode_direct')}</option>
                <option value="offer">{t('dashboard.policy_editor.mode_offer')}</option>
              </select>
            </div>
            {queue.mode === 'offer' ? (
              <div className="field">
                <label htmlFor={`${base}-timeout`}>{t('dashboard.policy_editor.offer_timeout')}</label>
                <input id={`${base}-timeout`} size={6} value={queue.offer_timeout ?? ''} placeholder="2m" onChange={(event) => update(index, { offer_timeout: event.target.value })} />
                <IssueText issue={issues.get(`/queues/${index}/offer_timeout`)} />
              </div>
            ) : <div />}
            <button type="button" className="icon-button" aria-label={t('dashboard.policy_editor.remove_queue', { id: queue.id })} onClick={() => props.onChange(removeAt(queues, index))}>✕</button>
            <ExpressionInput id={`${base}-agents`} label={t('dashboard.policy_editor.members')} value={queue.agents} issue={issues.get(`/queues/${index}/agents`)} place={{ scope: 'routing', variables: ['agent', 'now'] }} onChange={(agents) => update(index, { agents })} />
          </div>
        );
      })}
      <button type="button" onClick={() => props.onChange([...queues, { id: `queue-${queues.length + 1}`, agents: 'true' }])}>{t('dashboard.policy_editor.add_queue')}</button>
    </fieldset>
  );
}
