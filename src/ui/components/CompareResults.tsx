/**
 * What differs between run A (the page's run) and run B (compare's knobs), across the middle of
 * the page: the library's comparison, the one `imsim compare` prints. Every KPI with B − A and
 * the relative change, how many apps are better or worse off, and per app the first transition
 * where the runs part (also marked on both bands of the app in the list); a click selects the
 * app and moves to that instant.
 */
import { kpiTableRows, stepText } from '../../explore/compareRows.ts';
import { kpiLabel } from '../model/kpis.ts';
import { formatCny, formatCnyChange, isMoneyKpi } from '../model/money.ts';
import { formatWhen } from '../model/time.ts';
import { describeOverrides } from '../state/presets.ts';
import { compareKnobs, compareStatus, comparison, current, divergenceByApp, moveCursor, overrides, selectApp } from '../state/store.ts';
import './CompareResults.css';

const MAX_LISTED = 200;

export function CompareResults() {
  const a = current.value;
  const result = comparison.value;
  if (!a) return null;
  if (!result) {
    return (
      <section class="panel compare-results" data-testid="compare-results" aria-label="A against B">
        <h2 class="panel-title">A against B</h2>
        <p class="muted">{compareStatus.value.phase === 'idle' ? "B does not run: its knobs' errors are listed under Compare, in the Policy panel (the Policy button)." : 'Running B…'}</p>
      </section>
    );
  }
  const rows = kpiTableRows(result);
  const found = [...divergenceByApp.value.values()];
  const { zone } = a.timeline.period;
  const nameOf = (id: string) => a.timeline.apps[a.timeline.appIndex.get(id) ?? -1]?.name ?? id;
  const bKnobs = compareKnobs.value.split('\n').filter((line) => line.trim() !== '');
  return (
    <section class="panel compare-results" data-testid="compare-results" aria-label="A against B">
      <h2 class="panel-title">A against B</h2>
      <p class="runs">
        <span class="run-tag a">A</span> this run: {describeOverrides(overrides.value)} · <span class="run-tag b">B</span> the scenario as written
        {bKnobs.length > 0 ? ` with ${bKnobs.join(', ')}` : ''}
      </p>
      <p class="better-worse" data-testid="better-worse">
        {result.betterOff} app{result.betterOff === 1 ? '' : 's'} better off under B, {result.worseOff} worse off (by net revenue)
      </p>
      <div class="compare-grid">
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
        <section class="divergence-list" aria-label="Where the runs part">
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
        </section>
      </div>
    </section>
  );
}

/** A KPI's value as shown: amounts in yuan, counts as they are. */
function amount(kpi: string, value: string | number): string {
  return isMoneyKpi(kpi) ? formatCny(value) : String(value);
}
