/** Play, pause and step through the timeline: the cursor moves at `speed` simulated days per second. */
import { nextEventAfter, previousEventBefore } from '../model/timeline.ts';
import { MS_PER_DAY } from '../model/time.ts';
import { current, cursor, moveCursor, playing, speed } from './store.ts';

let frame = 0;
let last = 0;

export const speeds: { daysPerSecond: number; label: string }[] = [
  { daysPerSecond: 1, label: '1 day/s' },
  { daysPerSecond: 3, label: '3 days/s' },
  { daysPerSecond: 7, label: '1 week/s' },
  { daysPerSecond: 14, label: '2 weeks/s' },
  { daysPerSecond: 30, label: '1 month/s' },
];

export function play(): void {
  const view = current.value;
  if (!view || playing.value) return;
  const { startAt, endAt } = view.timeline.period;
  if (cursor.value >= endAt - MS_PER_DAY) cursor.value = startAt;
  playing.value = true;
  last = performance.now();
  frame = requestAnimationFrame(tick);
}

export function pause(): void {
  playing.value = false;
  cancelAnimationFrame(frame);
}

export function togglePlay(): void {
  if (playing.value) pause();
  else play();
}

function tick(now: number): void {
  const view = current.value;
  if (!playing.value || !view) return;
  const seconds = Math.min(0.25, (now - last) / 1000);
  last = now;
  const next = cursor.value + seconds * speed.value * MS_PER_DAY;
  const end = view.timeline.period.endAt - 1000;
  moveCursor(next);
  if (next >= end) {
    pause();
    return;
  }
  frame = requestAnimationFrame(tick);
}

/** To the next instant something happened (a transition, order, bill, refund, notification, denial). */
export function stepNext(): void {
  const view = current.value;
  if (!view) return;
  pause();
  const next = nextEventAfter(view.timeline, cursor.value);
  if (next !== undefined) moveCursor(next);
}

export function stepPrevious(): void {
  const view = current.value;
  if (!view) return;
  pause();
  const previous = previousEventBefore(view.timeline, cursor.value);
  if (previous !== undefined) moveCursor(previous);
}
