/**
 * Explore: a population's key figures per cohort and tag, and a sweep of one or two knobs over
 * Monte Carlo runs (the library's sweep, in Web Workers: state/explore.ts), charted as
 * `imsim sweep` charts it: each KPI against each knob with its p5–p95 band, its change from
 * cell 0 on the same seeds, and a heat map for two knobs. A cell opens in the timeline with
 * its knobs set on the policy panel.
 */
import { useSignal } from '@preact/signals';
import { kpiAgainstKnobSvg, kpiHeatMapSvg } from '../../explore/sweepCharts.ts';
import type { CellResult, SweepResult } from '../../explore/sweepResult.ts';
import { type GroupCard, groupCards } from '../model/cohorts.ts';
import { kpiLabel } from '../model/kpis.ts';
import { formatCny, isMoneyKpi } from '../model/money.ts';
import { cancelSweep, type PageView, pageView, type SweepOutcome, startSweep, sweepFailure, sweepIssues, sweepOutcome, sweepState } from '../state/explore.ts';
import { chooseView, openCell } from '../state/runner.ts';
import { current, overrides, source } from '../state/store.ts';
import './ExploreView.css';

/** Timeline or Explore: one story told over time, or the population's figures and sweeps. */
export function ViewTabs() {
  const tab = (view: PageView, text: string) => (
    <button type="button" aria-pressed={pageView.value === view} data-testid={`view-${view}`} onClick={() => chooseView(view)}>
      {text}
    </button>
  );
  return (
    <nav class="view-tabs" aria-label="View">
      {tab('timeline', 'Timeline')}
      {tab('explore', 'Explore: cohorts and sweeps')}
    </nav>
  );
}

export function ExploreView() {
  const view = current.value;
  if (!view) return null;
  const cards = groupCards(view.result.report.kpis);
  return (
    <>
      <section class="panel groups" data-testid="group-cards" aria-label="Figures per cohort and tag">
        <h2 class="panel-title">Cohorts and tags</h2>
        {cards.length === 0 ? (
          <p class="muted">This scenario writes its accounts out: it has no cohorts or tags. Its figures are in the headline above.</p>
        ) : (
          <div class="group-grid">
            {cards.map((card) => (
              <GroupFigures key={`${card.kind}:${card.name}`} card={card} />
            ))}
          </div>
        )}
      </section>
      <SweepForm />
      <SweepResults />
    </>
  );
}

