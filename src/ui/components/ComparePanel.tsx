/**
 * Two policies on the same scenario: run A is what the page shows (the scenario with the panel's
 * knobs), run B the same scenario with its own knobs, any of them, written as `path=value`
 * lines (examples fill them in). What differs is shown in the middle of the page
 * (CompareResults.tsx) and on the charts.
 */
import { COMPARE_KNOBS } from '../engine/protocol.ts';
import { describeOverrides, examples, linesOfKnobs } from '../state/presets.ts';
import { setCompare, setCompareKnobs } from '../state/runner.ts';
import { comparable, compareIssues, compareKnobs, compareOn, compareStatus, current, overrides } from '../state/store.ts';
import './ComparePanel.css';

export function ComparePanel() {
  const on = compareOn.value;
  const { phase, fraction } = compareStatus.value;
  return (
    <section class="panel compare" data-testid="compare-panel">
      <label class="compare-switch">
        <input type="checkbox" data-testid="compare-toggle" checked={on} onChange={(event) => setCompare((event.currentTarget as HTMLInputElement).checked)} />
        <strong>Compare two policies</strong>
      </label>
      {on && (
        <>
          <p class="runs">
            <span class="run-tag a">A</span> this run: {describeOverrides(overrides.value)}
          </p>
          <BKnobs />
          {phase !== 'idle' && (
            <p class="muted" data-testid="compare-status">
              running B… {phase === 'simulating' ? `${Math.round(fraction * 100)}%` : ''}
            </p>
          )}
          {current.value && comparable.value && (
            <p class="muted small" data-testid="compare-where">
              What differs is under the state bands, and B is drawn dashed on every chart.
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Run B's knobs: the scenario as written with these `path=value` lines, as `imsim compare --vs --set …` takes them. */
function BKnobs() {
  return (
    <div class="b-knobs">
      <label for="compare-knobs">
        <span class="run-tag b">B</span> the scenario as written with these knobs, one <code>path=value</code> a line:
      </label>
      <textarea
        id="compare-knobs"
        data-testid="compare-knobs"
        rows={3}
        spellcheck={false}
        value={compareKnobs.value}
        placeholder="lifecycle.grace.days=14"
        onInput={(event) => setCompareKnobs((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {compareIssues.value.length > 0 && (
        <ul class="b-issues">
          {compareIssues.value.map((issue, index) => (
            <li key={`${index}:${issue.line}`} data-testid="compare-issue">
              {issue.file === COMPARE_KNOBS ? `line ${issue.line}` : `${issue.file}:${issue.line}:${issue.column}`}
              {issue.path ? ` · ${issue.path}` : ''}: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <div class="b-actions">
        <select
          data-testid="compare-example"
          aria-label="Set B's knobs from an example"
          value=""
          onChange={(event) => {
            const example = examples[Number((event.currentTarget as HTMLSelectElement).value)];
            if (example) setCompareKnobs(linesOfKnobs(example.overrides), 0);
          }}
        >
          <option value="">examples…</option>
          {examples.map((example, index) => (
            <option key={example.label} value={String(index)}>
              {example.label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="compare-copy-a" onClick={() => setCompareKnobs(linesOfKnobs(overrides.value), 0)} title="Start B from A's knobs">
          copy A's knobs
        </button>
      </div>
    </div>
  );
}
