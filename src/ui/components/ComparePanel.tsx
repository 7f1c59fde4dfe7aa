/**
 * Two policies on the same scenario, side by side: run A is what the page shows (the scenario
 * with the panel's knobs), run B the same scenario with a preset's knobs instead. The key figures
 * with B − A, and per app the first transition where the two runs part, which is also marked on
 * both bands of the app in the list and on the timeline.
 */
import { compareKpis } from '../model/kpis.ts';
import { formatWhen } from '../model/time.ts';
import type { TransitionRecord } from '../../report/types.ts';
import { describeOverrides, presets } from '../state/presets.ts';
import { setCompare, setComparePreset } from '../state/runner.ts';
import { comparable, compareOn, comparePreset, compareStatus, current, divergenceByApp, moveCursor, overrides, selectApp } from '../state/store.ts';
import './ComparePanel.css';

const MAX_LISTED = 200;

export function ComparePanel() {
  const on = compareOn.value;
  const a = current.value;
  const b = comparable.value;
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
            <br />
            <span class="run-tag b">B</span>{' '}
            <select data-testid="compare-preset" value={comparePreset.value} onChange={(event) => setComparePreset((event.currentTarget as HTMLSelectElement).value)}>
              {presets.map((preset) => (
                <option key={preset.id} value={preset.id}>
                  {preset.label}
                </option>
              ))}
            </select>
          </p>
          {phase !== 'idle' && (
            <p class="muted" data-testid="compare-status">
              running B… {phase === 'simulating' ? `${Math.round(fraction * 100)}%` : ''}
            </p>
          )}
          {a && b && <Comparison />}
        </>
      )}
    </section>
  );
}

function Comparison() {
  const a = current.value;
  const b = comparable.value;
  if (!a || !b) return null;
  const deltas = compareKpis(a.kpis, b.kpis);
  const found = [...divergenceByApp.value.values()];
  const { zone } = a.timeline.period;
  const nameOf = (id: string) => a.timeline.apps[a.timeline.appIndex.get(id) ?? -1]?.name ?? id;
  const says = (t: TransitionRecord | undefined) => (t ? `${t.to} ${formatWhen(Date.parse(t.at), zone)} (${t.cause})` : 'nothing more');
  return (
    <>
      <div class="kpi-scroll">
      <table class="kpi-table" data-testid="kpi-table">
        <thead>
          <tr>
            <th>figure</th>
            <th class="num">A</th>
            <th class="num">B</th>
            <th class="num">B − A</th>
          </tr>
        </thead>
        <tbody>
          {deltas.map((d) => (
            <tr key={d.key} data-testid="kpi-delta" data-key={d.key} class={d.changed ? (d.delta > 0 ? 'up' : 'down') : ''}>
              <td>{d.label}</td>
              <td class="num">{d.a?.text ?? '—'}</td>
              <td class="num">{d.b?.text ?? '—'}</td>
              <td class="num delta">{d.changed ? d.deltaText : '='}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
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
                <strong>{nameOf(d.app)}</strong> <span class="muted">first differs at transition {d.index + 1}</span>
              </span>
              <span class="d-side">
                <span class="run-tag a">A</span> <span class="mono">{says(d.a)}</span>
              </span>
              <span class="d-side">
                <span class="run-tag b">B</span> <span class="mono">{says(d.b)}</span>
              </span>
            </button>
          </li>
        ))}
        {found.length > MAX_LISTED && <li class="muted">and {found.length - MAX_LISTED} more: filter the app list to the apps that diverge</li>}
      </ol>
    </>
  );
}
