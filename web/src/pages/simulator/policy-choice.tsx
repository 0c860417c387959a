import { useId } from 'react';
import { formatWhen } from '../../lib/format';
import type { PolicyIssue, PolicyVersion } from '../../lib/types';
import { FieldIssues } from './form-fields';
import type { PolicyChoice } from './scenario';
import { useI18n } from '../../lib/i18n-provider';

/**
 * One side of the comparison: the policy in force, a saved version, or a pasted policy document
 * (B may be left out to run A alone). Mistakes in the pasted policy come back with their paths.
 */
export function PolicyChoiceField(props: {
  side: 'A' | 'B';
  choice: PolicyChoice;
  versions: PolicyVersion[];
  issues: PolicyIssue[] | undefined;
  note?: string;
  onChange(choice: PolicyChoice): void;
}) {
  const { t, locale, timeZone } = useI18n();
  const id = useId();
  const { choice, side } = props;
  const issueId = `${id}-error`;
  const invalid = (props.issues?.length ?? 0) > 0;
  return (
    <div className="sim-policy">
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('dashboard.simulator_page.policy_side', { side })}</label>
        <select id={`${id}-source`} value={choice.source} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? issueId : undefined}
          onChange={(event) => props.onChange({ ...choice, source: event.target.value as PolicyChoice['source'] })}>
          {side === 'B' ? <option value="none">{t('dashboard.simulator_page.policy_none')}</option> : null}
          <option value="current">{t('dashboard.simulator_page.policy_current')}</option>
          {props.versions.map((v) => <option key={v.version} value={`v${v.version}`}>{t('dashboard.simulator_page.policy_saved', { version: v.version, when: formatWhen(locale, timeZone, v.created_at) })}</option>)}
          <option value="pasted">{t('dashboard.simulator_page.policy_pasted')}</option>
        </select>
      </div>
      {props.note ? <p className="hint">{props.note}</p> : null}
      {choice.source === 'pasted' ? (
        <div className="field">
          <label htmlFor={`${id}-json`}>{t('dashboard.simulator_page.policy_json', { side })}</label>
          <textarea id={`${id}-json`} className="code" rows={8} spellCheck={false} value={choice.text}
            aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? issueId : undefined}
            onChange={(event) => props.onChange({ ...choice, text: event.target.value })} />
        </div>
      ) : null}
      <FieldIssues id={issueId} issues={props.issues?.map((issue) => ({ ...issue, message: `${pathInPolicy(issue.path)}${issue.message}` }))} />
    </div>
  );
}

/** "/policies/1/policy/rules/0/when" → "rules/0/when: ", so a mistake in a long policy says where it is. */
function pathInPolicy(path: string): string {
  const rest = path.replace(/^\/policies\/\d+\/(policy)?\/?/, '');
  return rest ? `${rest}: ` : '';
}
