/**
 * Hard limits on any input file (scenario, policy, CSV). Files come from people and from the
 * browser, so one that would take minutes or gigabytes to read is refused up front with a clear
 * input error instead of hanging the CLI or the tab. Limits on a scenario's contents are in
 * scenario/limits.ts.
 */

/** Largest scenario, policy or CSV file read, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * YAML alias budget (eemeli/yaml `maxAliasCount`): the number of nodes aliases may expand to,
 * per anchor. It turns a "billion laughs" alias bomb into a clean input error while still
 * allowing a shared `usage: *standard` on hundreds of apps.
 */
export const MAX_YAML_ALIASES = 1000;
