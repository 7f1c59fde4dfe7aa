/**
 * The three charts, fed from the run: daily DAU of the selected apps (served, or asked for) with
 * the included DAU and each month's billed peak; the balance of the selected app's account;
 * cumulative revenue (orders on their day, bills on the day they were pushed, refunds).
 * Hovering a chart shows its values; the timeline's instant is its cursor.
 */
import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { BalanceChart, DauChart, RevenueChart } from '../charts/index.ts';
import { appLabel } from '../model/timeline.ts';
import { dateOfIndex, dayOfDate } from '../model/time.ts';
import { chartDay, current, selectedApps } from '../state/store.ts';
import type { RunView } from '../state/view.ts';
import './ChartsPanel.css';

const MAX_DAU_SERIES = 6;

export function ChartsPanel() {
  const view = current.value;
  if (!view) return null;
  return (
    <section class="panel charts-panel" data-testid="charts">
      <h2 class="panel-title">Charts</h2>
      <div class="charts-grid">
        <DauPart view={view} />
        <BalancePart view={view} />
        <RevenuePart view={view} />
      </div>
    </section>
  );
}

function useDays(view: RunView): string[] {
  const { period } = view.timeline;
  return useMemo(() => Array.from({ length: period.days }, (_, index) => dateOfIndex(period, index)), [period]);
}

function DauPart({ view }: { view: RunView }) {
  const asked = useSignal(false);
  const days = useDays(view);
  const chosen = selectedApps.value.length > 0 ? selectedApps.value : view.timeline.apps.slice(0, 3).map((app) => app.id);
  const ids = chosen.slice(0, MAX_DAU_SERIES);
  const key = ids.join(',');
  const { dau, report, includedDau } = view.result;
  const showAsked = asked.value;
  // Built once per run, selection and mode, not per instant: the chart keeps its data while the cursor moves.
  const { series, peaks } = useMemo(() => {
    const { timeline } = view;
    const wanted = new Set(ids);
    const series = ids.flatMap((id) => {
      const row = dau.apps.indexOf(id);
      const app = timeline.apps[timeline.appIndex.get(id) ?? -1];
      if (row < 0 || !app) return [];
      const values = (showAsked ? dau.demand : dau.served).subarray(row * dau.days, (row + 1) * dau.days);
      return [{ app: id, label: appLabel(app), values: Array.from(values) }];
    });
    const { period } = timeline;
    const peaks = report.usage
      .filter((u) => wanted.has(u.app) && u.peakDauDay && u.peakDau > 0)
      .map((u) => ({ app: u.app, day: dayOfDate(u.peakDauDay as string) - period.startDay, value: u.peakDau }));
    return { series, peaks };
  }, [view, key, showAsked]);
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
      <DauChart days={days} series={series} included={includedDau} peaks={peaks} cursorDay={chartDay.value} />
    </figure>
  );
}


function BalancePart({ view }: { view: RunView }) {
  const { timeline } = view;
  const first = selectedApps.value.map((id) => timeline.apps[timeline.appIndex.get(id) ?? -1]).find(Boolean);
  const account = timeline.accounts[timeline.accountIndex.get(first?.account ?? timeline.accounts[0]?.id ?? '') ?? 0];
  const points = useMemo(() => (account ? account.points.map(({ at, cash, income, gift, debt }) => ({ at, cash, income, gift, debt })) : []), [account]);
  return (
    <figure class="chart" data-testid="balance-chart">
      <figcaption>
        Balance of account {account?.id} <span class="muted">(cash, income, gift; debt)</span>
      </figcaption>
      <BalanceChart points={points} cursorAt={cursorAtDay(view)} endAt={timeline.period.endAt} />
    </figure>
  );
}

/** The chart cursors move by the day, so a chart redraws at most once per simulated day. */
function cursorAtDay(view: RunView): number {
  const { period } = view.timeline;
  return period.startAt + chartDay.value * 86_400_000 + 43_200_000;
}

function RevenuePart({ view }: { view: RunView }) {
  const days = useDays(view);
  const { prepaid, postpaid, refunds } = view.revenue;
  return (
    <figure class="chart" data-testid="revenue-chart">
      <figcaption>
        Cumulative revenue <span class="muted">(orders; bills on the day pushed; refunds)</span>
      </figcaption>
      <RevenueChart days={days} prepaid={prepaid} postpaid={postpaid} refunds={refunds} cursorDay={chartDay.value} />
    </figure>
  );
}
