import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { adoptCodeMirrorStyles } from '../../lib/codemirror-styles';
import {
  expressionCompletion, loadExpressionEnvironment, type ExpressionEnvironment, type ExpressionPlace,
} from '../../lib/expression-environment';
import { useI18n } from '../../lib/i18n-provider';
import type { ApiClient } from '../../lib/api';
import { useSession } from '../../lib/session';
import type { PolicyIssue } from '../../lib/types';

/**
 * Where the server placed the mistake, clamped to the text; one at the very end (an unfinished
 * expression) marks the last character, so the mark can be seen; one without a place marks it all.
 */
function diagnosticsOf(issue: PolicyIssue | undefined, length: number): Diagnostic[] {
  if (!issue) return [];
  const position = issue.position;
  const from = position ? Math.max(Math.min(position.offset, length - 1), 0) : 0;
  const to = position ? Math.min(from + Math.max(position.length, 1), length) : length;
  return [{ from, to, severity: 'error', message: issue.message }];
}

/** The editor view: completion for the place, the compartments the component reconfigures, and each change reported. */
function createEditor(parent: HTMLElement, options: {
  doc: string; api: ApiClient; place: ExpressionPlace; hint: string | undefined; compartments: Compartment[]; onChange(value: string): void;
}): EditorView {
  const { api, place, compartments, onChange } = options;
  adoptCodeMirrorStyles();
  let environment: ExpressionEnvironment | undefined;
  void loadExpressionEnvironment(api).then((loaded) => { environment = loaded; }, () => undefined);
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        closeBrackets(),
        autocompletion({ override: [expressionCompletion(() => environment, place)] }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        options.hint ? placeholder(options.hint) : [],
        compartments.map((compartment) => compartment.of([])),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/**
 * A CEL expression editor: completes the fields, custom fields and functions the server says an
 * expression may use, wraps long expressions instead of cutting them off, and marks the server's
 * compile error at its place (the message stays under the editor for screen readers too).
 * Tab leaves the editor, as it leaves any field.
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
  const view = useRef<EditorView | null>(null);
  const attributes = useRef(new Compartment());
  const editable = useRef({ compartment: new Compartment(), now: true });
  const onChange = useRef(props.onChange);
  const { issue } = props;
  const labelId = `${props.id}-label`;
  const errorId = `${props.id}-error`;
  const position = issue?.position;
  const place = JSON.stringify(props.place ?? { scope: 'routing', variables: ['ticket', 'now'] });

  useEffect(() => {
    onChange.current = props.onChange;
  });

  useEffect(() => {
    const editor = createEditor(host.current!, {
      doc: props.value, api, place: JSON.parse(place) as ExpressionPlace, hint: props.placeholder,
      compartments: [attributes.current, editable.current.compartment], onChange: (value) => onChange.current(value),
    });
    view.current = editor;
    editable.current.now = true;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once per place; later values and issues reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, place]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === props.value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const content = EditorView.contentAttributes.of({
      id: props.id,
      'aria-labelledby': labelId,
      ...(issue ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
    });
    editor.dispatch({ effects: attributes.current.reconfigure(content) });
    editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(issue, editor.state.doc.length)));
  }, [issue, props.id, labelId, errorId, api, place]);

  // Like every native control, the editor follows a disabled <fieldset> around it (a read-only policy).
  useEffect(() => {
    const editor = view.current;
    const now = !host.current?.closest('fieldset:disabled');
    if (!editor || now === editable.current.now) return;
    editable.current.now = now;
    const effects = editable.current.compartment.reconfigure([EditorView.editable.of(now), EditorState.readOnly.of(!now)]);
    editor.dispatch({ effects });
  });

  return (
    <div className="field expression">
      <label id={labelId} onClick={() => view.current?.focus()}>{props.label}</label>
      <div ref={host} className={`expression-editor code${issue ? ' invalid' : ''}`} />
      {issue ? (
        <div className="expression-error" id={errorId} role="alert">
          {issue.message}{position ? t('dashboard.policy_editor.position', { line: position.line, column: position.column }) : ''}
        </div>
      ) : null}
    </div>
  );
}
