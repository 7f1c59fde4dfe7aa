/**
 * Seeded mutations of a scenario, for the fuzz test (test/fuzz.test.ts). A scenario is parsed
 * into plain data, shortened (see `shorten`), mutated 1–3 times at random places (drop,
 * duplicate, retype, rename, perturb a number or a date, swap an id for an unknown one, empty a
 * list) and written back as YAML; now and then the YAML text itself is damaged too.
 *
 * Everything random comes from the `Rng` given, so a seed and a case number name one mutant.
 */
import { stringify } from 'yaml';

/** A source of numbers in [0, 1), such as seedrandom's. */
export type Rng = () => number;

type Data = unknown;
type Container = Record<string, Data> | Data[];

/** A place in the data: the container and the key or index that holds the value. */
interface Slot {
  parent: Container;
  key: string | number;
  path: string;
}

export interface Mutant {
  /** The YAML text to load. */
  text: string;
  /** What was done, for the failure message. */
  mutations: string[];
}

/**
 * Numbers YAML can hold but a double cannot are written as a marker string and put back as
 * the literal after `stringify`, so the loader sees `1e400` exactly as a person would write it.
 */
const literal = (text: string) => `@@${text}@@`;
const literalPattern = /(["']?)@@(.*?)@@\1/g;

const oddNumbers: Data[] = [
  0,
  -1,
  0.5,
  -0.5,
  1.5,
  37,
  1e12,
  1e300,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  literal('1e400'),
  literal('-1e400'),
  literal('0x1F'),
  literal('1_000'),
];

const oddStrings: Data[] = [
  '',
  ' ',
  'unknown',
  'pro ',
  'PRO',
  '1400000009',
  '__proto__',
  'constructor',
  'toString',
  '0',
  'true',
  '2020-02-30',
  'x'.repeat(300),
  '💥',
  'line\nbreak',
];

const oddDates = ['2020-02-30', '2019-02-29', '2020-13-01', '2020-00-10', '2020-04-31', '1970-01-01', '9999-12-31', '0000-01-01', '2020-3-1', '20200301'];
const oddTimes = ['T24:00', 'T23:60', 'T10:00:60', 'T10:00+99:99', 'T10:00-14:01', 'T10:00Z', 'T10:00+08:00', 'T00:00:00', 'T1:2'];

const knownWords = ['pro', 'avChatroomUnlimited', 'groupMembers2000', 'purchase', 'renew', 'refund', 'topUp', 'createApp', 'setAutoRenew', 'noReason', 'normal', 'active', 'suspended'];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const clone = <T>(value: T): T => structuredClone(value);
const isContainer = (value: Data): value is Container => typeof value === 'object' && value !== null;

/** Every slot in the data, depth first, with its dotted path. */
function slots(root: Container): Slot[] {
  const found: Slot[] = [];
  const walk = (parent: Container, path: string) => {
    const keys: (string | number)[] = Array.isArray(parent) ? parent.map((_, index) => index) : Object.keys(parent);
    for (const key of keys) {
      const here = path ? `${path}.${key}` : String(key);
      found.push({ parent, key, path: here });
      const value = (parent as Record<string | number, Data>)[key];
      if (isContainer(value)) walk(value, here);
    }
  };
  walk(root, '');
  return found;
}

const get = (slot: Slot): Data => (slot.parent as Record<string | number, Data>)[slot.key];
const set = (slot: Slot, value: Data) => {
  (slot.parent as Record<string | number, Data>)[slot.key] = value;
};

function addDays(date: string, days: number): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10) + date.slice(10);
}

const datePattern = /^\d{4}-\d{2}-\d{2}/;

/** A different value for a date or time text: shifted, or one that does not exist. */
function perturbDate(rng: Rng, text: string): string {
  switch (Math.floor(rng() * 5)) {
    case 0:
      return addDays(text, pick(rng, [-400, -40, -1, 1, 7, 40, 400]));
    case 1:
      return pick(rng, oddDates) + text.slice(10);
    case 2:
      return text.slice(0, 10) + pick(rng, oddTimes);
    case 3:
      return addDays(text, pick(rng, [-365_000, 365_000, 7300]));
    default:
      return text.slice(0, 10);
  }
}

