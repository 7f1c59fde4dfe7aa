/**
 * Hard limits on input files. Scenarios come from people and from the browser, so a file that
 * would take minutes or gigabytes to run is refused up front with a clear input error instead
 * of hanging the CLI or the tab.
 */

/** Largest scenario, policy or CSV file read, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Longest simulated period, in years (`end` must come before `start` + 20 years). */
export const MAX_PERIOD_YEARS = 20;

/** Most apps in one scenario: those listed under accounts plus those made by `createApp`. */
export const MAX_APPS = 100_000;

/** Most events in one scenario. */
export const MAX_EVENTS = 1_000_000;

/** Most expectations in one scenario. */
export const MAX_EXPECTATIONS = 100_000;

/**
 * YAML alias budget (eemeli/yaml `maxAliasCount`): the number of nodes aliases may expand to,
 * per anchor. It turns a "billion laughs" alias bomb into a clean input error while still
 * allowing a shared `usage: *standard` on hundreds of apps.
 */
export const MAX_YAML_ALIASES = 1000;

/** Most issues listed in one input error; the rest are counted in a final line. */
export const MAX_REPORTED_ISSUES = 1000;
