/**
 * The input errors of the text, next to it: `line:column  field  message`, in file order;
 * clicking one puts the editor's cursor there. Warnings (the policy the browser runs under) and
 * an engine failure are listed too. While there are errors the page shows the last good run.
 * (Compare's run B lists its own, under its knobs: ComparePanel.tsx.)
 */
import type { InputIssue } from '../../inputError.ts';
import { POLICY_PANEL } from '../engine/protocol.ts';
import { current, failure, inEditor, issues } from '../state/store.ts';
import './ErrorList.css';

export function ErrorList() {
  const list = issues.value;
  const warnings = current.value?.result.warnings ?? [];
  if (list.length === 0 && !failure.value && warnings.length === 0) {
    return (
      <section class="panel errors is-clean" data-testid="errors" data-count="0">
        <span class="ok-mark" aria-hidden="true">
          ✓
        </span>{' '}
        The scenario is valid.
      </section>
    );
  }
  return (
    <section class="panel errors" data-testid="errors" data-count={list.length}>
      {list.length > 0 && (
        <>
          <h2 class="panel-title">
            {list.length} input error{list.length === 1 ? '' : 's'}
            {current.value ? ' · showing the last good run' : ''}
          </h2>
          <ul>
            {list.map((issue, index) => (
              <IssueItem key={`${index}:${issue.line}:${issue.column}`} issue={issue} />
            ))}
          </ul>
        </>
      )}
      {failure.value && (
        <p class="failure" data-testid="engine-failure">
          {failure.value}
        </p>
      )}
      {warnings.map((warning) => (
        <p class="warning" key={warning}>
          {warning}
        </p>
      ))}
    </section>
  );
}

/** How a YAML syntax error begins (input/yamlErrors.ts): the page says it in the field column instead. */
const SYNTAX = 'YAML syntax: ';

function IssueItem({ issue }: { issue: InputIssue }) {
  const syntax = issue.path === '' && issue.message.startsWith(SYNTAX);
  const where = issue.file === POLICY_PANEL ? 'policy panel' : inEditor(issue) ? `${issue.line}:${issue.column}` : `${issue.file}:${issue.line}:${issue.column}`;
  return (
    <li>
      <button type="button" class="error-item" data-testid="error-item" disabled={!inEditor(issue)} onClick={() => void import('./Editor.tsx').then(({ jumpTo }) => jumpTo(issue))}>
        <span class="where mono">{where}</span>
        <span class="field mono">{issue.path || (syntax ? 'YAML' : 'whole file')}</span>
        <span class="message">{syntax ? issue.message.slice(SYNTAX.length) : issue.message}</span>
      </button>
    </li>
  );
}
