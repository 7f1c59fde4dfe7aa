/** A small scenario for tests that split a run by account: accounts a, b, … with one app each (1, 2, …) and 5000.00 each. */
import { parseScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** `count` accounts under the bundled policy with `policy` (YAML lines: overrides, changes) added, from March to `end`, and `events` (YAML list items). */
export function accountsScenario(count: number, end: string, policy: string, events: string): Scenario {
  const accounts = Array.from({ length: count }, (_, index) => `  - { id: ${String.fromCharCode(97 + index)}, balance: { cash: "5000.00" }, apps: [{ id: "${index + 1}" }] }`);
  return parseScenario(
    `format: 1
name: ${count} accounts
policy: tencent-im-2019
${policy}
start: 2020-03-01
end: ${end}
accounts:
${accounts.join('\n')}
events:
${events}
`,
    'accounts.yaml',
  );
}

/** Policy lines: pro upgrades to an edition called O2, as an order id looks (only a credit's list of orders may be renamed). */
export const EDITION_CALLED_O2 = `policyOverrides:
  editions.pro.upgradesTo: [O2]
  editions.O2: { pricePerMonth: "2999", includedDau: 200000, validity: dayBefore, limits: { users: null, groupMembers: 2000, friends: 3000, groupsPerUser: 1000, avChatrooms: 100 } }`;
