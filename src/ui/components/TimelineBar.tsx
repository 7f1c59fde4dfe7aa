/**
 * The timeline: a scrubber over the whole period (an <input type=range> in seconds from the
 * start) over a strip of what happened when, with play/pause, step to the previous or next
 * event, the speed, the instant shown and how many apps are in each state at it.
 */
import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useMemo } from 'preact/hooks';
import { appStates, type Report } from '../../report/types.ts';
import { stateCountsAt, type Timeline } from '../model/timeline.ts';
import { dateOfIndex, formatDateTime, instant, MS_PER_DAY } from '../model/time.ts';
import { stateWords } from '../model/words.ts';
import { pause, speeds, stepNext, stepPrevious, togglePlay } from '../state/playback.ts';
import { current, cursor, divergenceByApp, moveCursor, playing, speed } from '../state/store.ts';
import './TimelineBar.css';

const BUCKETS = 800;

export function TimelineBar() {
  const view = current.value;
  if (!view) return null;
  const { period } = view.timeline;
  const span = period.endAt - period.startAt;
  const onKey = (event: KeyboardEvent) => {
    const step = event.shiftKey ? MS_PER_DAY / 24 : event.altKey ? 30 * MS_PER_DAY : MS_PER_DAY;
    const moves: Record<string, number> = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: 30 * MS_PER_DAY, PageDown: -30 * MS_PER_DAY };
    if (event.key in moves) {
      event.preventDefault();
      pause();
      moveCursor(cursor.value + moves[event.key]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      pause();
      moveCursor(event.key === 'Home' ? period.startAt : period.endAt);
    }
  };
  return (
    <section class="panel timeline" data-testid="timeline">
      <div class="controls">
        <button type="button" data-testid="step-back" onClick={stepPrevious} title="To the previous event">
          ◂ event
        </button>
        <button type="button" class="primary play" data-testid="play" onClick={togglePlay} aria-pressed={playing.value}>
          {playing.value ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" data-testid="step" onClick={stepNext} title="To the next event: a transition, order, bill, refund, notification or denial">
          event ▸
        </button>
        <label class="speed">
          <span class="muted">speed</span>
          <select data-testid="speed" value={String(speed.value)} onChange={(event) => (speed.value = Number((event.currentTarget as HTMLSelectElement).value))}>
            {speeds.map((s) => (
              <option key={s.daysPerSecond} value={String(s.daysPerSecond)}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <CurrentTime />
        <StateCounts timeline={view.timeline} />
      </div>
      <div class="track">
        <EventStrip timeline={view.timeline} report={view.result.report} />
        <DivergenceMarks />
        <input
          type="range"
          class="scrubber"
          data-testid="scrubber"
          aria-label="Instant"
          aria-valuetext={`${formatDateTime(cursor.value, period.zone)} ${period.zone.name}`}
          min={0}
          max={Math.floor(span / 1000) - 1}
          step={1}
          value={Math.floor((cursor.value - period.startAt) / 1000)}
          onInput={(event) => {
            pause();
            moveCursor(period.startAt + Number((event.currentTarget as HTMLInputElement).value) * 1000);
          }}
          onKeyDown={onKey}
        />
      </div>
      <MonthScale timeline={view.timeline} />
    </section>
  );
}

function CurrentTime() {
  const view = current.value;
  if (!view) return null;
  const { zone } = view.timeline.period;
  return (
    <output class="current-time mono" data-testid="current-time" data-at={String(cursor.value)}>
      {formatDateTime(cursor.value, zone, true)} <span class="muted">{zone.name}</span>
    </output>
  );
}

function StateCounts({ timeline }: { timeline: Timeline }) {
  const counts = stateCountsAt(timeline, cursor.value);
  return (
    <span class="state-counts" data-testid="state-counts">
      {appStates
        .filter((state) => counts[state] > 0)
        .map((state) => (
          <span key={state} class={`count-chip state-${state}`} title={stateWords[state]}>
            {counts[state].toLocaleString('en')} {state}
          </span>
        ))}
    </span>
  );
}

/** What happened when: transitions (by the state entered) on the upper row, every other event below. */
const EventStrip = memo(function EventStrip({ timeline, report }: { timeline: Timeline; report: Report }) {
  const marks = useMemo(() => {
    const { startAt, endAt } = timeline.period;
    const bucket = (at: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor(((at - startAt) / (endAt - startAt)) * BUCKETS)));
    const transitions = new Map<number, string>();
    const severity: Record<string, number> = { trial: 0, active: 1, expiredGrace: 2, reclaimed: 3, suspended: 4 };
    for (const t of report.transitions) {
      const b = bucket(instant(t.at));
      const seen = transitions.get(b);
      if (seen === undefined || severity[t.to] > severity[seen]) transitions.set(b, t.to);
    }
    const others = new Set<number>();
    for (let i = 0; i < timeline.eventAts.length; i++) others.add(bucket(timeline.eventAts[i]));
    return { transitions: [...transitions], others: [...others] };
  }, [timeline, report]);
  return (
    <svg class="event-strip" viewBox={`0 0 ${BUCKETS} 20`} preserveAspectRatio="none" aria-hidden="true">
      {marks.others.map((b) => (
        <rect key={`o${b}`} x={b} y={13} width={1} height={6} class="tick-other" />
      ))}
      {marks.transitions.map(([b, state]) => (
        <rect key={`t${b}`} x={b} y={1} width={1.5} height={10} class={`tick-state state-${state}`} />
      ))}
    </svg>
  );
});

function DivergenceMarks() {
  const view = current.value;
  const marks = divergenceByApp.value;
  if (!view || marks.size === 0) return null;
  const { startAt, endAt } = view.timeline.period;
  const ats = [...new Set([...marks.values()].map((d) => d.at))];
  return (
    <div class="divergence-marks" aria-hidden="true">
      {ats.map((at) => (
        <span key={at} class="divergence-tick" style={{ left: `${((at - startAt) / (endAt - startAt)) * 100}%` } as JSX.CSSProperties} />
      ))}
    </div>
  );
}

const MonthScale = memo(function MonthScale({ timeline }: { timeline: Timeline }) {
  const labels = useMemo(() => {
    const { days } = timeline.period;
    const months: { index: number; text: string }[] = [];
    for (let index = 0; index < days; index++) {
      const date = dateOfIndex(timeline.period, index);
      if (date.endsWith('-01') || index === 0) months.push({ index, text: date.slice(0, 7) });
    }
    const every = Math.max(1, Math.ceil(months.length / 12));
    return months.filter((_, i) => i % every === 0);
  }, [timeline]);
  const { days } = timeline.period;
  return (
    <div class="month-scale" aria-hidden="true">
      {labels.map((label) => (
        <span key={label.index} style={{ left: `${(label.index / days) * 100}%` } as JSX.CSSProperties}>
          {label.text}
        </span>
      ))}
    </div>
  );
});
