/**
 * The page: the scenario (picker, editor, errors) on the left; in the middle the run's headline,
 * then the timeline (scrubber and state bands) first, the story, the chosen instant, the charts
 * and the tables; the policy's knobs and the compare
 * view on the right. Every part shows the last good run, dimmed while the text has errors.
 */
import { useSignal } from '@preact/signals';
import { AppList } from './components/AppList.tsx';
import { ChartsPanel } from './components/ChartsPanel.tsx';
import { ComparePanel } from './components/ComparePanel.tsx';
import { DropZone } from './components/DropZone.tsx';
import { Editor } from './components/Editor.tsx';
import { ErrorList } from './components/ErrorList.tsx';
import { NowPanel } from './components/NowPanel.tsx';
import { PolicyPanel } from './components/PolicyPanel.tsx';
import { RunHeadline, StoryPanel } from './components/StoryPanel.tsx';
import { Tables } from './components/Tables.tsx';
import { TimelineBar } from './components/TimelineBar.tsx';
import { TopBar } from './components/TopBar.tsx';
import { current, running, stale } from './state/store.ts';
import './App.css';

export function App() {
  const editorOpen = useSignal(true);
  // On a laptop screen the middle needs the room: the policy panel starts folded (the Policy button opens it).
  const policyOpen = useSignal(window.innerWidth >= 1500);
  const classes = ['layout', editorOpen.value ? '' : 'no-left', policyOpen.value ? '' : 'no-right'].filter(Boolean).join(' ');
  return (
    <div class="page">
      <TopBar editorOpen={editorOpen} policyOpen={policyOpen} />
      <div class={classes}>
        {editorOpen.value && (
          <aside class="side left" aria-label="Scenario">
            <Editor />
            <ErrorList />
          </aside>
        )}
        <main class={`center${stale.value ? ' is-stale' : ''}${running.value ? ' is-running' : ''}`}>
          {current.value ? (
            <>
              {(stale.value || running.value) && (
                <p class={`stale-note${stale.value ? ' is-stale' : ''}`} data-testid="stale-note" role="status">
                  {stale.value ? 'This is the last good run: the scenario has input errors.' : 'This is the previous run: the new one is running (progress above).'}
                </p>
              )}
              <RunHeadline />
              <TimelineBar />
              <AppList />
              <StoryPanel />
              <NowPanel />
              <ChartsPanel />
              <Tables />
            </>
          ) : (
            <FirstRun />
          )}
        </main>
        {policyOpen.value && (
          <aside class="side right" aria-label="Policy">
            <ComparePanel />
            <PolicyPanel />
          </aside>
        )}
      </div>
      <DropZone />
    </div>
  );
}

/** Before the first good run: what is going on, never a blank page. */
function FirstRun() {
  return (
    <section class="panel first-run" data-testid="first-run">
      <h2>No run yet</h2>
      <p>
        Pick a scenario at the top, open a file (or drop one anywhere on the page), or fix the errors listed beside the editor. The run
        appears here as soon as the scenario is valid.
      </p>
    </section>
  );
}
