import type { ReactNode } from 'react';
import type { PolicyIssue } from '../../lib/types';

/** The mistakes the server found in one field, under it and announced; `id` ties them to the control. */
export function FieldIssues(props: { id: string; issues: PolicyIssue[] | undefined }) {
  if (!props.issues || props.issues.length === 0) return null;
  return (
    <div className="field-error" id={props.id} role="alert">
      {props.issues.map((issue) => <div key={`${issue.path}:${issue.message}`}>{issue.message}</div>)}
    </div>
  );
}

/** A labelled text or number box with its hint and, when the server refused it, its mistakes. */
export function InputField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  issues?: PolicyIssue[];
  hint?: string;
  type?: 'number' | 'text' | 'datetime-local';
  step?: string;
  required?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const issueId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const invalid = (props.issues?.length ?? 0) > 0;
  const describedBy = [invalid ? issueId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'number'}
        step={props.step ?? (props.type ? undefined : 'any')}
        inputMode={props.type ? undefined : 'decimal'}
        required={props.required}
        value={props.value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint ? <div className="hint" id={hintId}>{props.hint}</div> : null}
      <FieldIssues id={issueId} issues={props.issues} />
    </div>
  );
}
