/** Help texts of the `imsim` command. */
export const mainHelp = `imsim — lifecycle and billing simulator for Tencent Cloud IM apps

Usage:
  imsim run FILE [--format text|json|csv|md] [--out DIR] [--policy ID|FILE] [--set path=value]…
                 [--seed N] [--summary] [--top N] [--workers K]
  imsim run FILE --until DATE --save STATE.json   pause a run before DATE and save it
  imsim resume STATE.json [--format …] [--out DIR] [--set path=value]…
                               continue a paused run to the end (under changed knobs with --set)
  imsim compare FILE [--set …] --vs [--set …] [--from DATE] [--format text|json|md|html] [--out DIR]
                               the scenario under two policies on the same seed, side by side
  imsim sweep FILE --vary path=v1,v2,… [--vary …] [--runs N] [--workers K] [--shard I/N] [--out DIR]
                               every cell of a grid of knob values × N Monte Carlo runs
  imsim merge DIR… --out DIR   join the shards of a sweep into the files of the whole sweep
  imsim worker [--queue URL] [--concurrency K]   run the jobs of sweeps started with --queue
  imsim check FILE…            validate scenario files, simulate nothing
  imsim test [DIR] [--golden]  run every scenario as a regression test: expectations, golden reports
  imsim policy show [ID|FILE]  print a policy with its rule IDs (default: tencent-im-2019)
  imsim policy diff A B        every knob and price that differs between two policies
  imsim coverage [DIR] [--all] which scenarios exercise each rule, state and transition

  imsim COMMAND --help         help on one command

Exit codes: 0 ok; 1 a check failed (an expectation, a scenario of "imsim test", a run of a
sweep, a coverage gap, policies that differ in "policy diff"); 2 bad input or usage; 70 an
internal error (a bug in imsim).

Reference (in the project's docs/ folder):
  docs/scenario-format.md   every field of a scenario: accounts, curves, events, expectations,
                            distributions, populations and customer behaviour
  docs/report-format.md     every field of the report, and the KPIs with their definitions
  docs/policy.md            every policy knob with its rule ID
  docs/explore.md           compare, sweep and shards: questions over many runs
  docs/distributed.md       sweeps over many machines: a Redis queue and imsim worker
  docs/testing.md           scenarios as regression tests: goldens, policy edits, CI
  docs/library.md           imsim as a library: installing it, the API, partial runs`;

