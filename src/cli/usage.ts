/** Help texts of the `imsim` command. */
export const mainHelp = `imsim — lifecycle and billing simulator for Tencent Cloud IM apps

Usage:
  imsim run FILE [--format text|json|csv|md] [--out DIR] [--policy ID|FILE] [--set path=value]…
                 [--seed N] [--summary] [--top N]
  imsim run FILE --until DATE --save STATE.json   pause a run before DATE and save it
  imsim resume STATE.json [--format …] [--out DIR]  continue a paused run to the end
  imsim check FILE…            validate scenario files, simulate nothing
  imsim test [DIR]             run every scenario's expectations (default DIR: scenarios)
  imsim policy show [ID|FILE]  print a policy with its rule IDs (default: tencent-im-2019)
  imsim coverage [DIR] [--all] which scenarios exercise each rule, state and transition

  imsim COMMAND --help         help on one command

Exit codes: 0 ok, 1 an expectation failed, 2 bad input or usage.

Reference (in the project's docs/ folder):
  docs/scenario-format.md   every field of a scenario: accounts, curves, events, expectations,
                            distributions, populations and customer behaviour
  docs/report-format.md     every field of the report, and the KPIs with their definitions
  docs/policy.md            every policy knob with its rule ID`;

export const commandHelp: Record<string, string> = {
  run: `imsim run FILE [options]

Simulates the scenario FILE and prints its report.

  --format text|json|csv|md   text (default): timeline, bills, summary for a person;
                              json: the report (docs/report-format.md), alone on stdout;
                              csv: one file per array (needs --out); md: Markdown
  --out DIR                   write the report into DIR (report.txt, report.json, report.md
                              or one CSV per array) instead of stdout
  --policy ID|FILE            play the scenario under another policy (its overrides still apply)
  --set path=value            change a policy knob, e.g. --set lifecycle.grace.days=14
                              (repeatable; applied after the scenario's policyOverrides)
  --seed N                    replace the scenario's seed: random curves, the population
                              and its customers' decisions are drawn anew
  --summary                   text: the header, summary, KPIs and expectations only (no
                              timeline, no bills): for large populations
  --top N                     text: the timeline and bills of the N apps with the largest
                              net revenue only
  --color / --no-color        ANSI colors in the text format (default: on a terminal)
  --until DATE --save FILE    play the scenario up to DATE (exclusive, local to the policy's
                              zone), save the whole run to FILE and stop; "imsim resume FILE"
                              finishes it with the same report as an uninterrupted run

Exit code 1 when an expectation of the scenario fails, 2 on bad input.
Formats: docs/scenario-format.md (the file), docs/report-format.md (the report and KPIs).`,
  resume: `imsim resume STATE.json [--format text|json|csv|md] [--out DIR] [--summary] [--top N]

Continues a run saved by "imsim run FILE --until DATE --save STATE.json" (in this process or
another, on this machine or another) to the end of its period and prints its report, exactly
as an uninterrupted run would. The saved run holds the scenario and its policy.`,
  check: `imsim check FILE…

Validates scenario files and their policies without simulating. Prints every error as
file:line:column  field  message, and "ok FILE" for a valid file. Exit code 2 on any error.`,
  test: `imsim test [DIR]

Runs every scenario (*.yaml, *.yml, *.json) in DIR (default: scenarios) and checks its
expectations. One line per scenario, the failed expectations under it, and last
"N passed, N failed". Exit code 1 when any scenario fails.`,
  coverage: `imsim coverage [DIR] [--all]

Runs every scenario of DIR (default: scenarios) and lists every rule of docs/policy.md with the
scenarios that exercise it: declared under \`rules:\` and confirmed by the run (R1 needs an
actual no-reason refund, X5 an actual reclaim). Then every state and transition of the app and
account machines, enumerated from their definitions, with ✗ for those no scenario took
(--all lists the covered ones too). Exit code 1 when anything is not covered.`,
  policy: `imsim policy show [ID|FILE] [--json] [--set path=value]…

Prints a policy: a bundled one by ID (default tencent-im-2019) with the rule ID of every
knob, or a policy file. --json prints the resolved policy (after --set) as JSON.`,
};
