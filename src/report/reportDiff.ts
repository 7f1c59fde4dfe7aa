/**
 * What changed between two reports of one scenario, in words a reviewer reads: transitions
 * that moved, appeared or went (app, from → to, cause, instant before → after); bill lines
 * whose amount changed (month, app, item, before → after, with the basis); orders, refunds,
 * denials and notifications added or gone; events, apps' final states, monthly usage and
 * balances that changed; and every KPI that moved (the summary is made of KPIs). `imsim test --golden`
 * prints it for a scenario whose report is not its golden one.
 */
import { type KpiValue, kpiRows } from './kpiPaths.ts';
import type { Report } from './types.ts';

/** Lines listed per kind of record before "… and N more". */
const MAX_PER_KIND = 25;

/** Records keyed by `key`, the n-th record of a key told apart from the first. */
function keyed<T>(records: readonly T[], key: (record: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const map = new Map<string, T>();
  for (const record of records) {
    const base = key(record);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    map.set(n === 1 ? base : `${base} (#${n})`, record);
  }
  return map;
}

interface Kind<T> {
  name: string;
  /** What a record is, without what may change (its instant or amount). */
  key: (record: T) => string;
  /** What may change, in words; undefined when nothing beyond the key is compared. */
  value?: (record: T) => string;
  /** How the value was found (a bill line's basis): said once when it did not change, beside each value when it did. */
  basis?: (record: T) => string;
}

function section<T>(kind: Kind<T>, before: readonly T[], after: readonly T[]): string[] {
  const [was, is] = [keyed(before, kind.key), keyed(after, kind.key)];
  const lines: string[] = [];
  const basis = (record: T) => (kind.basis ? ` (${kind.basis(record)})` : '');
  const whole = (record: T) => (kind.value ? `: ${kind.value(record)}${basis(record)}` : '');
  for (const [key, record] of was) {
    const now = is.get(key);
    if (!now) lines.push(`- ${kind.name} ${key}${whole(record)}`);
    else if (kind.value && kind.value(record) !== kind.value(now)) {
      const change = basis(record) === basis(now) ? `${kind.value(record)} → ${kind.value(now)}${basis(now)}` : `${kind.value(record)}${basis(record)} → ${kind.value(now)}${basis(now)}`;
      lines.push(`~ ${kind.name} ${key}: ${change}`);
    }
  }
  for (const [key, record] of is) if (!was.has(key)) lines.push(`+ ${kind.name} ${key}${whole(record)}`);
  return capped(lines, kind.name);
}

function capped(lines: string[], name: string): string[] {
  return lines.length > MAX_PER_KIND ? [...lines.slice(0, MAX_PER_KIND), `  … and ${lines.length - MAX_PER_KIND} more ${name} changes`] : lines;
}

/**
 * Records matched by key (the n-th of a key told apart), each listed with the fields that
 * changed, before → after; a record only before or after is `-` or `+`.
 */
function fieldChanges<T extends object>(name: string, key: (record: T) => string, fields: readonly (keyof T & string)[], before: readonly T[], after: readonly T[]): string[] {
  const [was, is] = [keyed(before, key), keyed(after, key)];
  const lines: string[] = [];
  for (const [id, now] of is) {
    const old = was.get(id);
    if (!old) {
      lines.push(`+ ${name} ${id}`);
      continue;
    }
    const moved = fields.filter((field) => old[field] !== now[field]).map((field) => `${field} ${old[field] ?? '–'} → ${now[field] ?? '–'}`);
    if (moved.length > 0) lines.push(`~ ${name} ${id}: ${moved.join(', ')}`);
  }
  for (const id of was.keys()) if (!is.has(id)) lines.push(`- ${name} ${id}`);
  return capped(lines, name);
}

function billLines(report: Report) {
  return report.bills.flatMap((bill) => bill.lines.map((line) => ({ ...line, account: bill.account, month: bill.month })));
}

function kpiChanges(before: Report, after: Report): string[] {
  const was = new Map<string, KpiValue>(kpiRows(before.kpis));
  const lines: string[] = [];
  for (const [path, value] of kpiRows(after.kpis)) {
    const old = was.get(path);
    if (old === undefined) lines.push(`+ KPI ${path}: ${value}`);
    else if (String(old) !== String(value)) lines.push(`~ KPI ${path}: ${old} → ${value}`);
    was.delete(path);
  }
  for (const [path, value] of was) lines.push(`- KPI ${path}: ${value}`);
  return lines;
}

/**
 * The fields read above (expectations are left out: they are read from the rest, and a checker
 * lists those that fail on their own); any other that differs is named with its number of records.
 */
const compared = new Set(['scenario', 'apps', 'transitions', 'bills', 'orders', 'refunds', 'denials', 'notifications', 'events', 'usage', 'balances', 'expectations', 'kpis', 'summary', 'policy']);

function otherFields(before: Report, after: Report): string[] {
  const size = (value: unknown) => (Array.isArray(value) ? `${value.length} records` : 'a value');
  return (Object.keys(after) as (keyof Report)[])
    .filter((field) => !compared.has(field) && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => `~ ${field}: differs (${size(before[field])} before, ${size(after[field])} after)`);
}

/** The scenario's name, seed and rules (its file is where it was run from, not an outcome). */
function scenarioChanges(before: Report, after: Report): string[] {
  const fields = ['name', 'seed', 'rules'] as const;
  return fields
    .filter((field) => JSON.stringify(before.scenario[field]) !== JSON.stringify(after.scenario[field]))
    .map((field) => `~ scenario ${field}: ${JSON.stringify(before.scenario[field])} → ${JSON.stringify(after.scenario[field])}`);
}

function policyChanges(before: Report, after: Report): string[] {
  const words = (policy: Report['policy']) => `${policy.id} ${JSON.stringify(policy.overrides)}${policy.changes ? ` changes ${JSON.stringify(policy.changes)}` : ''}`;
  return words(before.policy) === words(after.policy) ? [] : [`~ policy: ${words(before.policy)} → ${words(after.policy)}`];
}

/**
 * Every change from `before` to `after`, one line each: `~` changed, `+` only after, `-` only
 * before. Reports that differ in nothing read above still name each field that differs.
 */
export function reportDiff(before: Report, after: Report): string[] {
  const lines = changesInWords(before, after);
  if (lines.length > 0) return lines;
  return (Object.keys(after) as (keyof Report)[])
    .filter((field) => field !== 'scenario' && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => `~ ${field}: differs`);
}

function changesInWords(before: Report, after: Report): string[] {
  return [
    ...scenarioChanges(before, after),
    ...policyChanges(before, after),
    ...section({ name: 'transition', key: (t) => `${t.app} ${t.from} → ${t.to} (${t.cause})`, value: (t) => t.at }, before.transitions, after.transitions),
    ...section({ name: 'bill line', key: (l) => `${l.account} ${l.month} ${l.app} ${l.item}`, value: (l) => l.amount, basis: (l) => l.basis }, billLines(before), billLines(after)),
    ...section({ name: 'order', key: (o) => `${o.app} ${o.kind} ${o.product} × ${o.months} at ${o.at}`, value: (o) => o.total }, before.orders, after.orders),
    ...section({ name: 'refund', key: (r) => `${r.app} ${r.kind} of ${r.order} at ${r.at}`, value: (r) => r.amount, basis: (r) => r.basis }, before.refunds, after.refunds),
    ...section({ name: 'denial', key: (d) => `${d.app ?? d.account} ${d.type}${d.product ? ` ${d.product}` : ''} at ${d.at}: ${d.reason}` }, before.denials, after.denials),
    ...section({ name: 'notification', key: (n) => `${n.kind} to ${n.app ?? n.account} at ${n.at}` }, before.notifications, after.notifications),
    ...section({ name: 'event', key: (e) => `${e.kind} of ${e.app ?? e.account}${e.by ? ` (${e.by})` : ''}`, value: (e) => `${e.at}${e.detail ? ` ${e.detail}` : ''}` }, before.events, after.events),
    ...section({ name: 'final state', key: (a) => `of ${a.id}`, value: (a) => a.finalState }, before.apps, after.apps),
    ...fieldChanges('usage', (u) => `${u.app} ${u.month}`, ['peakDau', 'peakDauDay', 'peakGroups', 'bandwidthMbpsDays', 'proDays', 'userDaysDenied', 'roomDaysDenied', 'edition'], before.usage, after.usage),
    ...fieldChanges('balance', (b) => `${b.account} after ${b.cause}`, ['at', 'cash', 'income', 'gift', 'debt'], before.balances, after.balances),
    ...kpiChanges(before, after),
    ...otherFields(before, after),
  ];
}
