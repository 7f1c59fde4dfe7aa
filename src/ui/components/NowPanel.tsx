/**
 * The chosen instant, for the selected apps and their accounts: each app's state and last
 * transition, and on demand its statechart with the state highlighted and the last transition
 * marked with its cause; the account's machine, its balance parts and debt; the notifications
 * of that day.
 */
import { useComputed, useSignal } from '@preact/signals';
import { formatInstant } from '../../domain/calendar.ts';
import { lazy, Suspense } from 'preact/compat';
import type { ChartForm } from '../statechart/Statechart.tsx';
import { formatCny } from '../model/money.ts';
import { accountActiveStates, appActiveStates } from '../model/activeStates.ts';
import { type AccountTimeline, type AppTimeline, accountStateAt, appLabel, balanceAt, lastTransitionAt, notificationsOfDay, stateAt } from '../model/timeline.ts';
import { formatDate, formatWhen, type Zone } from '../model/time.ts';
import { causeWords, notificationWords, stateWords } from '../model/words.ts';
import { current, cursor, moveCursor, selectedApps } from '../state/store.ts';
import type { RunView } from '../state/view.ts';
import './NowPanel.css';

const MAX_CHARTS = 3;

/** The statecharts (the machine definitions, xstate and the layout code) load when one is first drawn. */
const Statechart = lazy(() => import('../statechart/Statechart.tsx').then(({ Statechart }) => ({ default: Statechart })));
const drawing = <div class="statechart statechart--pending" role="status">Laying out the statechart…</div>;
const MAX_NOTIFICATIONS = 40;

function selectedOf(view: RunView): AppTimeline[] {
  const { timeline } = view;
  return selectedApps.value.map((id) => timeline.apps[timeline.appIndex.get(id) ?? -1]).filter((app): app is AppTimeline => app !== undefined);
}

export function NowPanel() {
  const view = current.value;
  if (!view) return null;
  const { timeline } = view;
  const apps = selectedOf(view);
  const accountIds = [...new Set((apps.length > 0 ? apps : timeline.apps.slice(0, 1)).map((app) => app.account))];
  const accounts = accountIds.map((id) => timeline.accounts[timeline.accountIndex.get(id) ?? -1]).filter((a): a is AccountTimeline => a !== undefined);
  return (
    <>
      <div class="now-row">
        {accounts.slice(0, MAX_CHARTS).map((account) => (
          <AccountNow key={account.id} account={account} zone={timeline.period.zone} />
        ))}
        <DayNotifications />
      </div>
      <Statecharts apps={apps} zone={timeline.period.zone} />
    </>
  );
}

const forms: { form: ChartForm; words: string }[] = [
  { form: 'overview', words: 'the five states and the causes between them' },
  { form: 'compact', words: 'with the reasons inside suspended' },
  { form: 'full', words: 'every state and transition of the machine' },
];

/**
 * The selected apps' statecharts, drawn when asked for: the overview by default (the top-level
 * states, each edge labelled with its causes, at a size its labels can be read), more detail
 * on request.
 */
