/**
 * The three charts, fed from the run: daily DAU of the selected apps (served, or asked for) with
 * the included DAU and each month's billed peak; the balance of the selected app's account;
 * cumulative revenue (orders on their day, bills on the day they were pushed, refunds).
 * Hovering a chart shows its values; the timeline's instant is its cursor. When compare's run B
 * has run on the same text, each chart draws B's lines dashed over A's.
 */
import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { type BalancePoint, BalanceChart, DauChart, RevenueChart } from '../charts/index.ts';
import { type AccountTimeline, appLabel } from '../model/timeline.ts';
import { dateOfIndex, dayOfDate } from '../model/time.ts';
import { chartDay, comparable, current, selectedApps } from '../state/store.ts';
import type { DauSeries } from '../engine/protocol.ts';
import type { RunView } from '../state/view.ts';
import './ChartsPanel.css';

const MAX_DAU_SERIES = 6;

export function ChartsPanel() {
  const view = current.value;
  if (!view) return null;
  const b = comparable.value ?? undefined;
  return (
    <section class="panel charts-panel" data-testid="charts" data-compare={b ? 'on' : 'off'}>
      <h2 class="panel-title">Charts</h2>
      {b && (
        <p class="muted small" data-testid="charts-b-note">
          Solid: run A. Dashed: run B, compare's knobs.
        </p>
      )}
      <div class="charts-grid">
        <DauPart view={view} b={b} />
        <BalancePart view={view} b={b} />
        <RevenuePart view={view} b={b} />
      </div>
    </section>
  );
}

function useDays(view: RunView): string[] {
  const { period } = view.timeline;
  return useMemo(() => Array.from({ length: period.days }, (_, index) => dateOfIndex(period, index)), [period]);
}

/** An app's daily DAU in a run, served or asked for; none while the run's DAU (`dau`) is still on its way from the engine. */
function dauOf(view: RunView, dau: DauSeries | undefined, ids: string[], asked: boolean): { app: string; label: string; values: number[] }[] {
  const { timeline } = view;
  if (!dau) return [];
  return ids.flatMap((id) => {
    const row = dau.apps.indexOf(id);
    const app = timeline.apps[timeline.appIndex.get(id) ?? -1];
    if (row < 0 || !app) return [];
    const values = (asked ? dau.demand : dau.served).subarray(row * dau.days, (row + 1) * dau.days);
    return [{ app: id, label: appLabel(app), values: Array.from(values) }];
  });
}

function DauPart({ view, b }: { view: RunView; b?: RunView }) {
  const asked = useSignal(false);
  const days = useDays(view);
  const chosen = selectedApps.value.length > 0 ? selectedApps.value : view.timeline.apps.slice(0, 3).map((app) => app.id);
  const ids = chosen.slice(0, MAX_DAU_SERIES);
  const key = ids.join(',');
  const { report, includedDau } = view.result;
  const showAsked = asked.value;
  const [dau, bDau] = [view.result.dau.value, b?.result.dau.value];
  // Built once per run, selection and mode, not per instant: the chart keeps its data while the cursor moves.
  const { series, peaks } = useMemo(() => {
    const wanted = new Set(ids);
    const series = dauOf(view, dau, ids, showAsked);
    const { period } = view.timeline;
    const peaks = report.usage
      .filter((u) => wanted.has(u.app) && u.peakDauDay && u.peakDau > 0)
      .map((u) => ({ app: u.app, day: dayOfDate(u.peakDauDay as string) - period.startDay, value: u.peakDau }));
    return { series, peaks };
  }, [view, dau, key, showAsked]);
  const bSeries = useMemo(() => (b ? dauOf(b, bDau, ids, showAsked) : undefined), [b, bDau, key, showAsked]);
  return (
    <figure class="chart" data-testid="dau-chart">
      <figcaption>
        Daily active users{' '}
        <span class="muted">
          ({ids.length < chosen.length ? `first ${ids.length} selected apps` : 'selected apps'}; dots: the month's billed peak)
        </span>
        <label class="toggle">
          <input type="checkbox" checked={asked.value} onChange={(event) => (asked.value = (event.currentTarget as HTMLInputElement).checked)} /> as asked
          for (before the trial cap and suspensions)
        </label>
      </figcaption>
      <DauChart days={days} series={series} bSeries={bSeries} included={includedDau} peaks={peaks} cursorDay={chartDay.value} />
    </figure>
  );
}


function BalancePart({ view, b }: { view: RunView; b?: RunView }) {
  const { timeline } = view;
  const first = selectedApps.value.map((id) => timeline.apps[timeline.appIndex.get(id) ?? -1]).find(Boolean);
  const account = timeline.accounts[timeline.accountIndex.get(first?.account ?? timeline.accounts[0]?.id ?? '') ?? 0];
  const bAccount = b && account ? b.timeline.accounts[b.timeline.accountIndex.get(account.id) ?? -1] : undefined;
  const points = useMemo(() => (account ? balancePoints(account) : []), [account]);
  const bPoints = useMemo(() => (bAccount ? balancePoints(bAccount) : undefined), [bAccount]);
  return (
    <figure class="chart" data-testid="balance-chart">
      <figcaption>
        Balance of account {account?.id} <span class="muted">(cash, income, gift; debt)</span>
      </figcaption>
      <BalanceChart points={points} bPoints={bPoints} cursorAt={cursorAtDay(view)} endAt={timeline.period.endAt} />
    </figure>
  );
}

/** The chart cursors move by the day, so a chart redraws at most once per simulated day. */
function cursorAtDay(view: RunView): number {
  const { period } = view.timeline;
  return period.startAt + chartDay.value * 86_400_000 + 43_200_000;
}

function balancePoints(account: AccountTimeline): BalancePoint[] {
  return account.points.map(({ at, cash, income, gift, debt }) => ({ at, cash, income, gift, debt }));
}

function RevenuePart({ view, b }: { view: RunView; b?: RunView }) {
  const days = useDays(view);
  const { prepaid, postpaid, refunds } = view.revenue;
  return (
    <figure class="chart" data-testid="revenue-chart">
      <figcaption>
        Cumulative revenue <span class="muted">(orders; bills on the day pushed; refunds)</span>
      </figcaption>
      <RevenueChart days={days} prepaid={prepaid} postpaid={postpaid} refunds={refunds} b={b?.revenue} cursorDay={chartDay.value} />
    </figure>
  );
}
