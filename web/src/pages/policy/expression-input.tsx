import { useI18n } from '../../lib/i18n-provider';
import type { PolicyIssue } from '../../lib/types';

/**
 * A CEL expression field that shows its mistake where it is: the message, the line and column,
 * and the expression again with the offending part marked.
 */
export function ExpressionInput(props: {
  id: string;
  label: string;
  value: string;
  issue: PolicyIssue | undefined;
  onChange(value: string): void;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const { issue } = props;
  const errorId = `${props.id}-error`;
  const position = issue?.position;
  const start = position ? Math.min(position.offset, props.value.length) : 0;
  const end = position ? Math.min(start + Math.max(position.length, 1), props.value.length) : 0;
  return (
    <div className="field expression">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="code"
        spellCheck={false}
        autoComplete="off"
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? errorId : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {issue ? (
        <div className="expression-error" id={errorId} role="alert">
          <span>{issue.message}{position ? t('dashboard.policy_editor.position', { line: position.line, column: position.column }) : ''}</span>
          {position ? (
            <pre className="code expression-echo" aria-hidden="true">
              {props.value.slice(0, start)}<mark>{props.value.slice(start, end) || ' '}</mark>{props.value.slice(end)}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
