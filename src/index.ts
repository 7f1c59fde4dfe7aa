/**
 * imsim's library API: load a scenario and a policy, simulate, render. The CLI and the browser
 * visualizer are thin shells over these functions.
 */
export { formatIssue, InputError, type InputIssue } from './inputError.ts';
export { bundledPolicyIds, loadPolicy, parsePolicy } from './policy/load.ts';
export { applyOverrides, parseSetOption } from './policy/overrides.ts';
export type { Policy } from './policy/schema.ts';
export { csvTables, type RecordLists, renderCsv } from './report/csv.ts';
export { computeKpis, kpiNames } from './report/kpis.ts';
export { kpiAt, kpiGroups, kpiRows } from './report/kpiPaths.ts';
export { renderJson } from './report/json.ts';
export { renderMarkdown } from './report/markdown.ts';
export { renderText, type TextOptions } from './report/text.ts';
export type * from './report/types.ts';
export { appStates, denialReasons, notificationKinds } from './domain/vocabulary.ts';
export { loadScenario, type ParseOptions, parseScenario } from './scenario/load.ts';
export { type ObjectOptions, scenarioFromObject } from './scenario/fromObject.ts';
export type { AccountInput, AppInput, CohortInput, CurveInput, EventInput, ExpectationInput, PolicyChangeInput, ScenarioInput, UsageInput } from './scenario/input.ts';
export type { Curve, Expectation, Scenario, ScenarioEvent } from './scenario/types.ts';
export { resumeRun, type SavedRun, saveRun } from './sim/persist.ts';
export { advance, finish, reportSoFar, type Run, type SimulateOptions, simulate, startRun } from './sim/simulate.ts';
export type { MachineTrace } from './sim/runtime.ts';
export type { ShardOptions } from './sim/shard.ts';
export { simulateOnThreads } from './sim/parallel.ts';
export { simulateInBatches } from './sim/inBatches.ts';
export { spooledRunOnThreads } from './sim/spooledOnThreads.ts';
export { canSpool, type SpooledReport, spooledRun } from './sim/spooledRun.ts';
export { BATCH_APPS, BATCHED_ABOVE, batchesFor, MEMORY_BATCH_APPS } from './sim/batchCount.ts';
export { batchedFiguresRun, figuresRun } from './sim/figuresRun.ts';
export { figuresRunOnThreads } from './sim/figuresOnThreads.ts';
export { endBatchThreads } from './sim/batchThreads.ts';
export { keptRun } from './sim/keptRun.ts';
export { type Coverage, isComplete, measureCoverage } from './coverage/coverage.ts';
export { type CompareOptions, type CompareResult, compare } from './explore/compare.ts';
export { compareOnThreads } from './explore/compareOnThreads.ts';
export { COMPARED_SECTIONS, type CompareSide, type Comparison, comparisonOf, type Step } from './explore/comparison.ts';
export { diffPolicies, type PolicyDifference } from './policy/diff.ts';
export { type Rule, rules } from './policy/rules.ts';
export { type Cell, cellsOf, type Knob, MAX_CELLS, parseGrid, parseVary } from './explore/grid.ts';
export { type Runner, runner } from './explore/pool.ts';
export { mergeShards, shardFile, sweepInputHash } from './explore/shard.ts';
export { readScenarioSource, type ScenarioSource, scenarioOf, type SourceOptions } from './scenario/source.ts';
export { sweep, type SweepOptions, type SweepRuns } from './explore/sweep.ts';
export { sweepFiles } from './explore/sweepFiles.ts';
export { type RunResult, runSweepJob, type SweepJob } from './explore/sweepJob.ts';
export { type CellResult, type Failure, type SweepResult, sweepResult } from './explore/sweepResult.ts';
