import { useId } from 'react';
import type { PolicyIssue, PolicyRule, PolicyTarget } from '../../lib/types';
import { ExpressionInput } from './expression-input';
import { moveAt, removeAt, replaceAt } from './policy-draft';

/** One step of a rule: a queue, who in it may take this ticket, and how long before the next step. */
export function TargetEditor(props: { id: string; path: string; target: PolicyTarget; queueIds: string[]; issues: Map<string, PolicyIssue>; onChange(target: PolicyTarget): void; onRemove?: () => void }) {
  const { target, path, issues } = props;
  const queueIssue = issues.get(`${path}/queue`);
  return (
    <div className="policy-target">
      <div className="field">
        <label htmlFor={`${props.id}-queue`}>Queue</label>
        <select id={`${props.id}-queue`} value={target.queue} onChange={(event) => props.onChange({ ...target, queue: event.target.value })} aria-invalid={queueIssue ? true : undefined}>
          {[...new Set([target.queue, ...props.queueIds])].map((q) => <option key={q} value={q}>{q}</option>)}
        </select>
        {queueIssue ? <div className="expression-error" role="alert">{queueIssue.message}</div> : null}
      </div>
      <ExpressionInput id={`${props.id}-agents`} label="Only agents where (optional)" value={target.agents ?? ''} issue={issues.get(`${path}/agents`)} placeholder="agent.level >= 2" onChange={(agents) => props.onChange({ ...target, agents })} />
      <div className="field">
        <label htmlFor={`${props.id}-timeout`}>Then after</label>
        <input id={`${props.id}-timeout`} size={6} placeholder="e.g. 10m" value={target.timeout ?? ''} onChange={(event) => props.onChange({ ...target, timeout: event.target.value })} />
      </div>
      {props.onRemove ? <button type="button" className="icon-button" aria-label="Remove this step" onClick={props.onRemove}>✕</button> : null}
    </div>
  );
}

function RuleEditor(props: { index: number; count: number; rule: PolicyRule; queueIds: string[]; issues: Map<string, PolicyIssue>; onChange(rule: PolicyRule | null, move?: -1 | 1): void }) {
  const id = useId();
  const { rule, index, issues } = props;
  const path = `/rules/${index}`;
  const setTargets = (targets: PolicyTarget[]) => props.onChange({ ...rule, targets });
  return (
    <li className="policy-item rule-item">
      <div className="rule-head">
        <div className="field">
          <label htmlFor={`${id}-name`}>Rule {index + 1} name</label>
          <input id={`${id}-name`} value={rule.name} onChange={(event) => props.onChange({ ...rule, name: event.target.value })} />
        </div>
        <div className="button-row">
          <button type="button" className="icon-button" aria-label={`Move rule ${rule.name} up`} disabled={index === 0} onClick={() => props.onChange(rule, -1)}>↑</button>
          <button type="button" className="icon-button" aria-label={`Move rule ${rule.name} down`} disabled={index === props.count - 1} onClick={() => props.onChange(rule, 1)}>↓</button>
          <button type="button" className="icon-button" aria-label={`Remove rule ${rule.name}`} onClick={() => props.onChange(null)}>✕</button>
        </div>
      </div>
      <ExpressionInput id={`${id}-when`} label="When (over ticket)" value={rule.when} issue={issues.get(`${path}/when`)} onChange={(when) => props.onChange({ ...rule, when })} />
      <div className="targets">
        {rule.targets.map((target, t) => (
          <TargetEditor
            key={t}
            id={`${id}-t${t}`}
            path={`${path}/targets/${t}`}
            target={target}
            queueIds={props.queueIds}
            issues={issues}
            onChange={(changed) => setTargets(replaceAt(rule.targets, t, changed))}
            onRemove={rule.targets.length > 1 ? () => setTargets(removeAt(rule.targets, t)) : undefined}
          />
        ))}
        <button type="button" onClick={() => setTargets([...rule.targets, { queue: props.queueIds[0] ?? '' }])}>Add a step</button>
      </div>
    </li>
  );
}

/** The ordered rules: the first whose condition holds decides the ticket's targets. */
export function RulesEditor(props: { rules: PolicyRule[]; queueIds: string[]; issues: Map<string, PolicyIssue>; readOnly: boolean; onChange(rules: PolicyRule[]): void }) {
  const { rules } = props;
  const change = (index: number) => (rule: PolicyRule | null, move?: -1 | 1) => {
    if (rule === null) props.onChange(removeAt(rules, index));
    else if (move) props.onChange(moveAt(replaceAt(rules, index, rule), index, move));
    else props.onChange(replaceAt(rules, index, rule));
  };
  return (
    <fieldset className="policy-block" disabled={props.readOnly}>
      <legend>Rules (first match wins)</legend>
      <ol className="rules">
        {rules.map((rule, index) => (
          <RuleEditor key={index} index={index} count={rules.length} rule={rule} queueIds={props.queueIds} issues={props.issues} onChange={change(index)} />
        ))}
      </ol>
      <button type="button" onClick={() => props.onChange([...rules, { name: `rule ${rules.length + 1}`, when: 'true', targets: [{ queue: props.queueIds[0] ?? '' }] }])}>Add rule</button>
    </fieldset>
  );
}
