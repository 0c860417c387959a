import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintKeymap, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import type { ApiClient } from '../../lib/api';
import { adoptCodeMirrorStyles } from '../../lib/codemirror-styles';
import { expressionCompletion, loadExpressionEnvironment, type ExpressionEnvironment, type ExpressionPlace } from '../../lib/expression-environment';

/** A mistake to mark: where it is in the text, and what the server said. */
export interface Mark {
  from: number;
  to: number;
  message: string;
}

/**
 * CodeMirror behind the expression field, in a module of its own so that the dashboard loads it
 * only on a page with an expression: completion for the place, the server's mistake marked, the
 * field's attributes, and read-only when a disabled fieldset holds it.
 */
export class ExpressionView {
  private readonly view: EditorView;
  private readonly attributes = new Compartment();
  private readonly editable = new Compartment();
  private editableNow = true;

  constructor(parent: HTMLElement, options: {
    doc: string; api: ApiClient; place: ExpressionPlace; hint: string | undefined; attributes: Record<string, string>; onChange(value: string): void;
  }) {
    adoptCodeMirrorStyles();
    let environment: ExpressionEnvironment | undefined;
    void loadExpressionEnvironment(options.api).then((loaded) => { environment = loaded; }, () => undefined);
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: options.doc,
        extensions: [
          history(),
          closeBrackets(),
          autocompletion({ override: [expressionCompletion(() => environment, options.place)] }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
          EditorView.lineWrapping,
          options.hint ? placeholder(options.hint) : [],
          // Named from the start: a page checked before the first update finds a labelled field.
          this.attributes.of(EditorView.contentAttributes.of(options.attributes)),
          this.editable.of([]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) options.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
  }

  get length(): number {
    return this.view.state.doc.length;
  }

  /** Replaces the text when it changed from outside (a reset, a restored version). */
  setValue(value: string): void {
    if (this.view.state.doc.toString() === value) return;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  /** The attributes of the editable element: its id, label, and whether and where it is described as invalid. */
  setAttributes(attributes: Record<string, string>): void {
    this.view.dispatch({ effects: this.attributes.reconfigure(EditorView.contentAttributes.of(attributes)) });
  }

  /** Marks the mistake (or none) in the text. */
  mark(mark: Mark | null): void {
    this.view.dispatch(setDiagnostics(this.view.state, mark ? [{ ...mark, severity: 'error' }] : []));
  }

  setEditable(editable: boolean): void {
    if (editable === this.editableNow) return;
    this.editableNow = editable;
    this.view.dispatch({ effects: this.editable.reconfigure([EditorView.editable.of(editable), EditorState.readOnly.of(!editable)]) });
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
