import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../src/report/atomicWrite.ts';
import { renderCsv } from '../src/report/csv.ts';
import { renderMarkdown } from '../src/report/markdown.ts';
import { renderText } from '../src/report/text.ts';
import type { Report } from '../src/report/types.ts';
import { fixtureReport } from './fixtures/report.ts';

const ESC = String.fromCharCode(27);

function lineIndex(lines: string[], pattern: RegExp): number {
  const index = lines.findIndex((line) => pattern.test(line));
  expect(index, `no line matches ${pattern}`).toBeGreaterThanOrEqual(0);
  return index;
}

function emptyReport(): Report {
  return {
    ...fixtureReport(),
    transitions: [],
    orders: [],
    bills: [],
    refunds: [],
    notifications: [],
    denials: [],
    events: [],
    balances: [],
    usage: [],
    expectations: [],
  };
}

describe('text report', () => {
  it('shows the transitions in order with causes', () => {
    const lines = renderText(fixtureReport()).split('\n');
    const active = lineIndex(lines, /2020-03-09 10:10:52\s+trial → active {2}\(purchase\)/);
    const grace = lineIndex(lines, /2020-04-08 10:10:52\s+active → expiredGrace {2}\(expiry\)/);
    const suspended = lineIndex(lines, /2020-04-16 00:00\s+expiredGrace → suspended {2}\(graceOver\)/);
    expect(active).toBeLessThan(grace);
    expect(grace).toBeLessThan(suspended);
  });

  it('shows orders, refunds, denials and events in the timeline', () => {
    const text = renderText(fixtureReport());
    expect(text).toContain('order O1 pro ×1 month 999.00 valid to 2020-04-08 10:10:52 (30.00 days)');
    expect(text).toMatch(/refund O2 groupMembers2000 noReason 500\.00 to cash 500\.00/);
    expect(text).toContain('denied renewal pro: insufficientBalance');
    expect(text).toContain('recordsPurged');
  });

  it('summarises repeated notifications on one line', () => {
    const text = renderText(fixtureReport());
    const timeline = text.slice(text.indexOf('TIMELINE'), text.indexOf('BILLS'));
    expect(timeline).toContain('expiryWarning ×14 (04-02 … 04-15)');
    expect(timeline.match(/expiryWarning/g)).toHaveLength(1);
  });

  it("shows each bill's lines and total", () => {
    const lines = renderText(fixtureReport()).split('\n');
    lineIndex(lines, /account acme {2}month 2020-03 {2}pushed 2020-04-03 00:00/);
    const dau = lines[lineIndex(lines, /1400000001\s+dauOverage\s+20000\s+peak DAU 120000 on 2020-03-09\s+10000\.00$/)];
    const groups = lines[lineIndex(lines, /1400000001\s+peakGroups\s+50000\s+.*\s1000\.00$/)];
    const total = lines[lineIndex(lines, /^\s+total\s+11000\.00$/)];
    lineIndex(lines, /^\s+paid\s+4001\.00$/);
    lineIndex(lines, /^\s+debt\s+6999\.00$/);
    expect(new Set([dau.length, groups.length, total.length]).size).toBe(1);
  });

  it('shows the summary with revenue, debt and states', () => {
    const text = renderText(fixtureReport());
    expect(text).toMatch(/net\s+11999\.00/);
    expect(text).toMatch(/debt outstanding\s+6999\.00/);
    expect(text).toMatch(/suspended\s+1\s+46\.00/);
  });

  it('shows failed expectations with expected and actual', () => {
    const text = renderText(fixtureReport());
    expect(text).toContain('1 of 2 failed');
    expect(text).toMatch(/✓ #0 {2}app 1400000001 is suspended on 2020-04-16/);
    expect(text).toMatch(/✗ #1 .*missed-renewal\.yaml:17/);
    expect(text).toMatch(/expected {2}debt of acme is 0\.00 on 2020-05-31/);
    expect(text).toMatch(/actual {4}debt of acme is 6999\.00/);
    expect(text).not.toMatch(/actual {4}suspended/);
  });

  it('has no ANSI codes without color, and colors marks with it', () => {
    expect(renderText(fixtureReport())).not.toContain(ESC);
    expect(renderText(fixtureReport(), { color: false })).not.toContain(ESC);
    const colored = renderText(fixtureReport(), { color: true });
    expect(colored).toContain('\u001b[32m✓\u001b[0m');
    expect(colored).toContain('\u001b[31m✗\u001b[0m');
  });

  it('strips the offset from instants', () => {
    expect(renderText(fixtureReport())).not.toContain('+08:00');
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    const report = fixtureReport();
    report.events[0].detail = 'said "hi", then\nleft';
    const csv = renderCsv(report);
    expect(csv['events.csv']).toContain('recordsPurged,1400000001,,"said ""hi"", then\nleft",\n');
    expect(csv['bill-lines.csv']).toContain(',"peak groups 150000, free 100000",1000.00,pro\n');
  });

  it('guards against formula injection but leaves numbers alone', () => {
    const report = fixtureReport();
    report.events = ['=HYPERLINK("http://x")', '@SUM(A1)', '+cmd', '-2+3', '-12.50', '+1'].map((detail) => ({
      at: '2020-04-23T00:00:00+08:00',
      kind: 'test',
      detail,
    }));
    const details = renderCsv(report)['events.csv'].trimEnd().split('\n').slice(1).map((line) => line.split(',,,')[1].replace(/,$/, ''));
    expect(details).toEqual(['"\'=HYPERLINK(""http://x"")"', "'@SUM(A1)", "'+cmd", "'-2+3", '-12.50', '+1']);
  });

  it('gives every array a CSV file with a header', () => {
    const files = renderCsv(emptyReport());
    expect(Object.keys(files).sort()).toEqual(
      [
        'accounts.csv', 'apps.csv', 'balances.csv', 'bill-lines.csv', 'bills.csv', 'denials.csv', 'events.csv', 'expectations.csv', 'kpis.csv',
        'notifications.csv', 'orders.csv', 'refunds.csv', 'summary.csv', 'transitions.csv', 'usage.csv',
      ].sort(),
    );
    for (const [name, content] of Object.entries(files)) {
      const lines = content.split('\n');
      expect(lines.at(-1), name).toBe('');
      expect(lines[0], name).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
      if (!['summary.csv', 'kpis.csv', 'accounts.csv', 'apps.csv'].includes(name)) expect(lines, name).toHaveLength(2);
      expect(content, name).not.toContain('\r');
    }
  });

  it('flattens paid, refunds and channels', () => {
    const files = renderCsv(fixtureReport());
    expect(files['orders.csv'].split('\n')[0]).toContain('paid_cash,paid_income,paid_gift');
    expect(files['refunds.csv'].split('\n')[0]).toContain('to_cash,to_income,to_gift');
    expect(files['notifications.csv']).toContain(',expiryWarning,email|sms\n');
    expect(files['summary.csv']).toContain('revenue.prepaid,1499.00\n');
  });
});

describe('Markdown', () => {
  it('escapes pipes and newlines in cells', () => {
    const report = fixtureReport();
    report.bills[0].lines[0].basis = 'a | b\nc';
    const row = renderMarkdown(report)
      .split('\n')
      .find((line) => line.includes('dauOverage'));
    expect(row).toContain('a \\| b<br>c');
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it('has a section for each table', () => {
    const md = renderMarkdown(fixtureReport());
    for (const heading of ['Transitions', 'Orders', 'Bills', 'Refunds', 'Denials', 'Summary', 'Expectations']) {
      expect(md).toContain(`## ${heading}`);
    }
    expect(md).toContain('| 2020-04-16 00:00 | acme | 1400000001 | expiredGrace | suspended | graceOver |');
  });
});

describe('atomic writes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writeFileAtomic leaves no temp file and replaces the old content', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-report-'));
    const path = join(dir, 'report.txt');
    writeFileSync(path, 'old content that is longer');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('writeFileAtomic writes chunks of text and of UTF-8 bytes in their order, a character split between two byte chunks whole', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-report-'));
    const path = join(dir, 'report.json');
    const bytes = Buffer.from('应用 "a"', 'utf8');
    writeFileAtomic(path, ['{"名": ', bytes.subarray(0, 2), bytes.subarray(2), '}\n']);
    expect(readFileSync(path, 'utf8')).toBe('{"名": 应用 "a"}\n');
  });

  it('writeFileAtomic removes its temp file when the rename fails', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-report-'));
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('writeFilesAtomic creates the folder and writes every file', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-report-'));
    const out = join(dir, 'a', 'b');
    writeFilesAtomic(out, renderCsv(fixtureReport()));
    expect(readdirSync(out)).toHaveLength(15);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('debtOutstanding,6999.00');
    expect(() => writeFilesAtomic(out, { '../escape.csv': 'x' })).toThrow(/plain file name/);
  });

  it('writeFilesAtomic replaces no file when making one fails midway, and leaves no temp file', () => {
    dir = mkdtempSync(join(tmpdir(), 'imsim-report-'));
    writeFilesAtomic(dir, { 'a.csv': 'old a', 'b.csv': 'old b' });
    function* failing(): Generator<string> {
      yield 'new b, first line\n';
      throw new Error('no second line');
    }
    expect(() => writeFilesAtomic(dir, { 'a.csv': 'new a', 'b.csv': failing() })).toThrow('no second line');
    expect([readFileSync(join(dir, 'a.csv'), 'utf8'), readFileSync(join(dir, 'b.csv'), 'utf8')]).toEqual(['old a', 'old b']);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });
});
