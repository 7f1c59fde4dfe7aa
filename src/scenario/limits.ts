/**
 * Hard limits on a scenario's contents. Scenarios come from people and from the browser, so a
 * file that would take minutes or gigabytes to run is refused up front with a clear input error
 * instead of hanging the CLI or the tab. Limits on any input file (its size, YAML aliases) are
 * in input/limits.ts.
 */

/** Longest simulated period, in years (`end` must come before `start` + 20 years). */
export const MAX_PERIOD_YEARS = 20;

/** Most apps in one scenario: those listed under accounts, made by `createApp` and generated. */
export const MAX_APPS = 100_000;

/**
 * Most app-days in one scenario: apps (listed, created and generated) × days of the period. The
 * simulator plays every app through every day, at roughly 3 µs an app-day (BENCHMARKS.md), so
 * this keeps the largest run within about five minutes: 100,000 apps for two years (73,100,000
 * app-days), 1,000,000 for 80 days, 10,958 for 20 years. A run that large needs its report
 * written as it goes (`imsim run --format json --out`, sim/spooledRun.ts).
 */
export const MAX_APP_DAYS = 80_000_000;

/**
 * Most app-days the browser visualizer runs: it holds the whole report in the page (10,000 apps
 * for two years, 100,000 for 100 days). Larger populations run with the imsim command.
 */
export const MAX_BROWSER_APP_DAYS = 10_000_000;

/** Most events in one scenario. */
export const MAX_EVENTS = 1_000_000;

/** Most expectations in one scenario. */
export const MAX_EXPECTATIONS = 100_000;

/** Most issues listed in one input error; the rest are counted in a final line. */
export const MAX_REPORTED_ISSUES = 1000;
