import { useId } from 'react';
import { STRATEGIES, type AssignmentMode, type Strategy } from '../../../../src/domain/routing/policy';
import type { PolicyIssue, PolicyQueue } from '../../lib/types';
import { ExpressionInput } from './expression-input';
import { removeAt, replaceAt } from './policy-draft';


function IssueText(props: { issue: PolicyIssue | undefined }) {
  return props.issue ? <div className="expression-error" role="alert">{props.issue.message}</div> : null;
}

/** The queues: who belongs (an expression over `agent`), how the next agent is chosen, and direct or offered assignment. */
export function QueuesEditor(props: { queues: PolicyQueue[]; issues: Map<string, PolicyIssue>; readOnly: boolean; onChange(queues: PolicyQueue[]): void }) {
  const id = useId();
  const { queues, issues } = props;
  const update = (index: number, change: Partial<PolicyQueue>) => props.onChange(replaceAt(queues, index, { ...queues[index]!, ...change }));
  return (
    <fieldset className="policy-block" disabled={props.readOnly}>
      <legend>Queues</legend>
      {queues.map((queue, index) => {
        const base = `${id}-q${index}`;
        return (
          <div key={index} className="policy-item queue-item">
            <div className="field">
              <label htmlFor={`${base}-id`}>Queue id</label>
              <input id={`${base}-id`} className="code" value={queue.id} onChange={(event) => update(index, { id: event.target.value })} />
              <IssueText issue={issues.get(`/queues/${index}/id`) ?? issues.get(`/queues/${index}`)} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-strategy`}>Strategy</label>
              <select id={`${base}-strategy`} value={queue.strategy ?? ''} onChange={(event) => update(index, { strategy: event.target.value as Strategy })}>
                <option value="">default</option>
                {STRATEGIES.map((s) => <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${base}-mode`}>Assignment</label>
              <select id={`${base}-mode`} value={queue.mode ?? ''} onChange={(event) => update(index, { mode: event.target.value as AssignmentMode })}>
                <option value="">direct</option>
                <option value="offer">offer</option>
              </select>
            </div>
            {queue.mode === 'offer' ? (
              <div className="field">
                <label htmlFor={`${base}-timeout`}>Offer timeout</label>
                <input id={`${base}-timeout`} size={6} value={queue.offer_timeout ?? ''} placeholder="2m" onChange={(event) => update(index, { offer_timeout: event.target.value })} />
                <IssueText issue={issues.get(`/queues/${index}/offer_timeout`)} />
              </div>
            ) : <div />}
            <button type="button" className="icon-button" aria-label={`Remove queue ${queue.id}`} onClick={() => props.onChange(removeAt(queues, index))}>✕</button>
            <ExpressionInput id={`${base}-agents`} label="Members (over agent)" value={queue.agents} issue={issues.get(`/queues/${index}/agents`)} onChange={(agents) => update(index, { agents })} />
          </div>
        );
      })}
      <button type="button" onClick={() => props.onChange([...queues, { id: `queue-${queues.length + 1}`, agents: 'true' }])}>Add queue</button>
    </fieldset>
  );
}