export const commandHelp: Record<string, string> = {
  run: `imsim run FILE [options]

Simulates the scenario FILE and prints its report.

  --format text|json|csv|md   text (default): timeline, bills, summary for a person;
                              json: the report (docs/report-format.md), alone on stdout;
                              csv: one file per array (needs --out); md: Markdown
  --out DIR                   write the report into DIR (report.txt, report.json, report.md
                              or one CSV per array) instead of stdout; with --format json or
                              csv and a scenario without expect:, the records go to files in
                              DIR as the run makes them and none is held in memory (JSON on
                              stdout too: its records go to the system's temporary folder)
  --policy ID|FILE            play the scenario under another policy (its overrides still apply)
  --set path=value            change a policy knob, e.g. --set lifecycle.grace.days=14
                              (repeatable; applied after the scenario's policyOverrides)
  --seed N                    replace the scenario's seed: random curves, the population
                              and its customers' decisions are drawn anew
  --summary                   text: the header, summary, KPIs and expectations only (no
                              timeline, no bills): for large populations (without expect:,
                              no record is kept)
  --top N                     text: the timeline and bills of the N apps with the largest
                              net revenue only
  --color / --no-color        ANSI colors in the text format (default: on a terminal)
  --workers K                 share the accounts among K worker threads (default 1): for large
                              populations, with --format json or csv or --summary (the
                              batches of accounts are shared); the report is byte for byte the
                              same
  --until DATE --save FILE    play the scenario up to DATE (exclusive, local to the policy's
                              zone), save the whole run to FILE and stop; "imsim resume FILE"
                              finishes it with the same report as an uninterrupted run

Exit code 1 when an expectation of the scenario fails, 2 on bad input.
Formats: docs/scenario-format.md (the file), docs/report-format.md (the report and KPIs).`,
  resume: `imsim resume STATE.json [--format text|json|csv|md] [--out DIR] [--summary] [--top N] [--set path=value]…

Continues a run saved by "imsim run FILE --until DATE --save STATE.json" (in this process or
another, on this machine or another) to the end of its period and prints its report, exactly
as an uninterrupted run would. The saved run holds the scenario and its policy.

  --set path=value   continue under changed knobs, from the instant the run was saved: a policy
                     change (docs/scenario-format.md, "A policy change at an instant"); terms
                     already in effect, such as timers armed before, are kept`,
  compare: `imsim compare FILE [--policy A] [--set path=value]… --vs [--policy B] [--set path=value]…
              [--seed N] [--from DATE] [--format text|json|md|html] [--out DIR] [--workers K]

Plays the scenario FILE twice on the same seed, under A (the options before --vs) and under B
(the options after it); each side starts from the scenario as written and adds its own --policy
and --set. The same customers make the same decisions on both sides, so what differs is the
policy's doing. Prints every KPI under A and B with B − A and the relative change (for all
accounts, then the KPIs that differ per cohort and per tag), how many apps are better or worse
off by net revenue, and the apps whose story parts, with the first transition that differs.

  --from DATE     B runs under A until DATE, then B's knobs take effect (terms already in effect
                  are kept): "what if we changed the policy on DATE?"
  --seed N        replace the scenario's seed, on both sides
  --format F      text (default), json, md, or html: one self-contained page with charts
  --out DIR       write compare.txt, compare.json, compare.md or compare.html into DIR
  --workers K     with K ≥ 2, play B on a thread of its own while A plays (default 1): the
                  same output; the two runs share the machine's cores and memory, so what it
                  gains depends on the machine (docs/explore.md, "Large populations")

See docs/explore.md.`,
  sweep: `imsim sweep FILE --vary path=v1,v2,… [--vary …] [options]

Plays the scenario FILE in every cell of a grid of knob values (the cartesian product of the
--vary lists, the last varying fastest) × N Monte Carlo runs on seeds s … s+N−1 (s: the
scenario's seed), the same seeds in every cell. Writes into --out (default sweep-out):
  runs.csv     one row per cell × run: cell, each knob, seed, every KPI
  cells.csv    one row per cell × KPI: mean, sd, p5, p50, p95, min, max over the runs
  sweep.json   the same statistics, for other tools
  sweep.html   one self-contained page: each KPI against each knob (mean, p5–p95 band), a heat
               map when two knobs vary, the table of cells and any failures
A cell whose knobs the scenario cannot be played under is reported with the reason (exit 1);
the other cells still finish. The files are the same bytes whatever --workers and --shard.

  --vary path=v1,v2,…  a knob and its values, each read as YAML: 14, linear, [cash, gift, income]
                       (repeatable; at most 10000 cells)
  --runs N             Monte Carlo runs per cell (default 1)
  --seed N             the first seed (default: the scenario's)
  --set path=value     a knob set in every cell (repeatable)
  --policy ID|FILE     the policy the cells start from
  --workers K          worker threads (default: every core); results do not depend on it
  --shard I/N          run only shard I of N and write shard-I-of-N.json into --out, for
                       "imsim merge" (run the N shards on as many machines as you like)
  --kpi NAME           a KPI sweep.html charts (repeatable; default: net revenue, apps saved in
                       grace, suspended, reclaimed, lost, and days in grace)
  --out DIR            where the files go (default sweep-out)
  --queue URL          run on the workers of a Redis queue ("imsim worker"), anywhere:
                       redis://HOST:PORT[/DB], rediss:// for TLS, or "env" to read IMSIM_QUEUE
                       (else REDIS_URL) so that no password is on the command line; the same
                       command run again resumes the sweep. See docs/distributed.md.

A progress bar with ETA on stderr when it is a terminal. See docs/explore.md.`,
  worker: `imsim worker [--queue URL] [--concurrency K]

Runs the jobs of every sweep started with "imsim sweep … --queue" on the same Redis, K at a time
(default: every core), until stopped with Ctrl-C or SIGTERM. Without --queue the address comes
from IMSIM_QUEUE, else REDIS_URL (redis://HOST:PORT[/DB], rediss:// for TLS; a password in it is
never printed). A job carries its scenario and every file it names: the worker reads no file.
A job made by another imsim version is refused with a message. See docs/distributed.md.`,
  merge: `imsim merge DIR… --out DIR [--kpi NAME]…

Reads every shard-I-of-N.json in the folders given (written by "imsim sweep … --shard I/N") and
writes into --out exactly the files the unsharded sweep would have written. Refuses, naming what
is wrong, a set with a shard missing or twice, or shards of another scenario, grid or seeds.
See docs/explore.md.`,
  check: `imsim check FILE…

Validates scenario files and their policies without simulating. Prints every error as
file:line:column  field  message, and "ok FILE" for a valid file. Exit code 2 on any error.`,
  test: `imsim test [DIR] [--golden] [--update] [--policy ID|FILE] [--set path=value]… [--reporter R] [--out FILE]
            [--workers K]

Runs every scenario (*.yaml, *.yml, *.json) in DIR (default: scenarios) as a regression test:
its expectations, and with --golden its report against DIR/golden/<name>.json. A report that
differs is explained in words: transitions moved, bill lines changed with their basis, orders,
refunds, denials and notifications added or gone, KPIs changed. One line per scenario, what
failed under it, and last "N passed, N failed". Exit code 1 when any scenario fails.

  --golden             compare each report with its golden one (a missing golden fails)
  --update             write the goldens that differ or are missing, saying what changed
  --policy ID|FILE     run every scenario under this policy instead of its own: which
  --set path=value     scenarios does the edit change, and how? (repeatable); a scenario whose
                       only difference is the policy record passes
  --reporter R         text (default), json, or junit (JUnit XML for CI)
  --out FILE           write the report there (the summary line still printed)
  --workers K          run the scenarios on K worker threads (default 1); the output is the
                       same, in the order of the files
See docs/testing.md.`,
  coverage: `imsim coverage [DIR] [--all]

Runs every scenario of DIR (default: scenarios) and lists every rule of docs/policy.md with the
scenarios that exercise it: declared under \`rules:\` and confirmed by the run (R1 needs an
actual no-reason refund, X5 an actual reclaim). Then every state and transition of the app and
account machines, enumerated from their definitions, with ✗ for those no scenario took
(--all lists the covered ones too). Exit code 1 when anything is not covered.`,
  policy: `imsim policy show [ID|FILE] [--json] [--set path=value]…
imsim policy diff A B [--set path=value]… [--json]

show: prints a policy, a bundled one by ID (tencent-im-2019, the default,
tencent-im-2019-renewal-guide or tencent-im-2020) or a policy file, with the rule IDs of its knobs; with --set, the
resulting policy, each changed knob marked with its value before; for a policy that extends
another (extends: ID|FILE), each value marked with the policy it comes from. --json prints the
policy (after --set) as JSON.

diff: every knob and price whose value differs between A and B (each a bundled ID or a file;
--set changes B), with the rules they belong to and B's source (the comment on the value's line
in its policy file, and below the table what each cited [source] is). Exit code 0 when they
agree, 1 when they differ.

See docs/policy.md.`,
};
