/** The browser visualizer's entry: the page, then the default scenario (or the one named in the URL hash). */
import { render } from 'preact';
import { App } from './App.tsx';
import { loadBundled } from './state/runner.ts';
import { DEFAULT_FILE } from './scenarios/bundled.ts';
import './theme.css';

const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  const named = decodeURIComponent(location.hash.replace(/^#/, ''));
  loadBundled(named || DEFAULT_FILE);
}