function GroupFigures({ card }: { card: GroupCard }) {
  return (
    <article class="group-card" data-testid="group-card" data-kind={card.kind} data-name={card.name}>
      <h3>
        <span class="muted">{card.kind}</span> {card.name}
      </h3>
      <dl>
        {card.figures.map((figure) => (
          <div key={figure.label}>
            <dt>{figure.label}</dt>
            <dd class="num">{figure.value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

interface Axis {
  path: string;
  values: string;
}

function SweepForm() {
  const view = current.value;
  const first = useSignal<Axis>({ path: 'lifecycle.grace.days', values: '3, 7, 14, 30' });
  const second = useSignal<Axis>({ path: '', values: '' });
  const runs = useSignal('5');
  if (!view) return null;
  const knobs = view.result.knobs.filter((knob) => ['count', 'decimal', 'enum', 'boolean'].includes(knob.kind));
  const { phase, done, total } = sweepState.value;
  const run = () => {
    const vary = [first.value, second.value].filter((axis) => axis.path !== '').map((axis) => `${axis.path}=${axis.values}`);
    startSweep({ text: source.value.text, file: source.value.file, overrides: overrides.value, vary, runs: Math.max(1, Math.min(100, Number(runs.value) || 1)) });
  };
  const axisInput = (axis: typeof first, label: string, optional: boolean) => (
    <div class="axis">
      <label>
        {label}{' '}
        <select
          data-testid={`sweep-knob-${optional ? 2 : 1}`}
          value={axis.value.path}
          onChange={(event) => (axis.value = { ...axis.value, path: (event.currentTarget as HTMLSelectElement).value })}
        >
          {optional && <option value="">none</option>}
          {knobs.map((knob) => (
            <option key={knob.path} value={knob.path}>
              {knob.label} ({knob.path})
            </option>
          ))}
        </select>
      </label>
      <label>
        values{' '}
        <input
          type="text"
          data-testid={`sweep-values-${optional ? 2 : 1}`}
          value={axis.value.values}
          disabled={axis.value.path === ''}
          placeholder="7, 14, 30"
          onInput={(event) => (axis.value = { ...axis.value, values: (event.currentTarget as HTMLInputElement).value })}
        />
      </label>
    </div>
  );
  return (
    <section class="panel sweep-form" data-testid="sweep-form" aria-label="Sweep">
      <h2 class="panel-title">Sweep</h2>
      <p class="muted small">
        Runs the scenario for every combination of the values below, each as many times as asked with the seeds {view.result.report.scenario.seed} onwards (the
        same seeds in every cell, so cells differ by their knobs, not by luck), with the policy panel's knobs under them.
      </p>
      {axisInput(first, 'knob', false)}
      {axisInput(second, 'and knob', true)}
      <div class="sweep-actions">
        <label>
          Monte Carlo runs per cell{' '}
          <input type="number" min={1} max={100} step={1} data-testid="sweep-runs" value={runs.value} onInput={(event) => (runs.value = (event.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="button" class="primary" data-testid="sweep-run" onClick={run} disabled={phase === 'running'}>
          Run the sweep
        </button>
        {phase === 'running' && (
          <>
            <progress data-testid="sweep-progress" max={Math.max(total, 1)} value={done} aria-label="Runs done" />
            <span class="muted" role="status">
              {done} of {total || '…'} runs
            </span>
            <button type="button" data-testid="sweep-cancel" onClick={cancelSweep}>
              Cancel
            </button>
          </>
        )}
      </div>
      {sweepIssues.value.length > 0 && (
        <ul class="sweep-issues" role="alert">
          {sweepIssues.value.map((issue, index) => (
            <li key={`${index}:${issue.path}`} data-testid="sweep-issue">
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {sweepFailure.value && (
        <p class="sweep-issues" role="alert">
          The sweep failed: {sweepFailure.value}
        </p>
      )}
    </section>
  );
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function SweepResults() {
  const outcome = sweepOutcome.value;
  const kpi = useSignal('revenue.netCollected');
  if (!outcome) return null;
  const { result } = outcome;
  const other = outcome.text !== source.value.text;
  const kpis = Object.keys(result.cells.find((cell) => cell.runs > 0)?.kpis ?? {});
  const chosen = kpis.includes(kpi.value) ? kpi.value : (kpis[0] ?? '');
  return (
    <section class="panel sweep-results" data-testid="sweep-results" aria-label="Sweep results">
      <h2 class="panel-title">Sweep results</h2>
      {other && <p class="stale-note">These results are of another scenario text than the one now open.</p>}
      <p class="muted small">
        {result.cells.length} cell{result.cells.length === 1 ? '' : 's'} × {result.seeds.length} run{result.seeds.length === 1 ? '' : 's'} (seeds {result.seeds[0]} …{' '}
        {result.seeds.at(-1)}){result.failures.length > 0 ? `; ${result.failures.length} runs failed (listed below)` : ''}.
      </p>
      <label>
        figure{' '}
        <select data-testid="sweep-kpi" value={chosen} onChange={(event) => (kpi.value = (event.currentTarget as HTMLSelectElement).value)}>
          {kpis.map((path) => (
            <option key={path} value={path}>
              {kpiLabel(path)}
            </option>
          ))}
        </select>
      </label>
      <SweepCharts result={result} kpi={chosen} />
      <CellTable outcome={outcome} kpi={chosen} other={other} />
      {result.failures.length > 0 && (
        <ul class="sweep-issues">
          {result.failures.map((failure) => (
            <li key={`${failure.cell}:${failure.seed}`}>
              cell {failure.cell}, seed {failure.seed}: {failure.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The library's SVG (explore/sweepCharts.ts): static markup with every label escaped, no script. */
function Svg({ markup, testid }: { markup: string; testid: string }) {
  return <div class="sweep-chart" data-testid={testid} dangerouslySetInnerHTML={{ __html: markup }} />;
}

function SweepCharts({ result, kpi }: { result: SweepResult; kpi: string }) {
  const label = kpiLabel(kpi);
  return (
    <div class="sweep-charts">
      {result.grid.map((knob, index) => (
        <figure key={`mean:${knob.path}`}>
          <figcaption>
            {label} against {knob.path}: mean, and the band from p5 to p95 of the runs
          </figcaption>
          <Svg testid="sweep-against" markup={kpiAgainstKnobSvg(result, kpi, index, (cell) => cell.kpis)} />
        </figure>
      ))}
      {result.cells.length > 1 &&
        result.grid.map((knob, index) => (
          <figure key={`change:${knob.path}`}>
            <figcaption>
              Change of {label} from cell 0 on the same seeds, against {knob.path}
            </figcaption>
            <Svg testid="sweep-change" markup={kpiAgainstKnobSvg(result, kpi, index, (cell) => cell.changeFromCell0)} />
          </figure>
        ))}
      {result.grid.length === 2 && (
        <figure>
          <figcaption>Mean {label} per cell</figcaption>
          <Svg testid="sweep-heat" markup={kpiHeatMapSvg(result, kpi)} />
        </figure>
      )}
    </div>
  );
}

function CellTable({ outcome, kpi, other }: { outcome: SweepOutcome; kpi: string; other: boolean }) {
  const { result } = outcome;
  const value = (cell: CellResult, stat: 'mean' | 'p5' | 'p95') => {
    const text = cell.kpis[kpi]?.[stat];
    return text === undefined ? '–' : isMoneyKpi(kpi) ? formatCny(text) : text;
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll area must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="cell-scroll" tabIndex={0} aria-label="The cells of the sweep">
      <table class="cell-table" data-testid="sweep-cells">
        <thead>
          <tr>
            <th>cell</th>
            {result.grid.map((knob) => (
              <th key={knob.path}>{knob.path}</th>
            ))}
            <th class="num">runs</th>
            <th class="num">mean</th>
            <th class="num">p5</th>
            <th class="num">p95</th>
            <th>timeline</th>
          </tr>
        </thead>
        <tbody>
          {result.cells.map((cell) => (
            <tr key={cell.cell} data-testid="sweep-cell" data-cell={cell.cell}>
              <td class="num">{cell.cell}</td>
              {result.grid.map((knob) => (
                <td key={knob.path} class="mono">
                  {shown(cell.knobs[knob.path])}
                </td>
              ))}
              <td class="num">{cell.runs}</td>
              <td class="num">{value(cell, 'mean')}</td>
              <td class="num">{value(cell, 'p5')}</td>
              <td class="num">{value(cell, 'p95')}</td>
              <td>
                <button type="button" data-testid="open-cell" disabled={other} onClick={() => openCell(outcome.overrides, cell.knobs)} title="Set this cell's knobs on the policy panel and show its first run (the scenario's seed) on the timeline">
                  open in the timeline
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
