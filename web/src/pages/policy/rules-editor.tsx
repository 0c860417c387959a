import { useId } from 'react';
import { useI18n } from '../../lib/i18n-provider';
import type { PolicyIssue, PolicyRule, PolicyTarget } from '../../lib/types';
import { ExpressionInput } from './expression-input';
import { moveAt, removeAt, replaceAt } from './policy-draft';

/** One step of a rule: a queue, who in it may take this ticket, and how long before the next step. */
export function TargetEditor(props: { id: string; path: string; target: PolicyTarget; queueIds: string[]; issues: Map<string, PolicyIssue>; onChange(target: PolicyTarget): void; onRemove?: () => void }) {
  const { t } = useI18n();
  const { target, path, issues } = props;
  const queueIssue = issues.get(`${path}/queue`);
  return (
    <div className="policy-target">
      <div className="field">
        <label htmlFor={`${props.id}-queue`}>{t('dashboard.policy_editor.queue')}</label>
        <select id={`${props.id}-queue`} value={target.queue} onChange={(event) => props.onChange({ ...target, queue: event.target.value })} aria-invalid={queueIssue ? true : undefined}>
          {[...new Set([target.queue, ...props.queueIds])].map((q) => <option key={q} value={q}>{q}</option>)}
        </select>
        {queueIssue ? <div className="expression-error" role="alert">{queueIssue.message}</div> : null}
      </div>
      <ExpressionInput id={`${props.id}-agents`} label={t('dashboard.policy_editor.only_agents')} value={target.agents ?? ''} issue={issues.get(`${path}/agents`)} placeholder="agent.level >= 2" place={{ scope: 'routing' }} onChange={(agents) => props.onChange({ ...target, agents })} />
      <div className="field">
        <label htmlFor={`${props.id}-timeout`}>{t('dashboard.policy_editor.then_after')}</label>
        <input id={`${props.id}-timeout`} size={6} placeholder={t('dashboard.policy_editor.timeout_placeholder')} value={target.timeout ?? ''} onChange={(event) => props.onChange({ ...target, timeout: event.target.value })} />
      </div>
      {props.onRemove ? <button type="button" className="icon-button" aria-label={t('dashboard.policy_editor.remove_step')} onClick={props.onRemove}>✕</button> : null}
    </div>
  );
}

function RuleEditor(props: { index: number; count: number; rule: PolicyRule; queueIds: string[]; issues: Map<string, PolicyIssue>; onChange(rule: PolicyRule | null, move?: -1 | 1): void }) {
  const { t } = useI18n();
  const id = useId();
  const { rule, index, issues } = props;
  const path = `/rules/${index}`;
  const setTargets = (targets: PolicyTarget[]) => props.onChange({ ...rule, targets });
  return (
    <li className="policy-item rule-item">
      <div className="rule-head">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('dashboard.policy_editor.rule_name', { number: index + 1 })}</label>
          <input id={`${id}-name`} value={rule.name} onChange={(event) => props.onChange({ ...rule, name: event.target.value })} />
        </div>
        <div className="button-row">
          <button type="button" className="icon-button" aria-label={t('dashboard.policy_editor.move_up', { name: rule.name })} disabled={index === 0} onClick={() => props.onChange(rule, -1)}>↑</button>
          <button type="button" className="icon-button" aria-label={t('dashboard.policy_editor.move_down', { name: rule.name })} disabled={index === props.count - 1} onClick={() => props.onChange(rule, 1)}>↓</button>
          <button type="button" className="icon-button" aria-label={t('dashboard.policy_editor.remove_rule', { name: rule.name })} onClick={() => props.onChange(null)}>✕</button>
        </div>
      </div>
      <ExpressionInput id={`${id}-when`} label={t('dashboard.policy_editor.when')} value={rule.when} issue={issues.get(`${path}/when`)} onChange={(when) => props.onChange({ ...rule, when })} />
      <div className="targets">
        {rule.targets.map((target, step) => (
          <TargetEditor
            key={step}
            id={`${id}-t${step}`}
            path={`${path}/targets/${step}`}
            target={target}
            queueIds={props.queueIds}
            issues={issues}
            onChange={(changed) => setTargets(replaceAt(rule.targets, step, changed))}
            onRemove={rule.targets.length > 1 ? () => setTargets(removeAt(rule.targets, step)) : undefined}
          />
        ))}
        <button type="button" onClick={() => setTargets([...rule.targets, { queue: props.queueIds[0] ?? '' }])}>{t('dashboard.policy_editor.add_step')}</button>
      </div>
    </li>
  );
}

/** The ordered rules: the first whose condition holds decides the ticket's targets. */
export function RulesEditor(props: { rules: PolicyRule[]; queueIds: string[]; issues: Map<string, PolicyIssue>; readOnly: boolean; onChange(rules: PolicyRule[]): void }) {
  const { t } = useI18n();
  const { rules } = props;
  const change = (index: number) => (rule: PolicyRule | null, move?: -1 | 1) => {
    if (rule === null) props.onChange(removeAt(rules, index));
    else if (move) props.onChange(moveAt(replaceAt(rules, index, rule), index, move));
    else props.onChange(replaceAt(rules, index, rule));
  };
  return (
    <fieldset className="policy-block" disabled={props.readOnly}>
      <legend>{t('dashboard.policy_editor.rules')}</legend>
      <ol className="rules">
        {rules.map((rule, index) => (
          <RuleEditor key={index} index={index} count={rules.length} rule={rule} queueIds={props.queueIds} issues={props.issues} onChange={change(index)} />
        ))}
      </ol>
      <button type="button" onClick={() => props.onChange([...rules, { name: t('dashboard.policy_editor.new_rule', { number: rules.length + 1 }), when: 'true', targets: [{ queue: props.queueIds[0] ?? '' }] }])}>{t('dashboard.policy_editor.add_rule')}</button>
    </fieldset>
  );
}
