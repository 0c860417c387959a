import { useEffect, useRef, useState } from 'react';
import type { ExpressionPlace } from '../../lib/expression-environment';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import type { PolicyIssue } from '../../lib/types';
import type { ExpressionView, Mark } from './expression-view';

/**
 * Where the server placed the mistake, clamped to the text; one at the very end (an unfinished
 * expression) marks the last character, so the mark can be seen; one without a place marks it all.
 */
function markOf(issue: PolicyIssue | undefined, length: number): Mark | null {
  if (!issue) return null;
  const position = issue.position;
  const from = position ? Math.max(Math.min(position.offset, length - 1), 0) : 0;
  const to = position ? Math.min(from + Math.max(position.length, 1), length) : length;
  return { from, to, message: issue.message };
}

/** The editable element's id, its label (`<id>-label`) and, with a mistake, its error (`<id>-error`). */
function fieldAttributes(id: string, invalid: boolean): Record<string, string> {
  return { id, 'aria-labelledby': `${id}-label`, ...(invalid ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {}) };
}

/**
 * A CEL expression editor: completes the fields, custom fields and functions the server says an
 * expression may use, wraps long expressions instead of cutting them off, and marks the server's
 * compile error at its place (the message stays under the editor for screen readers too).
 * Tab leaves the editor, as it leaves any field. CodeMirror is loaded with the first one shown.
 */
export function ExpressionInput(props: {
  id: string;
  label: string;
  value: string;
  issue: PolicyIssue | undefined;
  onChange(value: string): void;
  placeholder?: string;
  /** Where the expression is used, for completion (a routing condition over the ticket when absent). */
  place?: ExpressionPlace;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ExpressionView | null>(null);
  const latest = useRef(props);
  const { issue } = props;
  const labelId = `${props.id}-label`;
  const errorId = `${props.id}-error`;
  const position = issue?.position;
  const place = JSON.stringify(props.place ?? { scope: 'routing', variables: ['ticket', 'now'] });

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    let made: ExpressionView | null = null;
    let current = true;
    void import('./expression-view').then(({ ExpressionView }) => {
      if (!current || !host.current) return;
      const { value, placeholder, id, issue: now } = latest.current;
      made = new ExpressionView(host.current, {
        doc: value, api, place: JSON.parse(place) as ExpressionPlace, hint: placeholder, attributes: fieldAttributes(id, Boolean(now)),
        onChange: (changed) => latest.current.onChange(changed),
      });
      setView(made);
    });
    return () => {
      current = false;
      made?.destroy();
      setView(null);
    };
  }, [api, place]);

  useEffect(() => view?.setValue(props.value), [view, props.value]);

  useEffect(() => {
    if (!view) return;
    view.setAttributes(fieldAttributes(props.id, Boolean(issue)));
    view.mark(markOf(issue, view.length));
  }, [view, issue, props.id]);

  // Like every native control, the editor follows a disabled <fieldset> around it (a read-only policy).
  useEffect(() => view?.setEditable(!host.current?.closest('fieldset:disabled')));

  return (
    <div className="field expression">
      <label id={labelId} onClick={() => view?.focus()}>{props.label}</label>
      <div ref={host} className={`expression-editor code${issue ? ' invalid' : ''}`} />
      {issue ? (
        <div className="expression-error" id={errorId} role="alert">
          {issue.message}{position ? t('dashboard.policy_editor.position', { line: position.line, column: position.column }) : ''}
        </div>
      ) : null}
    </div>
  );
}
