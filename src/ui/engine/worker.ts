/**
 * The engine's Web Worker: parses and simulates scenario texts off the page's thread, so the page
 * never freezes on a 1,000-app run. A newer request wins: the run it replaces stops at its next
 * month boundary (the client also restarts a worker caught in a long parse).
 */
import './zodConfig.ts';
import { InputError } from '../../inputError.ts';
import { COMPARE_KNOBS, type RunRequest, type WorkerMessage } from './protocol.ts';
import { parseSetOptions } from '../../policy/setOptions.ts';
import { reportParts } from './reportParts.ts';
import { dauSeries, parseRun, runResult, simulateInSteps } from './run.ts';
import { appCount } from '../../scenario/appCount.ts';

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RunRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
let latest = 0;

/** Lets queued messages in (a newer request) before the next month is simulated. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.addEventListener('message', (event) => {
  latest = event.data.id;
  void play(event.data);
});

async function play(request: RunRequest): Promise<void> {
  const { id } = request;
  await yieldToMessages();
  if (id !== latest) return;
  try {
    const t0 = performance.now();
    const parsed = request.knobLines ? parseB(request.text, request.file, request.knobLines) : parseRun(request.text, request.file, request.overrides);
    const t1 = performance.now();
    const apps = appCount(parsed.scenario.accounts);
    scope.postMessage({ type: 'parsed', id, apps, days: 0 });
    const report = await simulateInSteps(parsed.scenario, parsed.policy, {
      progress: (fraction) => scope.postMessage({ type: 'progress', id, fraction }),
      cancelled: async () => {
        await yieldToMessages();
        return id !== latest;
      },
    });
    if (!report || id !== latest) return;
    const { report: _report, ...result } = runResult(parsed, report, { parseMs: t1 - t0, simulateMs: performance.now() - t1 });
    for (const part of reportParts(report)) scope.postMessage({ type: 'part', id, part });
    scope.postMessage({ type: 'done', id, result });
    // The page builds its view of the run meanwhile: the charts' daily DAU follows.
    const dau = dauSeries(parsed.scenario, parsed.policy, report);
    scope.postMessage({ type: 'dau', id, dau }, [dau.demand.buffer, dau.served.buffer]);
  } catch (error) {
    if (error instanceof InputError) scope.postMessage({ type: 'invalid', id, issues: error.issues });
    else scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Compare's run B: its knob lines read as `--set` reads them (blank lines and # comments skipped), each issue at its line. */
function parseB(text: string, file: string, lines: string[]) {
  const { knobs, source } = parseSetOptions(lines, { file: COMPARE_KNOBS, comments: true });
  return parseRun(text, file, knobs, source);
}
