/**
 * The apps at the chosen instant, virtualized: each row has the app's state badge (colored by
 * state), its life as a band of state spells over the whole period, and, in the compare view,
 * the second run's band under it with the first transition where they part marked on both.
 * One line across all bands marks the instant; rows re-render only for their badge.
 */
import { useComputed, useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { appStates } from '../../report/types.ts';
import type { Divergence } from '../model/compare.ts';
import { type AppTimeline, lastTransitionAt, stateAt } from '../model/timeline.ts';
import type { Period } from '../model/time.ts';
import { stateWords } from '../model/words.ts';
import { comparable, current, cursor, divergenceByApp, moveCursor, selectApp, selectedApps } from '../state/store.ts';
import { useVirtualRows } from './useVirtualRows.ts';
import './AppList.css';

const ROW = 30;
const COMPARE_ROW = 40;

export function AppList() {
  const view = current.value;
  const filter = useSignal('');
  const onlyDiverging = useSignal(false);
  const other = comparable.value;
  const marks = divergenceByApp.value;
  const apps = useComputed(() => {
    const all = current.value?.timeline.apps ?? [];
    const text = filter.value.trim().toLowerCase();
    return all.filter(
      (app) =>
        (!text || app.id.includes(text) || (app.name ?? '').toLowerCase().includes(text) || app.account.toLowerCase().includes(text)) &&
        (!onlyDiverging.value || divergenceByApp.value.has(app.id)),
    );
  }).value;
  const comparing = other !== null;
  const { scrollRef, items, totalSize } = useVirtualRows(apps.length, comparing ? COMPARE_ROW : ROW);
  if (!view) return null;
  const { period } = view.timeline;
  return (
    <section class="panel app-list" data-testid="app-list">
      <div class="list-head">
        <h2 class="panel-title">Apps at this instant</h2>
        <input
          type="search"
          placeholder="filter by id, name, account"
          value={filter.value}
          onInput={(event) => (filter.value = (event.currentTarget as HTMLInputElement).value)}
          data-testid="app-filter"
        />
        {comparing && (
          <label class="only-diverging">
            <input type="checkbox" checked={onlyDiverging.value} onChange={(event) => (onlyDiverging.value = (event.currentTarget as HTMLInputElement).checked)} />{' '}
            only apps that diverge ({marks.size})
          </label>
        )}
        <span class="legend" title="state colors">
          {appStates.map((state) => (
            <span key={state} class={`legend-chip state-${state}`}>
              {state}
            </span>
          ))}
        </span>
        <span class="muted count">
          {apps.length.toLocaleString('en')} app{apps.length === 1 ? '' : 's'}
        </span>
      </div>
      <div class="rows-head">
        <span>app</span>
        <span>state</span>
        <span class="band-legend">
          {comparing
            ? 'A: this run (top) · B: compare run (bottom); ▼ first divergence'
            : (
              <>
                state over the period<span class="hint">; click a band to move there; click a name to select it (Ctrl: add)</span>
              </>
            )}
        </span>
      </div>
      <div class="rows" ref={scrollRef} style={{ height: `${Math.min(420, Math.max(apps.length, 3) * (comparing ? COMPARE_ROW : ROW) + 2)}px` }}>
        <div class="rows-inner" style={{ height: `${totalSize}px` }}>
          {items.map((item) => {
            const app = apps[item.index];
            const twin = other?.timeline.apps[other.timeline.appIndex.get(app.id) ?? -1];
            return (
              <AppRow
                key={app.id}
                app={app}
                twin={comparing ? twin : undefined}
                divergence={marks.get(app.id)}
                period={period}
                top={item.start}
                height={item.size}
              />
            );
          })}
          <Cursor period={period} />
        </div>
      </div>
    </section>
  );
}

/** The instant, as one line across every band. */
function Cursor({ period }: { period: Period }) {
  const share = (cursor.value - period.startAt) / (period.endAt - period.startAt);
  return <div class="cursor-line" style={{ '--at': String(share) } as JSX.CSSProperties} />;
}

interface RowProps {
  app: AppTimeline;
  twin?: AppTimeline;
  divergence?: Divergence;
  period: Period;
  top: number;
  height: number;
}

function AppRow({ app, twin, divergence, period, top, height }: RowProps) {
  const at = cursor.value;
  const state = stateAt(app, at);
  const twinState = twin ? stateAt(twin, at) : undefined;
  const last = lastTransitionAt(app, at);
  const selected = selectedApps.value.includes(app.id);
  const choose = (event: MouseEvent) => selectApp(app.id, event.ctrlKey || event.metaKey || event.shiftKey);
  return (
    <div
      class={`app-row${selected ? ' is-selected' : ''}${divergence ? ' diverges' : ''}`}
      data-testid="app-row"
      data-app={app.id}
      data-state={state ?? 'none'}
      style={{ transform: `translateY(${top}px)`, height: `${height}px` }}
    >
      <button type="button" class="app-name" onClick={choose} aria-pressed={selected} title={`${app.id} · account ${app.account}`}>
        <span class="name">{app.name ?? app.id}</span>
        {app.name && <span class="id mono">{app.id}</span>}
      </button>
      <span class="states">
        <span
          class={`badge state-${state ?? 'none'}`}
          data-testid="app-state"
          title={last ? `since ${last.cause}` : state ? stateWords[state] : 'not created yet'}
        >
          {state ?? 'not yet'}
        </span>
        {twin !== undefined && twinState !== undefined && (
          <span class={`badge small state-${twinState ?? 'none'}`} data-testid="app-state-b" title="state in the compare run (B)">
            B: {twinState ?? 'not yet'}
          </span>
        )}
      </span>
      <span class="bands">
        <Band app={app} period={period} divergence={divergence} which="a" />
        {twin && <Band app={twin} period={period} divergence={divergence} which="b" />}
      </span>
    </div>
  );
}

/** An app's state spells as a band over the period; memoized: it changes with the run, not the instant. */
const Band = memo(function Band({ app, period, divergence, which }: { app: AppTimeline; period: Period; divergence?: Divergence; which: 'a' | 'b' }) {
  const span = period.endAt - period.startAt;
  const share = (at: number) => `${(((at - period.startAt) / span) * 100).toFixed(3)}%`;
  const onClick = (event: MouseEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    moveCursor(period.startAt + ((event.clientX - box.left) / box.width) * span);
  };
  return (
    <button type="button" class={`band band-${which}`} onClick={onClick} title="Move the instant here" tabIndex={-1}>
      {app.segments.map((segment) => (
        <span
          key={segment.start}
          class={`segment state-${segment.state}`}
          style={{ left: share(segment.start), width: share(period.startAt + (segment.end - segment.start)) }}
          title={`${stateWords[segment.state]}`}
        />
      ))}
      {divergence && <span class="divergence-mark" data-testid="divergence-mark" style={{ left: share(divergence.at) }} />}
    </button>
  );
});
