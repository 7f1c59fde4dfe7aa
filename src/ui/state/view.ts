/** Everything the page shows of one run, derived once when the run arrives (a step per task). */
import { cumulativeRevenue, type RevenueSeries } from '../../report/revenueSeries.ts';
import type { RunResult } from '../engine/protocol.ts';
import { type AccountStory, accountStories, lapsedApps, StoryBook } from '../model/story.ts';
import { buildTimeline, type Timeline } from '../model/timeline.ts';

export interface RunView {
  result: RunResult;
  /** The scenario text that ran: two runs compare only when it is the same. */
  text: string;
  timeline: Timeline;
  stories: StoryBook;
  /** Apps that lapsed (expired, then suspended when grace ran out). */
  lapsed: string[];
  accountStories: AccountStory[];
  revenue: RevenueSeries;
}

/** Gives the page's other tasks a turn between the steps of a large run's view. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The view of a run, built a step per task, so that a fleet's view never freezes the page. */
export async function viewOf(result: RunResult, text: string): Promise<RunView> {
  const timeline = buildTimeline(result.report);
  await nextTask();
  const stories = new StoryBook(result.report, timeline);
  await nextTask();
  const lapsed = lapsedApps(timeline);
  const accounts = accountStories(timeline);
  await nextTask();
  return { result, text, timeline, stories, lapsed, accountStories: accounts, revenue: cumulativeRevenue(result.report) };
}
