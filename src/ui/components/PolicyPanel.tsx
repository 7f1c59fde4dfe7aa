/**
 * Every knob of the policy the run used, grouped by section, each labelled in words (the
 * schema's description) with its path and the rule it sets (its ID, title and the words of the
 * purchase guide it comes from) below, and an input of its kind. A change
 * re-runs the scenario at once (state/runner.ts); changed knobs are marked and can be reset.
 */
import { useSignal } from '@preact/signals';
import { type Knob, knobText, readKnobInput } from '../model/knobInput.ts';
import { resetOverride, setOverride } from '../state/runner.ts';
import { current, overrides } from '../state/store.ts';
import './PolicyPanel.css';

export function PolicyPanel() {
  const view = current.value;
  const filter = useSignal('');
  if (!view) {
    return (
      <section class="panel policy" data-testid="policy-panel">
        <h2>Policy</h2>
        <p class="muted">The knobs appear with the first run.</p>
      </section>
    );
  }
  const { knobs, scenarioOverrides } = view.result;
  const changed = overrides.value;
  const needle = filter.value.trim().toLowerCase();
  const identity = knobs.filter((knob) => knob.kind === 'fixed' && knob.rules.length === 0);
  const shown = knobs.filter(
    (knob) =>
      !identity.includes(knob) &&
      (!needle ||
        knob.path.toLowerCase().includes(needle) ||
        knob.label.toLowerCase().includes(needle) ||
        knob.rules.some((rule) => rule.id.toLowerCase() === needle || rule.title.toLowerCase().includes(needle))),
  );
  const groups = new Map<string, Knob[]>();
  for (const knob of shown) {
    const section = knob.path.split('.')[0];
    groups.set(section, [...(groups.get(section) ?? []), knob]);
  }
  const count = Object.keys(changed).length;
  return (
    <section class="panel policy" data-testid="policy-panel">
      <h2>Policy {view.result.report.policy.id}</h2>
      <p class="identity small" data-testid="policy-identity">
        {identity.map((knob) => (
          <span key={knob.path}>
            {knob.path}: <span class="mono">{knobText(knob.value)}</span>{' '}
          </span>
        ))}
      </p>
      <p class="muted small">
        Change a knob and the scenario runs again. Changes apply after the scenario's own <code>policyOverrides</code>
        {Object.keys(scenarioOverrides).length > 0 ? ` (${Object.keys(scenarioOverrides).join(', ')})` : ' (none)'}.
      </p>
      <div class="policy-tools">
        <input
          type="search"
          placeholder="filter: words, path or rule ID"
          aria-label="Filter the knobs by words, path or rule ID"
          value={filter.value}
          onInput={(event) => (filter.value = (event.currentTarget as HTMLInputElement).value)}
          data-testid="knob-filter"
        />
        <button type="button" disabled={count === 0} onClick={() => resetOverride()} data-testid="reset-knobs">
          reset {count > 0 ? `${count} change${count === 1 ? '' : 's'}` : 'changes'}
        </button>
      </div>
      {[...groups].map(([section, list]) => (
        <fieldset key={section} class="knob-group">
          <legend>{section}</legend>
          {list.map((knob) => (
            <KnobRow
              key={knob.path}
              knob={knob}
              pending={Object.hasOwn(changed, knob.path) ? changed[knob.path] : undefined}
              changed={Object.hasOwn(changed, knob.path)}
              byScenario={Object.hasOwn(scenarioOverrides, knob.path)}
            />
          ))}
        </fieldset>
      ))}
    </section>
  );
}

function KnobRow({ knob, pending, changed, byScenario }: { knob: Knob; pending: unknown; changed: boolean; byScenario: boolean }) {
  const error = useSignal('');
  // What was typed, kept in the field beside its error instead of the value still in effect.
  const typed = useSignal('');
  const value = changed ? pending : knob.value;
  const commit = (input: string | boolean) => {
    const read = readKnobInput(knob, input);
    if ('error' in read) {
      typed.value = String(input);
      error.value = read.error;
      return;
    }
    error.value = '';
    setOverride(knob.path, read.value);
  };
  const rule = knob.rules[0];
  const id = `knob-${knob.path}`;
  return (
    <div class={`knob${changed ? ' is-changed' : ''}${error.value ? ' has-error' : ''}`} data-knob={knob.path}>
      <div class="knob-line">
        <label for={id} class="knob-label">
          {knob.label}
        </label>
        <KnobInput id={id} knob={knob} value={value} text={error.value ? typed.value : knobText(value)} commit={commit} invalid={error.value !== ''} />
        {changed && (
          <button type="button" class="reset" title={`back to ${knobText(knob.value)}`} onClick={() => resetOverride(knob.path)}>
            ↺
          </button>
        )}
      </div>
      {error.value && (
        <p class="knob-error" id={`${id}-error`} role="alert">
          {error.value}
        </p>
      )}
      <p class="knob-rule">
        <span class="knob-path mono">{knob.path}</span>{' '}
        {knob.rules.map((r) => (
          <span key={r.id} class="rule" title={r.title}>
            {r.id}
          </span>
        ))}{' '}
        {rule ? rule.title : knob.kind === 'fixed' ? 'what the policy is; not a knob' : ''}
        {byScenario && <span class="by-scenario"> · set by the scenario</span>}
      </p>
      {rule?.source && (
        <blockquote class="knob-source" lang="zh">
          {rule.source}
        </blockquote>
      )}
    </div>
  );
}

function KnobInput(props: { id: string; knob: Knob; value: unknown; text: string; invalid: boolean; commit: (input: string | boolean) => void }) {
  const { id, knob, value, text, invalid, commit } = props;
  const common = { id, 'data-testid': 'knob', 'data-path': knob.path, 'data-kind': knob.kind, 'aria-invalid': invalid, 'aria-describedby': invalid ? `${id}-error` : undefined };
  switch (knob.kind) {
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true} onChange={(event) => commit((event.currentTarget as HTMLInputElement).checked)} />;
    case 'enum':
      return (
        <select {...common} value={String(value)} onChange={(event) => commit((event.currentTarget as HTMLSelectElement).value)}>
          {(knob.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'count':
      return (
        <input
          {...common}
          type="number"
          min={knob.min ?? 0}
          max={knob.max}
          step={1}
          placeholder={knob.nullable ? 'no limit' : ''}
          value={text}
          onChange={(event) => commit((event.currentTarget as HTMLInputElement).value)}
        />
      );
    case 'decimal':
    case 'text':
    case 'list':
      return (
        <input
          {...common}
          type="text"
          inputMode={knob.kind === 'decimal' ? 'decimal' : undefined}
          value={text}
          title={knob.kind === 'list' ? `comma-separated: ${knob.options?.join(', ')}` : undefined}
          onChange={(event) => commit((event.currentTarget as HTMLInputElement).value)}
        />
      );
    default:
      return (
        <output {...common} class="fixed mono">
          {knobText(value) || '[]'}
        </output>
      );
  }
}
