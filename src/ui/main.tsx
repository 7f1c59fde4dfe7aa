/** The browser visualizer's entry: the page, then what its address names (the default scenario when it names nothing). */
import { render } from 'preact';
import { App } from './App.tsx';
import { followAddress } from './state/url.ts';
import { layoutFor } from './statechart/layout.ts';
import './theme.css';

const root = document.getElementById('app');
if (root) {
  // The message for a page opened from disk (index.html) goes once the code runs.
  root.replaceChildren();
  render(<App />, root);
  followAddress();
  // Lay out the statecharts while the engine runs, not when one is first asked for.
  for (const machine of ['app', 'account'] as const) layoutFor(machine, machine === 'app' ? 'overview' : 'compact');
}