/** A different number: negative, fractional, huge, not finite, zero, nearby. */
function perturbNumber(rng: Rng, value: number): Data {
  switch (Math.floor(rng() * 4)) {
    case 0:
      return pick(rng, oddNumbers);
    case 1:
      return -value;
    case 2:
      return value + pick(rng, [-1, 1, 0.5, 0.001]);
    default:
      return value * pick(rng, [0, 10, 1000, 1e6]);
  }
}

/** A string that names something else: a typo, an unknown id, a known word of another kind. */
function perturbString(rng: Rng, text: string): Data {
  if (datePattern.test(text) && rng() < 0.7) return perturbDate(rng, text);
  switch (Math.floor(rng() * 4)) {
    case 0:
      return text.length > 1 ? text.slice(0, -1) : `${text}x`;
    case 1:
      return pick(rng, oddStrings);
    case 2:
      return pick(rng, knownWords);
    default:
      return `${text}-unknown`;
  }
}

/** A value of another type than `value`. */
function retype(rng: Rng, value: Data): Data {
  const options: Data[] = [
    null,
    true,
    42,
    'text',
    [],
    {},
    [clone(value)],
    { value: clone(value) },
    { csv: 'no-such-file.csv', column: 'dau' },
    { constant: pick(rng, [0, 100, 150000, -1, 0.5]) },
  ];
  if (typeof value === 'number') options.push(String(value));
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) options.push(Number(value));
  const different = options.filter((option) => typeof option !== typeof value || Array.isArray(option) !== Array.isArray(value));
  return clone(pick(rng, different.length > 0 ? different : options));
}

/**
 * A nearby value that may well still be valid: a date a few days off, a count around a
 * threshold, an order length the policy sells, an amount as a decimal text. These keep about
 * half the mutants loadable, so the simulator sees them too.
 */
function plausible(rng: Rng, value: Data): Data {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value <= 40) return pick(rng, [0, 1, 2, 3, 6, 12, 24, 36, value + 1, Math.max(0, value - 1)]);
    return pick(rng, [0, 100, 101, 99_999, 100_000, 100_001, 150_000, 1_000_000, Math.round(value * 1.5), Math.round(value / 2)]);
  }
  if (typeof value === 'string') {
    if (datePattern.test(value)) return addDays(value, pick(rng, [-3, -1, 1, 2, 5, 10, 20, 30]));
    if (/^\d+(\.\d+)?$/.test(value)) return pick(rng, ['0', '0.01', '999', '999.00', '10000', '1000000', String(Number(value) * 2)]);
    return value;
  }
  if (typeof value === 'boolean') return !value;
  return value;
}

const kinds = ['drop', 'duplicate', 'retype', 'perturb', 'perturb', 'perturb', 'empty', 'rename', 'swap'] as const;

/** One mutation at a random slot of `root`; returns what was done. */
function mutateOnce(rng: Rng, root: Record<string, Data>): string {
  const all = slots(root);
  if (all.length === 0) return 'nothing to mutate';
  const slot = pick(rng, all);
  const value = get(slot);
  // Half the mutations are nearby values, the other half break something on purpose.
  const kind = pick(rng, [...kinds, ...Array<'nearby'>(kinds.length).fill('nearby')]);
  switch (kind) {
    case 'nearby': {
      const next = plausible(rng, value);
      if (next === value) return mutateOnce(rng, root);
      set(slot, next);
      return `nearby ${slot.path} to ${JSON.stringify(next)}`;
    }
    case 'drop':
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else delete slot.parent[slot.key as string];
      return `drop ${slot.path}`;
    case 'duplicate': {
      if (Array.isArray(slot.parent)) {
        const copies = pick(rng, [1, 1, 1, 5]);
        slot.parent.splice(Number(slot.key), 0, ...Array.from({ length: copies }, () => clone(value)));
        return `duplicate ${slot.path} ×${copies}`;
      }
      // A mapping's field: written again under a near name, or the mapping made a list of two.
      if (isContainer(value)) {
        set(slot, Array.isArray(value) ? [...value, ...clone(value)] : [value, clone(value)]);
        return `double ${slot.path}`;
      }
      slot.parent[`${slot.key}2`] = clone(value);
      return `duplicate ${slot.path} as ${slot.key}2`;
    }
    case 'retype': {
      const next = retype(rng, value);
      set(slot, next);
      return `retype ${slot.path} to ${JSON.stringify(next)}`;
    }
    case 'perturb': {
      let next: Data;
      if (typeof value === 'number') next = perturbNumber(rng, value);
      else if (typeof value === 'string') next = perturbString(rng, value);
      else if (typeof value === 'boolean') next = !value;
      else next = retype(rng, value);
      set(slot, next);
      return `perturb ${slot.path} to ${typeof next === 'number' ? String(next) : JSON.stringify(next)}`;
    }
    case 'empty':
      set(slot, Array.isArray(value) ? [] : isContainer(value) ? {} : '');
      return `empty ${slot.path}`;
    case 'rename': {
      if (Array.isArray(slot.parent)) return mutateOnce(rng, root);
      const renamed = pick(rng, [`${slot.key}s`, String(slot.key).slice(0, -1), String(slot.key).toUpperCase(), '__proto__', 'x-extra']);
      delete slot.parent[slot.key as string];
      slot.parent[renamed] = value;
      return `rename ${slot.path} to ${renamed}`;
    }
    case 'swap': {
      // Another value of the same kind taken from elsewhere in the file (an id for another id).
      const same = all.filter((other) => typeof get(other) === typeof value && other !== slot);
      if (same.length === 0) return mutateOnce(rng, root);
      const other = pick(rng, same);
      set(slot, clone(get(other)));
      return `swap ${slot.path} for ${other.path}`;
    }
  }
}

