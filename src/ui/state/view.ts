/** Everything the page shows of one run, derived once when the run arrives. */
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

export function viewOf(result: RunResult, text: string): RunView {
  const timeline = buildTimeline(result.report);
  return {
    result,
    text,
    timeline,
    stories: new StoryBook(result.report, timeline),
    lapsed: lapsedApps(timeline),
    accountStories: accountStories(timeline),
    revenue: cumulativeRevenue(result.report),
  };
}
