/**
 * The top bar: which scenario (a bundled one, or an opened file), the run's status, the exports
 * and the Stately Inspector button, and the toggles of the side panels.
 */
import { useRef } from 'preact/hooks';
import { renderCsv } from '../../report/csv.ts';
import { renderJson } from '../../report/json.ts';
import type { PanelName, Panels } from '../model/panels.ts';
import { concatenatedCsv } from '../model/tables.ts';
import { bundledScenarios } from '../scenarios/bundled.ts';
import { baseName, downloadText } from '../state/download.ts';
import { loadBundled } from '../state/runner.ts';
import { current, failure, issues, source, status } from '../state/store.ts';
import { openFile } from './DropZone.tsx';
import { InspectorButton } from './InspectorButton.tsx';
import './TopBar.css';

export function TopBar({ panels, toggle }: { panels: Panels; toggle: (name: PanelName) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const { file, origin } = source.value;
  const isBundled = origin === 'bundled' || bundledScenarios.some((s) => s.file === file);
  const view = current.value;

  const exportJson = () => {
    if (view) downloadText(`${baseName(view.result.report.scenario.file)}-report.json`, renderJson(view.result.report), 'application/json');
  };
  const exportCsv = () => {
    if (view) downloadText(`${baseName(view.result.report.scenario.file)}-report-csv.txt`, concatenatedCsv(renderCsv(view.result.report)), 'text/plain');
  };

  return (
    <header class="topbar">
      <strong class="brand">imsim</strong>
      <label class="picker">
        <span class="muted">Scenario</span>
        <select
          data-testid="scenario-picker"
          value={isBundled ? file : ''}
          onChange={(event) => {
            const file = (event.currentTarget as HTMLSelectElement).value;
            history.replaceState(null, '', `#${encodeURIComponent(file)}`);
            loadBundled(file);
          }}
        >
          {!isBundled && <option value="">{file} (opened)</option>}
          {bundledScenarios.map((scenario) => (
            <option key={scenario.file} value={scenario.file}>
              {scenario.file} · {scenario.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="open-file" onClick={() => fileInput.current?.click()}>
        Open file…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,.json,application/json,text/yaml"
        hidden
        data-testid="file-input"
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const chosen = input.files?.[0];
          if (chosen) void openFile(chosen);
          input.value = '';
        }}
      />
      {origin === 'edited' && <span class="edited">edited</span>}
      <RunStatusText />
      <span class="spacer" />
      <button type="button" data-testid="export-json" disabled={!view} onClick={exportJson} title="The report as JSON (docs/report-format.md)">
        Export JSON
      </button>
      <button
        type="button"
        data-testid="export-csv"
        disabled={!view}
        onClick={exportCsv}
        title="Every CSV file of the report (transitions.csv, orders.csv, bills.csv, bill-lines.csv, …) in one text file, each after a “# name.csv” line"
      >
        Export CSV
      </button>
      <InspectorButton />
      <button type="button" aria-pressed={panels.editor} data-testid="toggle-editor" onClick={() => toggle('editor')} title="Show or hide the scenario's YAML editor">
        Editor
      </button>
      <button type="button" aria-pressed={panels.policy} data-testid="toggle-policy" onClick={() => toggle('policy')} title="Show or hide the policy's knobs and compare">
        Policy
      </button>
    </header>
  );
}

function RunStatusText() {
  const { phase, fraction, apps } = status.value;
  const problems = issues.value.length;
  let text: string;
  let tone = 'ok';
  if (phase === 'waiting' || phase === 'parsing') {
    text = 'checking…';
    tone = 'busy';
  } else if (phase === 'simulating') {
    text = `simulating ${apps.toLocaleString('en')} app${apps === 1 ? '' : 's'}… ${Math.round(fraction * 100)}%`;
    tone = 'busy';
  } else if (failure.value) {
    text = 'the engine failed: see the errors';
    tone = 'bad';
  } else if (problems > 0) {
    text = `${problems} input error${problems === 1 ? '' : 's'}: showing the last good run`;
    tone = 'bad';
  } else if (current.value) {
    const { simulateMs } = current.value.result;
    text = `ran in ${simulateMs < 1000 ? `${Math.round(simulateMs)} ms` : `${(simulateMs / 1000).toFixed(1)} s`}`;
  } else {
    text = 'loading…';
    tone = 'busy';
  }
  return (
    <span class={`run-status tone-${tone}`} data-testid="run-status" data-phase={phase} role="status">
      {tone === 'busy' && <span class="spinner" aria-hidden="true" />}
      {text}
      {phase === 'simulating' && <progress max={1} value={fraction} />}
    </span>
  );
}
