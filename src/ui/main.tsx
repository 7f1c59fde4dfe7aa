/** The browser visualizer's entry: the page, then what its address names (the default scenario when it names nothing). */
import { render } from 'preact';
import { App } from './App.tsx';
import { followAddress } from './state/url.ts';
import './theme.css';

const root = document.getElementById('app');
if (root) {
  // The message for a page opened from disk (index.html) goes once the code runs.
  root.replaceChildren();
  render(<App />, root);
  followAddress();
}
