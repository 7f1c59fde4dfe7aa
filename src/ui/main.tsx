/** The browser visualizer's entry: the page, then the default scenario (or the one named in the URL hash). */
import { render } from 'preact';
import { App } from './App.tsx';
import { loadBundled } from './state/runner.ts';
import { DEFAULT_FILE } from './scenarios/bundled.ts';
import { layoutFor } from './statechart/layout.ts';
import './theme.css';

const root = document.getElementById('app');
if (root) {
  // The message for a page opened from disk (index.html) goes once the code runs.
  root.replaceChildren();
  render(<App />, root);
  const named = decodeURIComponent(location.hash.replace(/^#/, ''));
  loadBundled(named || DEFAULT_FILE);
  // Lay out the statecharts while the engine runs, not on the first scrub that shows one.
  for (const machine of ['app', 'account'] as const) layoutFor(machine, true);
}
