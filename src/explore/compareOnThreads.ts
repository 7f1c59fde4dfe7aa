/**
 * `compare` with its two sides played at once (`imsim compare --workers K`, K ≥ 2): B on a thread
 * of its own, A on this one; apart from compare.ts so that what runs in a browser does not load
 * the threads. The sides are independent runs, so this gains what two runs at once gain on the
 * machine, less the copy of B's report back to this thread.
 */
import { InputError, type InputIssue } from '../inputError.ts';
import type { Policy } from '../policy/schema.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { besideModule, oneMessageThread, stoppingOthersOnFailure } from '../sim/threadPool.ts';
import { type CompareOptions, type CompareResult, compared, compareSides, type PlayedSide, playSide } from './compare.ts';

/** `compare(scenario, a, b, options)`, side B played on a thread: the same result, and the same InputError for input refused on either side. */
export async function compareOnThreads(scenario: Scenario, a: Policy, b: Policy, options: CompareOptions = {}): Promise<CompareResult> {
  const sides = compareSides(scenario, a, b, options);
  const stop = new AbortController();
  const reportB = playSideOnThread(sides.b, stop.signal);
  reportB.catch(() => {});
  const reportA = stoppingOthersOnFailure(stop, () => playSide(sides.a));
  return compared(sides, reportA, await reportB);
}

/** `playSide(side)` on a thread of its own, ended if `stop` is aborted; input refused as it plays throws InputError here, with the same issues. */
export async function playSideOnThread(side: PlayedSide, stop?: AbortSignal): Promise<Report> {
  const played = await oneMessageThread<{ report: Report } | { issues: InputIssue[] }>(besideModule(import.meta.url, 'compareSideWorker'), side, 'side B of the comparison', stop);
  if ('issues' in played) throw new InputError(played.issues);
  return played.report;
}
