/**
 * The page: the scenario (picker, editor, errors) on the left; in the middle the run's headline,
 * then either Explore (cohorts and sweeps) or the timeline (scrubber and state bands) first, the story, the chosen instant, the charts
 * and the tables; the policy's knobs and the compare view on the right (model/panels.ts: which
 * side panels are open at which width). Every part shows the last good run, dimmed while the
 * text has errors.
 */
import { useSignal, useSignalEffect } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { useRef } from 'preact/hooks';
import { AppList } from './components/AppList.tsx';
import { ChartsPanel } from './components/ChartsPanel.tsx';
import { ComparePanel } from './components/ComparePanel.tsx';
import { CompareResults } from './components/CompareResults.tsx';
import { DropZone } from './components/DropZone.tsx';
import { ErrorList } from './components/ErrorList.tsx';
import { ExploreView, ViewTabs } from './components/ExploreView.tsx';
import { NowPanel } from './components/NowPanel.tsx';
import { PolicyPanel } from './components/PolicyPanel.tsx';
import { RunHeadline, StoryPanel } from './components/StoryPanel.tsx';
import { Tables } from './components/Tables.tsx';
import { TimelineBar } from './components/TimelineBar.tsx';
import { TopBar } from './components/TopBar.tsx';
import { useStages } from './components/useStages.ts';
import { type PanelName, type Panels, pageWidth, panelsAtStart, toggled } from './model/panels.ts';
import { pageView } from './state/explore.ts';
import { compareOn, current, inEditor, issues, resetNote, running, stale } from './state/store.ts';
import './App.css';

/** The editor (CodeMirror, the largest part of the page's code) loads when its panel first opens. */
const Editor = lazy(() => import('./components/Editor.tsx').then(({ Editor }) => ({ default: Editor })));

export function App() {
  const panels = useSignal<Panels>(panelsAtStart(pageWidth(window.innerWidth)));
  const toggle = (name: PanelName) => {
    panels.value = toggled(panels.value, name, pageWidth(window.innerWidth));
    // In one column an opened panel is above or below the run: bring it into view.
    if (panels.value[name] && pageWidth(window.innerWidth) === 'oneColumn') {
      requestAnimationFrame(() => document.querySelector(`[data-panel=${name}]`)?.scrollIntoView({ block: 'start' }));
    }
  };
  // The scenario's errors are listed beside the editor: open it (and close nothing) when the text
  // comes to have some, once; a user who closes it again is left alone until the text is fixed.
  const hadErrors = useRef(false);
  useSignalEffect(() => {
    const has = issues.value.some(inEditor);
    if (has && !hadErrors.current && !panels.peek().editor) panels.value = { ...panels.peek(), editor: true };
    hadErrors.current = has;
  });
  const stage = useStages(current.value, 4);
  const { editor, policy } = panels.value;
  const classes = ['layout', editor ? '' : 'no-left', policy ? '' : 'no-right'].filter(Boolean).join(' ');
  return (
    <div class="page">
      <TopBar panels={panels.value} toggle={toggle} />
      <div class={classes}>
        {editor && (
          <aside class="side left" aria-label="Scenario" data-panel="editor">
            <Suspense fallback={<p class="panel muted" role="status">Loading the editor…</p>}>
              <Editor />
            </Suspense>
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
              {resetNote.value && (
                <p class="reset-note" data-testid="reset-note" role="status">
                  {resetNote.value}{' '}
                  <button type="button" onClick={() => (resetNote.value = null)}>
                    OK
                  </button>
                </p>
              )}
              <RunHeadline />
              <ViewTabs />
              {pageView.value === 'explore' ? (
                <ExploreView />
              ) : (
                <>
                  <TimelineBar />
                  <AppList />
                  {compareOn.value && <CompareResults />}
                  {stage >= 2 && <StoryPanel />}
                  {stage >= 2 && <NowPanel />}
                  {stage >= 3 && <ChartsPanel />}
                  {stage >= 4 && <Tables />}
                </>
              )}
            </>
          ) : (
            <FirstRun />
          )}
        </main>
        {policy && (
          <aside class="side right" aria-label="Policy" data-panel="policy">
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
