/**
 * The story of the run in words, read from the report: for each app what happened, when, why
 * and what it cost (a lapsed app is flagged), the account's arrears and top-ups, and the run's
 * key figures. Every dated line moves the timeline to its instant. With many apps, the stories
 * of the selected ones.
 */
import { kpiAt } from '../../report/kpiPaths.ts';
import { formatCny, isMoneyKpi } from '../model/money.ts';
import { type AppStory, headline, type StoryItem } from '../model/story.ts';
import { causeWords, plural, stateWords } from '../model/words.ts';
import { current, moveCursor, selectApp, selectedApps } from '../state/store.ts';
import './StoryPanel.css';

const ALL_STORIES_UP_TO = 12;

/** The run's name, period and key figures: the first thing on the page, above the timeline. */
export function RunHeadline() {
  const view = current.value;
  if (!view) return null;
  const { report } = view.result;
  const headline = (key: string) => {
    const value = String(kpiAt(report.kpis, key) ?? '');
    return isMoneyKpi(key) ? formatCny(value) : value;
  };
  return (
    <header class="panel story-head" data-testid="headline">
      <div>
        <h1>{report.scenario.name}</h1>
        <p class="muted period">
          {report.period.start} to {report.period.end} ({report.period.timezone}) · {plural(view.timeline.apps.length, 'app')} ·{' '}
          {plural(view.timeline.accounts.length, 'account')} · policy {report.policy.id}
        </p>
      </div>
      <dl class="figures" data-testid="figures">
        <Figure label="net revenue collected" value={headline('revenue.netCollected')} strong />
        <Figure label="prepaid" value={headline('revenue.prepaid')} />
        <Figure label="postpaid billed" value={headline('revenue.postpaidBilled')} />
        <Figure label="refunded" value={headline('revenue.refunded')} />
        <Figure label="debt left" value={headline('revenue.debtOutstanding')} />
        <Figure label="apps suspended" value={headline('apps.suspended')} />
        <Figure label="apps reclaimed" value={headline('apps.reclaimed')} />
      </dl>
    </header>
  );
}

export function StoryPanel() {
  const view = current.value;
  if (!view) return null;
  const { report } = view.result;
  const appCount = view.timeline.apps.length;
  const many = appCount > ALL_STORIES_UP_TO;
  const ids = many ? selectedApps.value.slice(0, 6) : view.timeline.apps.map((app) => app.id);
  const shown = ids.map((id) => view.stories.story(id)).filter((story): story is AppStory => story !== undefined);
  const selectedAccounts = new Set(shown.map((s) => s.account));
  const accounts = many
    ? view.accountStories.filter((a) => selectedAccounts.has(a.account) || a.items.some((i) => i.kind === 'arrears')).slice(0, 6)
    : view.accountStories;
  const quiet = view.accountStories.length - accounts.length;
  return (
    <section class="panel story" data-testid="story" aria-label="The story of the run">
      {view.result.description && <p class="description">{view.result.description}</p>}
      {many && (
        <p class="fleet-summary" data-testid="fleet-summary">
          {plural(view.lapsed.length, 'app')} lapsed (expired, then suspended when grace ran out) of {appCount.toLocaleString('en')}; final
          states:{' '}
          {Object.entries(report.summary.finalStates)
            .filter(([, count]) => count > 0)
            .map(([state, count]) => `${count.toLocaleString('en')} ${state}`)
            .join(', ')}
          . The stories below are those of the selected apps: pick apps in the list.
        </p>
      )}
      <Headlines stories={shown} />
      <div class="story-cards">
        {shown.map((story) => (
          <AppCard key={story.app} story={story} />
        ))}
        {accounts.map((account) => (
          <article class="story-card account" key={account.account} data-testid="account-story" data-account={account.account}>
            <header>
              <strong>Account {account.account}</strong>
            </header>
            <p class="muted small">{account.words.split(', ')[0]}</p>
            <ol>
              {account.items.map((item) => (
                <ItemLine key={`${item.at}:${item.verb}`} item={item} />
              ))}
              {account.items.length === 0 && <li class="muted">never in arrears</li>}
            </ol>
          </article>
        ))}
      </div>
      {quiet > 0 && <p class="muted small">{plural(quiet, 'other account')} not shown (not selected, never in arrears).</p>}
    </section>
  );
}

/** One sentence per app that went wrong: the lapsed ones first. */
function Headlines({ stories }: { stories: AppStory[] }) {
  const told = stories
    .map((story) => ({ story, text: headline(story) }))
    .filter((entry): entry is { story: AppStory; text: string } => entry.text !== undefined)
    .sort((a, b) => Number(b.story.lapsed) - Number(a.story.lapsed));
  if (told.length === 0) return null;
  return (
    <ul class="headlines" data-testid="headlines">
      {told.map(({ story, text }) => (
        <li key={story.app} class={story.lapsed ? 'lapsed' : ''} data-app={story.app}>
          {text}
        </li>
      ))}
    </ul>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div class={strong ? 'figure strong' : 'figure'}>
      <dt>{label}</dt>
      <dd class="num">{value}</dd>
    </div>
  );
}

function AppCard({ story }: { story: AppStory }) {
  return (
    <article class={`story-card${story.lapsed ? ' lapsed' : ''}`} data-testid="app-story" data-app={story.app}>
      <header>
        <button type="button" class="link" onClick={(event) => selectApp(story.app, event.ctrlKey || event.metaKey || event.shiftKey)}>
          <strong>{story.label}</strong>
        </button>
        <span class={`badge state-${story.finalState}`} title="state at the end of the period">
          {stateWords[story.finalState]}
        </span>
        {story.lapsed && <span class="lapsed-tag">lapsed</span>}
      </header>
      <ol>
        {story.items.map((item) => (
          <ItemLine key={`${item.at}:${item.verb}`} item={item} />
        ))}
        {story.items.length === 0 && <li class="muted">stayed on trial</li>}
      </ol>
      <footer class="cost">
        paid <strong class="num">{formatCny(story.paid)}</strong> · refunded <strong class="num">{formatCny(story.refunded)}</strong> · usage billed{' '}
        <strong class="num">{formatCny(story.billed)}</strong>
      </footer>
    </article>
  );
}

function ItemLine({ item }: { item: StoryItem }) {
  const why = item.kind === 'transition' && item.cause ? causeWords[item.cause] : undefined;
  return (
    <li class={`item kind-${item.kind}${item.state ? ` to-${item.state}` : ''}`}>
      <button type="button" class="when mono" onClick={() => moveCursor(item.at)} title="Show this instant on the timeline">
        {item.when}
      </button>
      <span class="what">
        {item.verb}
        {item.kind !== 'transition' && item.detail && <span class="detail"> · {item.detail}</span>}
        {why && (
          <>
            {' '}
            <span class="cause">{item.cause}</span>{' '}
            <span class="why">
              {why.why} <span class="rule">{why.rule}</span>
            </span>
          </>
        )}
      </span>
    </li>
  );
}
