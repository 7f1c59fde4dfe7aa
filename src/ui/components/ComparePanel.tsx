/**
 * Two policies on the same scenario, side by side: run A is what the page shows (the scenario
 * with the panel's knobs), run B the same scenario with its own knobs, any of them, written as
 * `path=value` lines (examples fill them in). What differs is the library's comparison (the one
 * `imsim compare` prints): every KPI with B − A and the relative change, how many apps are
 * better or worse off, and per app the first transition where the runs part, which is also
 * marked on both bands of the app in the list and on the timeline.
 */
import { kpiTableRows, stepText } from '../../explore/compareRows.ts';
import { COMPARE_KNOBS } from '../engine/protocol.ts';
import { kpiLabel } from '../model/kpis.ts';
import { formatCny, formatCnyChange, isMoneyKpi } from '../model/money.ts';
import { formatWhen } from '../model/time.ts';
import { describeOverrides, examples, linesOfKnobs } from '../state/presets.ts';
import { setCompare, setCompareKnobs } from '../state/runner.ts';
import { comparable, compareIssues, compareKnobs, compareOn, compareStatus, comparison, current, divergenceByApp, moveCursor, overrides, selectApp } from '../state/store.ts';
import './ComparePanel.css';

const MAX_LISTED = 200;

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
          {current.value && comparable.value && <Comparison />}
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

function Comparison() {
  const a = current.value;
  const result = comparison.value;
  if (!a || !result) return null;
  const rows = kpiTableRows(result);
  const found = [...divergenceByApp.value.values()];
  const { zone } = a.timeline.period;
  const nameOf = (id: string) => a.timeline.apps[a.timeline.appIndex.get(id) ?? -1]?.name ?? id;
  return (
    <>
      <p class="better-worse" data-testid="better-worse">
        {result.betterOff} app{result.betterOff === 1 ? '' : 's'} better off under B, {result.worseOff} worse off (by net revenue)
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll area must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section class="kpi-scroll" tabIndex={0} aria-label="Every figure under A and B">
        <table class="kpi-table" data-testid="kpi-table">
          <thead>
            <tr>
              <th>figure</th>
              <th class="num">A</th>
              <th class="num">B</th>
              <th class="num">B − A</th>
              <th class="num">change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.kpi} data-testid="kpi-delta" data-key={row.kpi} class={row.changed ? (row.delta.startsWith('-') ? 'down' : 'up') : ''}>
                <td title={row.kpi}>{kpiLabel(row.kpi)}</td>
                <td class="num">{amount(row.kpi, row.a)}</td>
                <td class="num">{amount(row.kpi, row.b)}</td>
                <td class="num delta">{row.changed ? (isMoneyKpi(row.kpi) ? formatCnyChange(row.delta) : row.delta) : '='}</td>
                <td class="num">{row.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h3 class="sub">
        {found.length === 0 ? 'No app diverges: every transition is the same in both runs.' : `${found.length} app${found.length === 1 ? '' : 's'} diverge`}
      </h3>
      <ol class="divergences">
        {found.slice(0, MAX_LISTED).map((d) => (
          <li key={d.app}>
            <button
              type="button"
              data-testid="divergence"
              data-app={d.app}
              onClick={() => {
                selectApp(d.app);
                moveCursor(d.at);
              }}
              title="Select the app and move to the instant"
            >
              <span class="d-name">
                <strong>{nameOf(d.app)}</strong> <span class="muted">parts {formatWhen(d.at, zone)}</span>
              </span>
              <span class="d-side">
                <span class="run-tag a">A</span> <span class="mono">{stepText(d.a)}</span>
              </span>
              <span class="d-side">
                <span class="run-tag b">B</span> <span class="mono">{stepText(d.b)}</span>
              </span>
            </button>
          </li>
        ))}
        {found.length > MAX_LISTED && <li class="muted">and {found.length - MAX_LISTED} more: filter the app list to the apps that diverge</li>}
      </ol>
    </>
  );
}

/** A KPI's value as shown: amounts in yuan, counts as they are. */
function amount(kpi: string, value: string | number): string {
  return isMoneyKpi(kpi) ? formatCny(value) : String(value);
}
