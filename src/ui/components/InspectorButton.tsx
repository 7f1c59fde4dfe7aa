/**
 * Streams a run to the Stately Inspector (@statelyai/inspect), for users who are online. Loaded
 * only when clicked: the library, then a second run of the scenario in the page (a month at a
 * time, so the page stays responsive) with every inspection event of every machine forwarded
 * (SimulateOptions.trace). Nothing else on the page depends on it.
 */
import { useSignal } from '@preact/signals';
import { InputError } from '../../inputError.ts';
import { overrides, source } from '../state/store.ts';

export function InspectorButton() {
  const note = useSignal('');
  const start = async () => {
    note.value = 'opening the inspector…';
    try {
      const [{ createBrowserInspector }, { parseRun, simulateInSteps }] = await Promise.all([import('@statelyai/inspect'), import('../engine/run.ts')]);
      const { text, file } = source.value;
      const { scenario, policy } = parseRun(text, file, overrides.value);
      const inspector = createBrowserInspector();
      note.value = 'streaming…';
      // Let the inspector window open before the run floods it.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // A month at a time, letting the page breathe in between: a fleet streams for a while.
      await simulateInSteps(
        scenario,
        policy,
        {
          progress: (fraction) => {
            note.value = `streaming… ${Math.round(fraction * 100)}%`;
          },
          cancelled: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 0)),
        },
        { trace: (_machine, event) => inspector.inspect.next?.(event) },
      );
      note.value = 'streamed to the Stately Inspector';
    } catch (error) {
      note.value = error instanceof InputError ? 'fix the input errors first' : `inspector: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  return (
    <button
      type="button"
      class="inspector-button"
      data-testid="inspector-button"
      onClick={() => void start()}
      title={`${note.value ? `${note.value}. ` : ''}Opens the Stately Inspector on stately.ai (goes online) and streams this run’s machines to it`}
      aria-live="polite"
    >
      {note.value ? `Inspector: ${note.value}` : 'Stately Inspector (online) ↗'}
    </button>
  );
}