/** Damages the YAML text itself: a cut, a stray character, a tab. */
function damageText(rng: Rng, text: string): { text: string; what: string } {
  const at = Math.floor(rng() * text.length);
  switch (Math.floor(rng() * 4)) {
    case 0:
      return { text: text.slice(0, at), what: `cut the text at ${at}` };
    default: {
      const inserted = pick(rng, ['[', ']', '{', ':', '"', "'", '\t', '&a ', '*a', '- ', '#', '!!binary ', '? ', '\n  x: 1\n']);
      return { text: text.slice(0, at) + inserted + text.slice(at), what: `insert ${JSON.stringify(inserted)} at ${at}` };
    }
  }
}

/**
 * The scenario with its period cut to at most `months` months, the events after the new end
 * left out and at most `expectations` expectations kept, so that a mutant parses and simulates
 * quickly (fuzzing is about shapes, not long runs).
 */
export function shorten(scenario: Record<string, Data>, months: number, expectations = 6): Record<string, Data> {
  const copy = clone(scenario);
  if (Array.isArray(copy.expect)) copy.expect = copy.expect.slice(0, expectations);
  const { start, end } = copy;
  if (typeof start !== 'string' || typeof end !== 'string' || !datePattern.test(start)) return copy;
  const [year, month, day] = start.split('-').map(Number);
  const limit = new Date(Date.UTC(year, month - 1 + months, day) - 86_400_000).toISOString().slice(0, 10);
  if (end <= limit) return copy;
  copy.end = limit;
  if (Array.isArray(copy.events)) {
    copy.events = copy.events.filter((event) => !(isContainer(event) && typeof (event as Record<string, Data>).at === 'string' && ((event as Record<string, Data>).at as string).slice(0, 10) > limit));
  }
  return copy;
}

/**
 * The data as YAML text. One time in four in block style (yaml's `stringify`); otherwise as
 * indented JSON, which is YAML too and twenty times quicker to write, with the numbers JSON has
 * no words for written as YAML writes them (`.nan`, `.inf`, `-.inf`).
 */
function toYaml(rng: Rng, data: Data): string {
  const text =
    rng() < 0.25
      ? stringify(data)
      : `${JSON.stringify(data, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? literal(Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf') : value), 1)}\n`;
  return text.replace(literalPattern, '$2');
}

/** A mutant of `scenario`: 1–3 mutations, and one time in ten a damaged text. */
export function mutate(rng: Rng, scenario: Record<string, Data>): Mutant {
  const data = clone(scenario);
  const mutations: string[] = [];
  const count = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < count; i++) mutations.push(mutateOnce(rng, data));
  let text = toYaml(rng, data);
  if (rng() < 0.1) {
    const damaged = damageText(rng, text);
    text = damaged.text;
    mutations.push(damaged.what);
  }
  return { text, mutations };
}
