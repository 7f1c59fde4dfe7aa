/**
 * Hard limits on any input file (scenario, policy, CSV). Files come from people and from the
 * browser, so one that would take minutes or gigabytes to read is refused up front with a clear
 * input error instead of hanging the CLI or the tab. Limits on a scenario's contents are in
 * scenario/limits.ts.
 */

/** Largest scenario, policy or CSV file read, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Most alias uses (`*name`) in one YAML file. eemeli/yaml resolves each alias by scanning every
 * anchor and alias before it, so ten thousand aliases take minutes; a thousand still allow a
 * shared `usage: *standard` on hundreds of apps.
 */
export const MAX_YAML_ALIASES = 1000;

/**
 * Most values (scalars, lists and mappings) that aliases may add to a file once expanded: a
 * "billion laughs" alias bomb, or one long list repeated a thousand times, is refused before it
 * is built.
 */
export const MAX_YAML_ALIAS_VALUES = 100_000;

/** Deepest nesting of lists and mappings in a YAML or JSON file; a scenario needs about a dozen. */
export const MAX_YAML_DEPTH = 100;

/**
 * Unclosed `[` and `{` at which a file is refused before the YAML parser sees it: the parser
 * takes seconds per hundred thousand levels (and overflows its stack far earlier), so deeply
 * nested flow junk is caught by a plain scan of the text. Brackets inside quotes and comments
 * count too, hence a bound well above MAX_YAML_DEPTH that no real file reaches.
 */
export const MAX_OPEN_BRACKETS = 1000;

/** Most YAML syntax errors listed; the rest are counted in a final line. */
export const MAX_YAML_ERRORS = 100;
