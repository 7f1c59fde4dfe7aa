/**
 * The scenario editor: CodeMirror 6 with YAML highlighting. Every change is run once typing pauses
 * (state/runner.ts); the input errors come back as lint diagnostics at their line and column.
 * A text replaced from outside (a pick, an opened file) replaces the document.
 */
import { effect } from '@preact/signals';
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, type Text } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'preact/hooks';
import type { InputIssue } from '../../inputError.ts';
import { editText } from '../state/runner.ts';
import { inEditor, issues, source } from '../state/store.ts';
import './Editor.css';

let view: EditorView | undefined;

/** The document range an issue points at: from its line and column to the end of the word there. */
export function issueRange(doc: Text, issue: InputIssue): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(issue.column - 1, 0), line.to);
  const rest = doc.sliceString(from, line.to);
  const word = /^[^\s,:{}[\]]+/.exec(rest)?.[0].length ?? 0;
  return { from, to: Math.min(line.to, from + Math.max(word, 1)) };
}

/** Puts the cursor on an issue and scrolls to it. */
export function jumpTo(issue: InputIssue): void {
  if (!view || !inEditor(issue)) return;
  const { from } = issueRange(view.state.doc, issue);
  view.dispatch({ selection: EditorSelection.cursor(from), scrollIntoView: true });
  view.focus();
}

function diagnosticsOf(doc: Text, list: readonly InputIssue[]): Diagnostic[] {
  return list.filter(inEditor).map((issue) => ({
    ...issueRange(doc, issue),
    severity: 'error',
    source: issue.path || undefined,
    message: issue.message,
  }));
}

export function Editor() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      doc: source.value.text,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) editText(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML', 'data-testid': 'editor-content' }),
      ],
    });
    // A keyboard user can reach the scroll area of a long file too (axe: scrollable-region-focusable).
    editor.scrollDOM.tabIndex = 0;
    editor.scrollDOM.setAttribute('aria-label', 'Scenario YAML, scroll area');
    view = editor;
    let revision = source.value.revision;
    const stopSource = effect(() => {
      const next = source.value;
      if (next.revision === revision) return;
      revision = next.revision;
      if (editor.state.doc.toString() !== next.text) {
        editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: next.text }, selection: EditorSelection.cursor(0) });
        editor.scrollDOM.scrollTop = 0;
      }
    });
    const stopIssues = effect(() => {
      const list = issues.value;
      editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state.doc, list)));
    });
    return () => {
      stopSource();
      stopIssues();
      editor.destroy();
      view = undefined;
    };
  }, []);
  return (
    <section class="panel editor-panel">
      <h2 class="panel-title">
        Scenario <span class="file-name mono">{source.value.file}</span>
      </h2>
      <div class="editor-host" ref={host} data-testid="editor" />
    </section>
  );
}