function Statecharts({ apps, zone }: { apps: AppTimeline[]; zone: Zone }) {
  const shown = useSignal(false);
  const form = useSignal<ChartForm>('overview');
  return (
    <section class="panel statecharts" data-testid="statecharts">
      <div class="statecharts-head">
        <h2 class="panel-title">Statechart{apps.length === 1 ? '' : 's'} at this instant</h2>
        <button type="button" aria-expanded={shown.value} data-testid="show-statecharts" onClick={() => (shown.value = !shown.value)}>
          {shown.value ? 'Hide' : 'Draw'} the statechart{apps.length === 1 ? '' : 's'}
        </button>
        {shown.value && (
          <label class="chart-form">
            detail{' '}
            <select value={form.value} data-testid="statechart-form" onChange={(event) => (form.value = (event.currentTarget as HTMLSelectElement).value as ChartForm)}>
              {forms.map((option) => (
                <option key={option.form} value={option.form}>
                  {option.words}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p class="muted small">highlighted: the state at this instant; marked: the last transition, its cause underlined.</p>
      {apps.length === 0 && <p class="muted">Select an app in the list to see its statechart.</p>}
      {apps.slice(0, MAX_CHARTS).map((app) => (
        <AppMachine key={app.id} app={app} zone={zone} form={shown.value ? form.value : undefined} />
      ))}
      {apps.length > MAX_CHARTS && <p class="muted">and {apps.length - MAX_CHARTS} more selected (the first {MAX_CHARTS} are shown)</p>}
    </section>
  );
}

/** An app's state and last transition at the instant, and its statechart in `form` when one is asked for. */
function AppMachine({ app, zone, form }: { app: AppTimeline; zone: Zone; form?: ChartForm }) {
  const at = cursor.value;
  const state = stateAt(app, at);
  const last = lastTransitionAt(app, at);
  const why = last ? causeWords[last.cause] : undefined;
  return (
    <article class="machine" data-testid="statechart" data-app={app.id} data-state={state ?? 'none'}>
      <header>
        <strong>{appLabel(app)}</strong>
        <span class={`badge state-${state ?? 'none'}`}>{state ? stateWords[state] : 'not created yet'}</span>
      </header>
      {last && why ? (
        <p class="last" data-testid="last-transition">
          last transition: {last.from} → {last.to} <button type="button" class="when mono" onClick={() => moveCursor(last.at)}>{formatWhen(last.at, zone)}</button>{' '}
          <span class="cause">{last.cause}</span> <span class="muted">{why.why}</span> <span class="rule">{why.rule}</span>
        </p>
      ) : (
        <p class="last muted">{state ? 'on trial since it was created' : `created ${formatWhen(app.createdAt, zone)}`}</p>
      )}
      {form && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a chart wider than the panel scrolls, so a keyboard must reach it
        <div class="chart-scroll" tabIndex={0}>
          <Suspense fallback={drawing}>
            <Statechart
            machine="app"
            form={form}
            active={appActiveStates(state, last)}
            lastTransition={last ? { from: last.from, to: last.to, cause: last.cause, at: formatInstant(last.at, zone) } : undefined}
          />
          </Suspense>
        </div>
      )}
    </article>
  );
}

function AccountNow({ account, zone }: { account: AccountTimeline; zone: Zone }) {
  const at = cursor.value;
  const point = balanceAt(account, at);
  const { state, since } = accountStateAt(account, at);
  const owing = state !== 'inGoodStanding';
  const chartOpen = useSignal(false);
  return (
    <section class={`panel account-now${owing ? ' owing' : ''}`} data-testid="account" data-account={account.id} data-state={state}>
      <h2 class="panel-title">
        Account {account.id}: {owing ? (state === 'owing.suspended' ? 'suspended for arrears' : 'in arrears') : 'in good standing'}
      </h2>
      {point ? (
        <>
          <dl class="balance" data-testid="balance">
            {(['cash', 'income', 'gift', 'debt'] as const).map((part) => (
              <div key={part} class={part === 'debt' && point.debt > 0 ? 'debt' : ''}>
                <dt>{part}</dt>
                <dd class="num" data-testid={`balance-${part}`}>
                  {formatCny(point.record[part])}
                </dd>
              </div>
            ))}
          </dl>
          <p class="muted small">
            last change {formatWhen(point.at, zone)}: {point.record.cause}
            {since ? ` · ${since.kind} ${formatWhen(since.at, zone)}` : ''}
          </p>
        </>
      ) : (
        <p class="muted">no balance yet</p>
      )}
      <details class="account-chart" onToggle={(event) => (chartOpen.value = (event.currentTarget as HTMLDetailsElement).open)}>
        <summary>account statechart</summary>
        {chartOpen.value && (
          <Suspense fallback={drawing}>
            <Statechart machine="account" form="compact" active={accountActiveStates(state)} />
          </Suspense>
        )}
      </details>
    </section>
  );
}

function DayNotifications() {
  const view = current.value;
  const day = useComputed(() => {
    const v = current.value;
    return v ? notificationsOfDay(v.timeline, cursor.value) : [];
  }).value;
  if (!view) return null;
  const { zone } = view.timeline.period;
  const names = view.timeline.apps;
  const nameOf = (id?: string) => (id ? (names[view.timeline.appIndex.get(id) ?? -1]?.name ?? id) : undefined);
  return (
    <section class="panel day-notifications" data-testid="day-notifications" data-count={day.length}>
      <h2 class="panel-title">Notifications on {formatDate(cursor.value, zone)}</h2>
      {day.length === 0 ? (
        <p class="muted">none that day</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a long day's list scrolls, so a keyboard must reach it (axe scrollable-region-focusable)
        <ul tabIndex={0} aria-label={`Notifications on ${formatDate(cursor.value, zone)}`}>
          {day.slice(0, MAX_NOTIFICATIONS).map((n, index) => (
            <li key={`${n.at}:${index}`} data-testid="notification-item" data-kind={n.kind}>
              <span class="mono">{formatWhen(Date.parse(n.at), zone).slice(11) || '00:00'}</span>{' '}
              <strong>{notificationWords[n.kind] ?? n.kind}</strong> {n.app ? `to ${nameOf(n.app)}` : `to account ${n.account}`}{' '}
              <span class="muted">by {n.channels.join(', ')}</span>
            </li>
          ))}
          {day.length > MAX_NOTIFICATIONS && <li class="muted">and {day.length - MAX_NOTIFICATIONS} more (see the notifications table)</li>}
        </ul>
      )}
    </section>
  );
}
