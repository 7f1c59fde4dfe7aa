/** `imsim compare`, `imsim policy diff` and `imsim resume --set`, run as a user would. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imsim } from './run.ts';
import { SAVED_RUN_FORMAT } from '../../src/sim/persist.ts';

const dir = mkdtempSync(join(tmpdir(), 'imsim-compare-'));

describe('imsim compare', () => {
  it('prints a table of every KPI under A and B with B − A, and the apps whose story parts', () => {
    const run = imsim(['compare', 'scenarios/missed-renewal.yaml', '--vs', '--set', 'lifecycle.grace.days=14']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  B         tencent-im-2019  overrides lifecycle.grace.days=14');
    expect(run.stdout).toMatch(/^ {2}apps\.renewedAfterSuspension +0 +1 +\+1 +–$/m);
    expect(run.stdout).toContain('APPS WHOSE STORY PARTS (1; the first difference under each policy)');
  });

  it('writes the comparison as JSON, Markdown and a self-contained HTML page', () => {
    const args = ['compare', 'scenarios/missed-renewal.yaml', '--vs', '--set', 'lifecycle.grace.days=14'];
    const json = JSON.parse(imsim([...args, '--format', 'json']).stdout);
    expect(Object.keys(json)).toEqual(['format', 'scenario', 'a', 'b', 'delta', 'relative', 'apps', 'betterOff', 'worseOff']);
    expect(json.delta.apps.reclaimed).toBe(-1);
    expect(imsim([...args, '--format', 'md']).stdout).toContain('| apps.reclaimed | 1 | 0 | -1 | -100.0% |');
    expect(imsim([...args, '--format', 'html', '--out', dir]).status).toBe(0);
    const html = readFileSync(join(dir, 'compare.html'), 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toContain('<script');
  });

  it('takes B’s knobs from a date on with --from', () => {
    const run = imsim(['compare', 'scenarios/missed-renewal.yaml', '--vs', '--set', 'lifecycle.grace.days=14', '--from', '2020-05-01', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json.from).toBe('2020-05-01T00:00:00+08:00');
    expect(json.b.changes).toEqual([{ at: '2020-05-01T00:00:00+08:00', set: { 'lifecycle.grace.days': 14 } }]);
    expect(json.apps).toEqual([]);
  });

  it("lists B's --set when B runs under another policy file, also from a date on (a policy change keeps A's id)", () => {
    const policy = join(dir, 'variant.yaml');
    writeFileSync(policy, readFileSync('src/policy/tencent-im-2019.yaml', 'utf8').replace(/^id: .*$/m, 'id: my-variant'));
    const args = ['compare', 'scenarios/arrears.yaml', '--vs', '--policy', policy, '--set', 'lifecycle.grace.days=14', '--format', 'json'];
    expect(JSON.parse(imsim(args).stdout).b).toMatchObject({ policy: 'my-variant', overrides: { 'lifecycle.grace.days': 14 } });
    const from = imsim([...args, '--from', '2020-06-01']);
    expect(from.status).toBe(0);
    expect(JSON.parse(from.stdout).b).toMatchObject({ policy: 'tencent-im-2019', overrides: {}, changes: [{ at: '2020-06-01T00:00:00+08:00', set: { 'lifecycle.grace.days': 14 } }] });
  });

  it('writes with --workers 2 (B on a thread of its own) what it writes on one thread, from a date on too', () => {
    for (const from of [[], ['--from', '2021-01-01']]) {
      const args = ['compare', 'scenarios/population-grace.yaml', '--vs', '--set', 'lifecycle.grace.days=14', ...from, '--format', 'json'];
      const [one, two] = [imsim(args), imsim([...args, '--workers', '2'])];
      expect(two.status, two.stderr).toBe(0);
      expect(JSON.parse(two.stdout).apps.length, from.join(' ')).toBeGreaterThan(0);
      expect(two.stdout, from.join(' ')).toBe(one.stdout);
    }
  }, 60_000);

  it('refuses a missing --vs, an unknown format, a --from outside the period, an option given twice and --workers 0', () => {
    for (const args of [
      ['scenarios/missed-renewal.yaml'],
      ['scenarios/missed-renewal.yaml', '--vs', '--format', 'pdf'],
      ['scenarios/missed-renewal.yaml', '--vs', '--from', '2019-01-01'],
      ['scenarios/missed-renewal.yaml', '--seed', '1', '--vs', '--seed', '2'],
      ['scenarios/missed-renewal.yaml', '--vs', '--workers', '0'],
    ]) {
      const run = imsim(['compare', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      if (args.includes('--workers')) expect(run.stderr).toContain('--workers 0: expected a whole number ≥ 1');
    }
  });
});

describe('imsim policy diff', () => {
  it('lists every knob that differs with its rule, and exits 1; 0 when they agree', () => {
    const differ = imsim(['policy', 'diff', 'tencent-im-2019', 'tencent-im-2019', '--set', 'lifecycle.grace.days=14']);
    expect(differ.status).toBe(1);
    expect(differ.stdout).toMatch(/lifecycle\.grace\.days +7 +14 +X2/);
    const same = imsim(['policy', 'diff', 'tencent-im-2019', 'tencent-im-2019']);
    expect([same.status, same.stdout]).toEqual([0, 'tencent-im-2019 and tencent-im-2019 agree on every knob and price\n']);
  });

  it("gives each difference B's source, the comment on its line, and what the cited sources are", () => {
    const run = imsim(['policy', 'diff', 'tencent-im-2019', 'tencent-im-2020', '--json']);
    const { differences } = JSON.parse(run.stdout) as { differences: { path: string; source?: string }[] };
    const source = (path: string) => differences.find((difference) => difference.path === path)?.source;
    expect(source('editions.pro.includedDau')).toBe('[overview-2020]');
    expect(source('packs.groupsPerUser2000.editions')).toMatch(/^ASSUMPTION: /);
    expect(source('editions.flagship')).toContain('pricePerMonth [price-2020]');
    const text = imsim(['policy', 'diff', 'tencent-im-2019', 'tencent-im-2020', '--set', 'usage.dauOverage.per=20000']).stdout;
    expect(text).toMatch(/usage\.dauOverage\.per +100000 +20000 +U2 +--set$/m);
    expect(text).toMatch(/^ {2}\[price-2020\] {2}价格说明, page dated 2020-10-30: /m);
  });

  it('shows a policy changed by --set with its rule IDs, each change marked', () => {
    const run = imsim(['policy', 'show', '--set', 'lifecycle.grace.days=14']);
    expect(run.stdout).toContain('days: 14 # X2 ← changed, was 7');
    expect(run.stdout).toContain('rounding: halfUp # M1');
  });
});

describe('imsim resume --set', () => {
  it('continues a paused run under changed knobs; a timer armed before keeps its instant', () => {
    const state = join(dir, 'state.json');
    expect(imsim(['run', 'scenarios/missed-renewal.yaml', '--until', '2020-04-09', '--save', state]).status).toBe(0);
    const run = JSON.parse(imsim(['resume', state, '--set', 'lifecycle.retention.days=30', '--format', 'json']).stdout);
    expect(run.policy.changes).toEqual([{ at: '2020-04-09T00:00:00+08:00', set: { 'lifecycle.retention.days': 30 } }]);
    const times = run.transitions.map((t: { to: string; at: string }) => `${t.to} ${t.at}`);
    expect(times).toContain('suspended 2020-04-16T00:00:00+08:00');
    expect(times).toContain('reclaimed 2020-05-16T00:00:00+08:00');
    const text = imsim(['resume', state, '--set', 'lifecycle.retention.days=30', '--summary']).stdout;
    expect(text).toContain('  policy    tencent-im-2019  (no overrides); from 2020-04-09 00:00 lifecycle.retention.days=30\n');
  });

  it('refuses a run saved by another version of imsim with a clear error, not a crash', () => {
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ format: 1, kind: 'imsim-paused-run', scenario: {}, startPolicy: {} }));
    const run = imsim(['resume', old]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`expected a paused run of format ${SAVED_RUN_FORMAT}, found format 1`);
  });

  it('refuses a knob that cannot change within a run', () => {
    const state = join(dir, 'state.json');
    const run = imsim(['resume', state, '--set', 'timezone=UTC']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--set:1:1  timezone  expected a knob that may change within a run');
  });
});
