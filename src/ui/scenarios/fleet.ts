/**
 * A generated fleet for scale: 1,000 apps in 20 accounts over two years, in four kinds (a yearly
 * pro app with auto-renewal, an app that buys a few months and lapses, a quarterly app that
 * auto-renews month by month, a trial app capped at 100 users), one account too poor for its
 * auto-renewals and its bills. Deterministic: the same text every time.
 */
export const FLEET_FILE = 'fleet-1000.yaml';
const APPS = 1000;
const ACCOUNTS = 20;

const pad = (value: number) => String(value).padStart(2, '0');

export function fleetScenario(): string {
  const lines = [
    'format: 1',
    'name: "Fleet: 1,000 apps over two years"',
    'description: >',
    '  Generated for scale: 1,000 apps in 20 accounts, 2020-01-01 to 2021-12-31. Every fourth app',
    '  buys a year of pro with auto-renewal; the next buys 1 to 6 months and lapses; the next buys 3',
    '  months and auto-renews month by month; the last stays on trial. Account fleet-07 runs short.',
    'policy: tencent-im-2019',
    'start: 2020-01-01',
    'end: 2021-12-31',
    'seed: 1',
    'accounts:',
  ];
  const events: string[] = [];
  const perAccount = APPS / ACCOUNTS;
  for (let a = 0; a < ACCOUNTS; a++) {
    const account = `fleet-${pad(a)}`;
    const cash = a === 7 ? '60000' : '50000000';
    lines.push(`  - id: ${account}`, `    balance: { cash: "${cash}" }`, '    apps:');
    for (let k = 0; k < perAccount; k++) {
      const i = a * perAccount + k;
      const id = String(1400100000 + i);
      const kind = i % 4;
      const dau =
        kind === 3
          ? `{ randomWalk: { start: ${60 + (i % 90)}, drift: 0.002, volatility: 0.05, min: 20, max: 400 } }`
          : `{ noise: { base: { growth: { start: ${20000 + (i % 50) * 3000}, monthlyRate: 0.02 } }, sigma: 0.1 } }`;
      lines.push(`      - { id: "${id}", name: App ${i + 1}, usage: { dau: ${dau}, groups: { constant: ${80000 + (i % 40) * 1000} } } }`);
      const day = `2020-01-${pad(1 + (i % 28))}`;
      if (kind === 0) {
        events.push(`  - { at: ${day}T10:00, type: purchase, app: "${id}", product: pro, months: 12 }`);
        events.push(`  - { at: ${day}T10:05, type: setAutoRenew, app: "${id}", on: true }`);
      } else if (kind === 1) {
        events.push(`  - { at: ${day}T11:00, type: purchase, app: "${id}", product: pro, months: ${1 + (i % 6)} }`);
      } else if (kind === 2) {
        events.push(`  - { at: ${day}T12:00, type: purchase, app: "${id}", product: pro, months: 3 }`);
        events.push(`  - { at: ${day}T12:05, type: setAutoRenew, app: "${id}", on: true }`);
      }
    }
  }
  return [...lines, 'events:', ...events, ''].join('\n');
}
