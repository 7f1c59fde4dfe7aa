import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../src/inputError.ts';
import { bundledPolicyText, loadPolicy } from '../src/policy/load.ts';
import { loadScenario, type ParseOptions, parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** The issues of a scenario that must not load. */
function issuesOf(text: string, file = 'bad.yaml', options: ParseOptions = {}): InputIssue[] {
  try {
    parseScenario(text, file, options);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** `line:column path` of each issue, the form a test can compare at a glance. */
function where(issues: InputIssue[]): string[] {
  return issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}`);
}

/** Asia/Shanghai local time as an instant. */
const cst = (iso: string) => Date.parse(`${iso}+08:00`);

const header = (period = 'start: 2020-03-01\nend: 2020-08-31') => `format: 1\nname: test\npolicy: tencent-im-2019\n${period}\n`;

// The example of the format's specification, copied verbatim. It names the promotion migration50, which
// the bundled policy does not define: that is not an input error (P6, the simulator charges full
// price and records promotionNotApplicable).
const example = `format: 1
name: Missed renewal → grace → suspension → reclaim
description: One month of pro bought on 2020-03-09 10:10:52 and never renewed.
rules: [P2, X1, X2, X3, X4, X5]        # rule IDs from docs/policy.md this scenario exercises
policy: tencent-im-2019                # a bundled policy id, or a path relative to this file
policyOverrides:                       # optional; dotted paths into the policy
  lifecycle.grace.days: 14
start: 2020-03-01                      # first simulated day, 00:00 in the policy time zone
end: 2020-08-31                        # last simulated day, inclusive
seed: 7                                # for random curves; default 0

accounts:
  - id: acme
    balance: { cash: "5000.00", income: "0", gift: "0" }   # strings or numbers; default 0
    apps:
      - id: "1400000001"               # the SDKAppID; a string
        name: Chat
        createdAt: 2020-03-01          # default: start; every app starts in trial
        usage:                         # daily series, see "Curves"; all optional, default 0
          dau: { constant: 120000 }
          groups: { constant: 1000 }
          avBandwidthMbps: { constant: 0 }
          avChatrooms: { constant: 5 }     # rooms the app wants open (demand; limits apply)

events:                                # in any order; sorted by time, ties keep file order
  - at: 2020-03-09T10:10:52            # policy time zone; a bare date means 00:00
    type: purchase
    app: "1400000001"
    product: pro                       # pro | a pack id from the policy (avChatroomUnlimited, …)
    months: 1
    voucher: "0"                       # optional face value of one voucher
    promotion: migration50             # optional id of a promotion in the policy
  - { at: 2020-03-20, type: setAutoRenew, app: "1400000001", on: true }
  - { at: 2020-04-01, type: renew, app: "1400000001", months: 1 }       # pro, or product: <pack>
  - { at: 2020-04-02, type: refund, app: "1400000001", product: pro, kind: noReason }  # or normal
  - { at: 2020-04-05, type: topUp, account: acme, cash: "1000" }
  - { at: 2020-04-06, type: setStorageExtension, app: "1400000001", months: 3 }    # 0 turns it off
  - { at: 2020-04-07, type: createApp, account: acme, app: { id: "1400000002", usage: {} } }

expect:                                # checked after the run; each failure is reported
  - { at: 2020-04-16T00:00:00, app: "1400000001", state: suspended }
  - { bill: { account: acme, month: 2020-03 }, total: "10000.00" }
  - { bill: { account: acme, month: 2020-04 }, line: { app: "1400000001", item: dauOverage }, amount: "10000.00" }
  - { refund: { app: "1400000001", product: pro }, amount: "999.00" }
  - { balance: { account: acme, at: 2020-05-01 }, cash: "4001.00" }
  - { denied: { app: "1400000001", type: purchase }, reason: insufficientBalance }
  - { transition: { app: "1400000001", to: reclaimed }, at: 2020-07-15T00:00:00 }
`;

describe('loading the example scenario of the format', () => {
  const scenario: Scenario = parseScenario(example, 'scenarios/example.yaml');

  it('keeps the header fields and the path as given', () => {
    expect(scenario.file).toBe('scenarios/example.yaml');
    expect(scenario.name).toBe('Missed renewal → grace → suspension → reclaim');
    expect(scenario.rules).toEqual(['P2', 'X1', 'X2', 'X3', 'X4', 'X5']);
    expect(scenario.policyRef).toBe('tencent-im-2019');
    expect(scenario.start).toBe('2020-03-01');
    expect(scenario.end).toBe('2020-08-31');
    expect(scenario.seed).toBe(7);
  });

  it('applies the policy overrides to the bundled policy', () => {
    expect(scenario.policyOverrides).toEqual({ 'lifecycle.grace.days': 14 });
    expect(scenario.policy.lifecycle.grace.days).toBe(14);
    expect(scenario.policy.promotions).toEqual([]);
    expect(scenario.policy.editions.pro.pricePerMonth).toBe('999');
  });

  it('turns accounts and apps into typed specs with defaults', () => {
    expect(scenario.accounts).toEqual([
      {
        id: 'acme',
        balance: { cash: '5000.00', income: '0', gift: '0' },
        apps: [
          {
            id: '1400000001',
            name: 'Chat',
            createdAt: cst('2020-03-01T00:00:00'),
            usage: { dau: { constant: 120000 }, groups: { constant: 1000 }, avBandwidthMbps: { constant: 0 }, avChatrooms: { constant: 5 } },
          },
        ],
      },
    ]);
  });

  it('reads times in the policy zone and keeps the line of each event', () => {
    expect(scenario.events[0]).toEqual({
      at: cst('2020-03-09T10:10:52'),
      line: 26,
      type: 'purchase',
      app: '1400000001',
      product: 'pro',
      months: 1,
      voucher: '0',
      promotion: 'migration50',
    });
    expect(scenario.events.map((event) => event.type)).toEqual([
      'purchase',
      'setAutoRenew',
      'renew',
      'refund',
      'topUp',
      'setStorageExtension',
      'createApp',
    ]);
  });

  it("leaves a renew's product to the engine (the app's own edition), defaults topUp parts to 0 and a created app to the event time", () => {
    expect(scenario.events[2]).toMatchObject({ type: 'renew', months: 1 });
    expect(scenario.events[2]).not.toHaveProperty('product');
    expect(scenario.events[4]).toMatchObject({ type: 'topUp', account: 'acme', cash: '1000', income: '0', gift: '0' });
    expect(scenario.events[6]).toMatchObject({
      type: 'createApp',
      account: 'acme',
      app: { id: '1400000002', createdAt: cst('2020-04-07T00:00:00'), usage: {} },
    });
  });

  it('parses every expectation into its kind, with its line and text', () => {
    expect(scenario.expect.map((entry) => entry.kind)).toEqual(['state', 'billTotal', 'billLine', 'refund', 'balance', 'denied', 'transition']);
    expect(scenario.expect[0]).toEqual({
      kind: 'state',
      line: 41,
      text: '{"at":"2020-04-16T00:00:00","app":"1400000001","state":"suspended"}',
      at: cst('2020-04-16T00:00:00'),
      app: '1400000001',
      state: 'suspended',
    });
    expect(scenario.expect[3]).toMatchObject({ kind: 'refund', app: '1400000001', product: 'pro', nth: 1, amount: '999.00' });
    expect(scenario.expect[5]).toMatchObject({ kind: 'denied', app: '1400000001', type: 'purchase', nth: 1, reason: 'insufficientBalance' });
    expect(scenario.expect[6]).toMatchObject({ kind: 'transition', to: 'reclaimed', nth: 1, at: cst('2020-07-15T00:00:00') });
  });
});

describe('reporting mistakes', () => {
  const mistakes = `${header()}colour: blue
accounts:
  - id: acme
    apps:
      - id: "1400000001"
        usage:
          dau: { constant: -5 }
events:
  - { at: 2020-02-30, type: topUp, account: acme, cash: 1 }
  - { at: 2020-03-09, type: purchase, app: "1400000009", product: pro, months: 1 }
  - { at: 2020-03-10, type: purchase, app: "1400000001", product: pro, months: 40 }
`;

  it('lists every mistake at once, each at its line and column', () => {
    const issues = issuesOf(mistakes);
    expect(where(issues)).toEqual([
      '6:1 colour',
      '12:28 accounts.0.apps.0.usage.dau.constant',
      '14:11 events.0.at',
      '15:44 events.1.app',
      '16:80 events.2.months',
    ]);
    expect(issues.every((issue) => issue.file === 'bad.yaml')).toBe(true);
  });

  it('says what was expected and what was found', () => {
    const messages = issuesOf(mistakes).map((issue) => issue.message);
    expect(messages[0]).toMatch(/unknown field "colour"/);
    expect(messages[1]).toBe('expected a number ≥ 0, found -5');
    expect(messages[2]).toMatch(/2020-02-30/);
    expect(messages[3]).toMatch(/unknown app "1400000009"; did you mean "1400000001"\?/);
    expect(messages[4]).toBe('expected 1 to 36 months (P3), found 40');
  });

  it('formats the error as file:line:column  path  message', () => {
    try {
      parseScenario(mistakes, 'bad.yaml');
    } catch (error) {
      expect(String((error as Error).message).split('\n')[0]).toMatch(/^bad\.yaml:6:1 {2}colour {2}unknown field "colour"/);
    }
  });

  it('suggests the field meant by a typo', () => {
    const issues = issuesOf(`${header()}acounts: []\n`);
    expect(issues.find((issue) => issue.path === 'acounts')?.message).toBe('unknown field "acounts"; did you mean "accounts"?');
    expect(issues.find((issue) => issue.path === 'accounts')?.message).toBe('missing: expected a list of accounts, or a population');
  });

  it('refuses a YAML syntax error with its position', () => {
    const issues = issuesOf('format: 1\nname: "unclosed\n');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/^YAML syntax/);
    expect(issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a document that is not a mapping', () => {
    expect(issuesOf('- 1\n- 2\n')[0].message).toMatch(/expected a scenario/);
  });

  it('refuses a format other than 1', () => {
    const issues = issuesOf(`${header().replace('format: 1', 'format: 2')}accounts: [{ id: a }]\n`);
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([['format', 'expected 1, found 2']]);
  });

  it('refuses numbers that are not finite', () => {
    const issues = issuesOf(`${header()}accounts:\n  - id: a\n    apps: [{ id: "1", usage: { dau: { constant: 1e400 }, groups: { constant: .nan } } }]\n`);
    expect(issues.map((issue) => issue.message)).toEqual([
      'expected a number, found Infinity (numbers must be finite)',
      'expected a number, found NaN (numbers must be finite)',
    ]);
  });

  it('refuses user counts that are not whole, but takes decimal Mbps', () => {
    const issues = issuesOf(
      `${header()}accounts:\n  - id: a\n    apps: [{ id: "1", usage: { dau: { constant: 1.5 }, avBandwidthMbps: { constant: 2.5 } } }]\n`,
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['accounts.0.apps.0.usage.dau.constant', 'expected a whole number ≥ 0 (dau is a count), found 1.5'],
    ]);
  });

  it('asks for quotes around an id written as a number', () => {
    const issues = issuesOf(`${header()}accounts:\n  - id: a\n    apps: [{ id: 1400000001 }]\n`);
    expect(issues[0].message).toBe('expected a text, found 1400000001 (write it in quotes: "1400000001")');
  });

  it('refuses an end before the start and a period over 20 years', () => {
    expect(issuesOf(`${header('start: 2020-03-01\nend: 2020-02-01')}accounts: [{ id: a }]\n`)[0].message).toBe(
      'expected a date on or after start (2020-03-01), found "2020-02-01"',
    );
    expect(issuesOf(`${header('start: 2020-03-01\nend: 2040-03-01')}accounts: [{ id: a }]\n`)[0].message).toMatch(/at most 20 years/);
    expect(() => parseScenario(`${header('start: 2020-03-01\nend: 2040-02-29')}accounts: [{ id: a }]\n`, 'ok.yaml')).not.toThrow();
  });

  it('refuses events and createdAt outside the period', () => {
    const issues = issuesOf(
      `${header('start: 2020-03-01\nend: 2020-03-31')}accounts:\n  - id: a\n    apps: [{ id: "1", createdAt: 2020-02-29T23:59:59 }]\nevents:\n  - { at: 2020-04-01T00:00:00, type: topUp, account: a, cash: 1 }\n  - { at: 2020-03-31T23:59:59, type: topUp, account: a, cash: 1 }\n`,
    );
    expect(issues.map((issue) => issue.path)).toEqual(['accounts.0.apps.0.createdAt', 'events.0.at']);
    expect(issues[1].message).toMatch(/within the period 2020-03-01 00:00:00 … 2020-03-31 23:59:59/);
  });

  it('refuses duplicate account ids and app ids across accounts', () => {
    const issues = issuesOf(`${header()}accounts:\n  - { id: a, apps: [{ id: "1" }] }\n  - { id: a, apps: [{ id: "1" }] }\n`);
    expect(where(issues)).toEqual(['8:11 accounts.1.id', '8:27 accounts.1.apps.0.id']);
    expect(issues[1].message).toBe('expected a unique app id across all accounts, found "1" again (first at line 7)');
  });

  it('refuses an app before the createApp event that makes it, but not after', () => {
    const issues = issuesOf(
      `${header()}accounts: [{ id: a }]\nevents:\n  - { at: 2020-03-05, type: setAutoRenew, app: "2", on: true }\n  - { at: 2020-03-04, type: createApp, account: a, app: { id: "2" } }\n  - { at: 2020-03-03, type: setAutoRenew, app: "2", on: true }\n`,
    );
    expect(where(issues)).toEqual(['10:48 events.2.app']);
    expect(issues[0].message).toBe('app "2" does not exist yet: the createApp event at line 9 makes it later');
  });

  it('refuses unknown products and lengths outside the policy', () => {
    const issues = issuesOf(
      `${header()}accounts: [{ id: a, apps: [{ id: "1" }] }]\nevents:\n  - { at: 2020-03-05, type: purchase, app: "1", product: gold, months: 1, promotion: half }\n  - { at: 2020-03-05, type: purchase, app: "1", product: groupMembers2000, months: 0 }\n  - { at: 2020-03-05, type: setStorageExtension, app: "1", months: 13 }\n  - { at: 2020-03-05, type: refund, app: "1", product: pro, kind: sometimes }\n`,
    );
    expect(issues.map((issue) => issue.path)).toEqual(['events.0.product', 'events.1.months', 'events.2.months', 'events.3.kind']);
    expect(issues[0].message).toMatch(/^expected a paid edition \(pro\) or a pack of the policy, found "gold"; expected one of pro, avChatroomUnlimited/);
    expect(issues[2].message).toBe('expected 0 (off) to 12 months of storage extension (U3), found 13');
    expect(issues[3].message).toBe('expected noReason | normal, found "sometimes"');
  });

  it('takes a promotion id the policy does not define (P6: the simulator charges full price)', () => {
    const scenario = parseScenario(
      `${header()}accounts: [{ id: a, apps: [{ id: "1" }] }]\nevents:\n  - { at: 2020-03-05, type: purchase, app: "1", product: pro, months: 1, promotion: half }\n  - { at: 2020-04-05, type: renew, app: "1", months: 1, promotion: half }\n`,
      'ok.yaml',
    );
    expect(scenario.policy.promotions).toEqual([]);
    expect(scenario.events.map((event) => (event.type === 'purchase' || event.type === 'renew' ? event.promotion : undefined))).toEqual(['half', 'half']);
  });

  it('suggests the event type meant by a typo', () => {
    const issues = issuesOf(`${header()}accounts: [{ id: a, apps: [{ id: "1" }] }]\nevents:\n  - { at: 2020-03-05, type: renwe, app: "1" }\n`);
    expect(issues[0].message).toBe('expected an event type, found "renwe"; did you mean "renew"?');
  });

  it('refuses international AV bandwidth without a price (U5)', () => {
    const usage = 'accounts:\n  - id: a\n    apps: [{ id: "1", usage: { avBandwidthInternationalMbps: { constant: 3 } } }]\n';
    const issues = issuesOf(`${header()}${usage}`);
    expect(issues.map((issue) => issue.path)).toEqual(['accounts.0.apps.0.usage.avBandwidthInternationalMbps']);
    expect(issues[0].message).toMatch(/U5/);
    const priced = parseScenario(`${header()}policyOverrides: { usage.avBandwidth.internationalPerMbpsDay: "5" }\n${usage}`, 'ok.yaml');
    expect(priced.policy.usage.avBandwidth.internationalPerMbpsDay).toBe('5');
  });

  it('reports a bad override at its key', () => {
    const issues = issuesOf(
      `${header()}policyOverrides:\n  lifecycle.grace.dayz: 14\n  lifecycle.grace.countEndDay: maybe\naccounts: [{ id: a }]\n`,
    );
    expect(where(issues)).toEqual(['7:3 lifecycle.grace.dayz', '8:3 lifecycle.grace.countEndDay']);
    expect(issues[0].message).toMatch(/^unknown policy path: "lifecycle.grace" has no field "dayz"; did you mean "days"\?/);
    expect(issues[1].message).toBe('expected true or false, found "maybe"');
  });

  it('refuses an unknown policy id', () => {
    const issues = issuesOf(`${header().replace('tencent-im-2019', 'tencent-im-2099')}accounts: [{ id: a }]\n`, 'bad.yaml', {
      readFile: () => {
        throw new Error('no such file');
      },
    });
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['policy', 'expected a bundled policy id (tencent-im-2019, tencent-im-2019-renewal-guide, tencent-im-2020) or a policy file next to the scenario, found "tencent-im-2099"'],
    ]);
  });

  it('refuses an unknown expectation and unknown references in expectations', () => {
    const issues = issuesOf(
      `${header()}accounts: [{ id: a, apps: [{ id: "1" }] }]\nexpect:\n  - { foo: 1 }\n  - { at: 2020-04-16, app: "9", state: suspended }\n  - { bill: { account: a, month: 2020-13 }, total: "1" }\n  - { notifications: { app: "1", kind: expiryWarning }, count: 3 }\n`,
    );
    expect(issues.map((issue) => issue.path)).toEqual(['expect.0', 'expect.1.app', 'expect.2.bill.month']);
    expect(issues[0].message).toMatch(/^expected an expectation of one of the forms/);
  });

  it('refuses an alias bomb cleanly', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const issues = issuesOf(bomb.join('\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/aliases/);
  });
});

describe('the additional expectation forms', () => {
  it('parses order, notifications and event expectations', () => {
    const scenario = parseScenario(
      `${header()}accounts: [{ id: a, apps: [{ id: "1" }] }]\nexpect:\n  - { order: { app: "1", product: pro, n: 2 }, total: 999, start: 2020-03-09T10:10:52, end: 2020-04-08T10:10:52 }\n  - { notifications: { account: a, kind: arrearsWarning }, count: 3, first: 2020-04-03, last: 2020-04-05T10:00 }\n  - { event: { kind: historyRemoved, app: "1" }, at: 2020-04-16 }\n`,
      'ok.yaml',
    );
    expect(scenario.expect).toEqual([
      {
        kind: 'order',
        line: 8,
        text: '{"order":{"app":"1","product":"pro","n":2},"total":999,"start":"2020-03-09T10:10:52","end":"2020-04-08T10:10:52"}',
        app: '1',
        product: 'pro',
        nth: 2,
        total: '999',
        start: cst('2020-03-09T10:10:52'),
        end: cst('2020-04-08T10:10:52'),
      },
      {
        kind: 'notifications',
        line: 9,
        text: '{"notifications":{"account":"a","kind":"arrearsWarning"},"count":3,"first":"2020-04-03","last":"2020-04-05T10:00"}',
        account: 'a',
        notification: 'arrearsWarning',
        count: 3,
        first: cst('2020-04-03T00:00:00'),
        last: cst('2020-04-05T10:00:00'),
      },
      { kind: 'event', line: 10, text: '{"event":{"kind":"historyRemoved","app":"1"},"at":"2020-04-16"}', app: '1', event: 'historyRemoved', nth: 1, at: cst('2020-04-16T00:00:00') },
    ]);
  });
});

describe('event order', () => {
  it('sorts events by time and keeps file order for ties', () => {
    const scenario = parseScenario(
      `${header()}accounts: [{ id: a }]\nevents:\n  - { at: 2020-03-02, type: topUp, account: a, cash: "2" }\n  - { at: 2020-03-01T12:00, type: topUp, account: a, cash: "1" }\n  - { at: 2020-03-02T00:00:00, type: topUp, account: a, cash: "3" }\n  - { at: 2020-03-01T04:00:00Z, type: topUp, account: a, cash: "0" }\n`,
      'ok.yaml',
    );
    expect(scenario.events.map((event) => (event.type === 'topUp' ? event.cash : ''))).toEqual(['1', '0', '2', '3']);
    expect(scenario.events.map((event) => event.line)).toEqual([9, 11, 8, 10]);
  });
});

describe('JSON scenarios', () => {
  const json = `{
  "format": 1,
  "name": "json",
  "policy": "tencent-im-2019",
  "start": "2020-03-01",
  "end": "2020-03-31",
  "accounts": [{ "id": "a", "balance": { "cash": 10 }, "apps": [{ "id": "1" }] }],
  "events": [
    { "at": "2020-03-02T10:00", "type": "purchase", "app": "1", "product": "pro", "months": 1 }
  ]
}
`;

  it('loads a JSON scenario like a YAML one', () => {
    const scenario = parseScenario(json, 'a.json');
    expect(scenario.accounts[0].balance).toEqual({ cash: '10', income: '0', gift: '0' });
    expect(scenario.events[0]).toMatchObject({ type: 'purchase', at: cst('2020-03-02T10:00:00'), line: 9 });
  });

  it('reports JSON mistakes with line and column', () => {
    const issues = issuesOf(json.replace('"months": 1', '"months": 1, "extra": true').replace('"cash": 10', '"cash": -10'), 'a.json');
    expect(where(issues)).toEqual(['7:50 accounts.0.balance.cash', '9:96 events.0.extra']);
    expect(issues[1].file).toBe('a.json');
  });
});

describe('curves', () => {
  const withUsage = (usage: string) => `${header()}accounts:\n  - id: a\n    apps:\n      - id: "1"\n        usage:\n${usage}`;

  it('accepts every form of the format, with nested bases', () => {
    const scenario = parseScenario(
      withUsage(`          dau: { noise: { base: { weekly: { base: { growth: { start: 100, monthlyRate: 0.1 } }, weekendFactor: 0.5 } }, sigma: 0.1 } }
          groups: { steps: [{ from: 2020-03-01, value: 10 }, { from: 2020-04-01, value: 20 }] }
          avChatrooms: { points: [{ at: 2020-03-01, value: 1 }, { at: 2020-05-01, value: 9 }] }
          avBandwidthMbps: { randomWalk: { start: 10, drift: 0.01, volatility: 0.2, min: 0, max: 50 } }
`),
      'ok.yaml',
    );
    expect(scenario.accounts[0].apps[0].usage).toEqual({
      dau: { noise: { base: { weekly: { base: { growth: { start: 100, monthlyRate: 0.1 } }, weekendFactor: 0.5 } }, sigma: 0.1 } },
      groups: { steps: [{ from: '2020-03-01', value: 10 }, { from: '2020-04-01', value: 20 }] },
      avChatrooms: { points: [{ at: '2020-03-01', value: 1 }, { at: '2020-05-01', value: 9 }] },
      avBandwidthMbps: { randomWalk: { start: 10, drift: 0.01, volatility: 0.2, min: 0, max: 50 } },
    });
    const more = parseScenario(withUsage('          dau: { linear: { from: 0, to: 1000 } }\n          groups: { series: [1, 2, 3] }\n'), 'ok.yaml');
    expect(more.accounts[0].apps[0].usage).toEqual({ dau: { linear: { from: 0, to: 1000 } }, groups: { series: [1, 2, 3] } });
  });

  it('refuses a bad nested base, a bad step date, dates out of order and two forms at once', () => {
    const issues = issuesOf(
      withUsage(`          dau: { weekly: { base: { constnt: 1 }, weekendFactor: 0.5 } }
          groups: { steps: [{ from: 2020-02-30, value: 10 }] }
          avChatrooms: { points: [{ at: 2020-04-01, value: 1 }, { at: 2020-03-01, value: 9 }] }
          avBandwidthMbps: { constant: 1, series: [1] }
`),
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['accounts.0.apps.0.usage.dau.weekly.base.constnt', 'expected a curve form; did you mean "constant"?'],
      ['accounts.0.apps.0.usage.groups.steps.0.from', 'expected an existing date, found "2020-02-30" (no such day)'],
      ['accounts.0.apps.0.usage.avChatrooms.points.1.at', 'expected dates in increasing order, found "2020-03-01" after "2020-04-01"'],
      ['accounts.0.apps.0.usage.avBandwidthMbps.series', 'expected one curve form, found both constant and series'],
    ]);
  });

  it('reads a CSV column next to the scenario', () => {
    const files: Record<string, string> = { 'data/dau.csv': 'date,dau,rooms\n2020-03-01,100,1\n2020-03-02,"120",2\r\n\n' };
    const scenario = parseScenario(withUsage('          dau: { csv: data/dau.csv, column: dau }\n'), 'scenarios/ok.yaml', {
      readFile: (path) => files[path] ?? '',
    });
    expect(scenario.accounts[0].apps[0].usage.dau).toEqual({ csv: 'data/dau.csv', column: 'dau', values: { '2020-03-01': 100, '2020-03-02': 120 } });
  });

  it('reports each bad CSV row at its own line of the CSV file', () => {
    const csv = 'date,dau\n2020-03-01,100\n2020-03-02,lots\n2020-02-30,5\n2020-03-04,1.5\n';
    const issues = issuesOf(withUsage('          dau: { csv: dau.csv, column: dau }\n'), 'scenarios/bad.yaml', { readFile: () => csv });
    expect(issues.map((issue) => `${issue.file}:${issue.line}:${issue.column}`)).toEqual([
      'scenarios/dau.csv:3:12',
      'scenarios/dau.csv:4:1',
      'scenarios/dau.csv:5:12',
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      'expected a number ≥ 0 in column "dau", found "lots"',
      'expected an existing date YYYY-MM-DD in column "date", found "2020-02-30"',
      'expected a whole number ≥ 0 in column "dau" (dau is a count), found 1.5',
    ]);
  });

  it('reports a missing CSV file at the curve and a missing column at the column field', () => {
    const missing = issuesOf(withUsage('          dau: { csv: none.csv, column: dau }\n'), 'bad.yaml', {
      readFile: () => {
        throw new Error('no such file');
      },
    });
    expect(where(missing)).toEqual(['11:23 accounts.0.apps.0.usage.dau.csv']);
    const column = issuesOf(withUsage('          dau: { csv: d.csv, column: daus }\n'), 'bad.yaml', { readFile: () => 'date,dau\n' });
    expect(column.map((issue) => [issue.path, issue.message])).toEqual([
      ['accounts.0.apps.0.usage.dau.column', 'expected a column of d.csv, found "daus"; did you mean "dau"?'],
    ]);
  });
});

describe('loading from files', () => {
  it('reads the scenario, its CSV and a policy file relative to the scenario folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imsim-scenario-'));
    writeFileSync(join(dir, 'dau.csv'), 'date,dau\n2020-03-01,7\n');
    writeFileSync(join(dir, 'policy.yaml'), bundledPolicyText('tencent-im-2019').replace('id: tencent-im-2019', 'id: local'));
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, `format: 1\nname: files\npolicy: policy.yaml\nstart: 2020-03-01\nend: 2020-03-31\naccounts:\n  - { id: a, apps: [{ id: "1", usage: { dau: { csv: dau.csv, column: dau } } }] }\n`);
    const scenario = loadScenario(file);
    expect(scenario.file).toBe(file);
    expect(scenario.policyRef).toBe('policy.yaml');
    expect(scenario.policy.id).toBe('local');
    expect(scenario.accounts[0].apps[0].usage.dau).toMatchObject({ values: { '2020-03-01': 7 } });
  });

  it('uses the given policy instead of the named one, with the overrides applied', () => {
    const policy = { ...loadPolicy('tencent-im-2019'), id: 'given' };
    const scenario = parseScenario(`${header()}policyOverrides: { arrears.suspendAfterDays: 3 }\naccounts: [{ id: a }]\n`, 'ok.yaml', { policy });
    expect(scenario.policy.id).toBe('given');
    expect(scenario.policy.arrears.suspendAfterDays).toBe(3);
    expect(policy.arrears.suspendAfterDays).toBe(7);
  });

  it('refuses a missing scenario file with an input error', () => {
    expect(() => loadScenario(join(tmpdir(), 'no-such-imsim-scenario.yaml'))).toThrow(InputError);
  });
});
