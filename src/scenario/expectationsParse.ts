/**
 * Expectations (docs/scenario-format.md, "Expectations"): each entry is recognised by its leading key,
 * checked by its form's schema, and its times, apps, accounts and products resolved, so a
 * typo fails the load instead of an expectation that can never match.
 */
import { describeValue } from '../input/issues.ts';
import { suggest } from '../input/suggest.ts';
import { money } from '../domain/money.ts';
import { paidEditionIds } from '../domain/editions.ts';
import { kpiNames } from '../report/kpis.ts';
import { defined, isRecord } from '../input/plainData.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import type { ParseContext } from './parseContext.ts';
import { existingApp, knownAccount, knownProduct } from './references.ts';
import { expectationForms, expectationKind, expectationSchemas } from './schema.ts';
import type { Expectation } from './types.ts';

/** What the KPI must be: a value, or bounds that leave room for one. */
function kpiBounds(ctx: ParseContext, bounds: { value?: string; atLeast?: string; atMost?: string }, path: PathSegment[]): boolean {
  const { value, atLeast, atMost } = bounds;
  if (value === undefined && atLeast === undefined && atMost === undefined) {
    ctx.issue(path, 'expected value, atLeast or atMost: what the KPI must be');
    return false;
  }
  if (value !== undefined && (atLeast !== undefined || atMost !== undefined)) {
    ctx.issue([...path, atLeast !== undefined ? 'atLeast' : 'atMost'], 'expected value alone, or atLeast and atMost: not both');
    return false;
  }
  if (atLeast !== undefined && atMost !== undefined && money(atMost).lt(atLeast)) {
    ctx.issue([...path, 'atMost'], `expected at least atLeast (${atLeast}), found ${atMost}`);
    return false;
  }
  return true;
}

/** A KPI's name, and the cohort or tag it is read for: ones the scenario has. */
function kpiTarget(ctx: ParseContext, target: { name: string; cohort?: string; tag?: string }, path: PathSegment[]): boolean {
  const editions = ctx.policy ? paidEditionIds(ctx.policy.editions).map((edition) => `revenueByEdition.${edition}`) : [];
  const names = [...kpiNames(), ...editions];
  const issues: [PathSegment, string][] = [];
  if (!names.includes(target.name)) {
    const near = suggest(target.name, names);
    const hint = near.startsWith('did you mean') ? near : 'expected a dotted name such as apps.total or revenue.netCollected (docs/report-format.md lists them all)';
    issues.push(['name', `unknown KPI "${target.name}"; ${hint}`]);
  }
  if (target.cohort !== undefined && target.tag !== undefined) issues.push(['tag', 'expected cohort or tag, not both']);
  if (target.cohort !== undefined && !ctx.cohorts.has(target.cohort)) {
    issues.push(['cohort', `unknown cohort "${target.cohort}"; ${suggest(target.cohort, [...ctx.cohorts.keys()])}`.replace(/; $/, '')]);
  }
  if (target.tag !== undefined) {
    const tags = ctx.tags();
    if (!tags.includes(target.tag)) issues.push(['tag', `unknown tag "${target.tag}"; ${suggest(target.tag, tags)}`.replace(/; $/, '')]);
  }
  for (const [field, message] of issues) ctx.issue([...path, field], message);
  return issues.length === 0;
}

export function parseExpectation(ctx: ParseContext, raw: unknown, path: PathSegment[]): Expectation | undefined {
  if (!isRecord(raw)) {
    ctx.issue(path, `expected an expectation (a mapping), found ${describeValue(raw)}`);
    return undefined;
  }
  const kind = expectationKind(raw);
  if (!kind) {
    ctx.issue(path, `expected an expectation of one of the forms ${expectationForms.join('; ')}, found the fields ${Object.keys(raw).join(', ') || 'none'}`);
    return undefined;
  }
  const base = { line: ctx.line(path), text: JSON.stringify(raw) };
  const time = (text: string | undefined, field: PathSegment[]) => (text === undefined ? undefined : ctx.time(text, [...path, ...field], false));
  const app = (id: string | undefined, field: PathSegment[]) => id === undefined || existingApp(ctx, id, [...path, ...field], undefined);
  const account = (id: string | undefined, field: PathSegment[]) => id === undefined || knownAccount(ctx, id, [...path, ...field]);
  const product = (id: string, field: PathSegment[]) => knownProduct(ctx, id, [...path, ...field]);
  /** "app? | account?": one or the other, or neither (any). */
  const owner = (target: { app?: string; account?: string }, head: string) => {
    if (target.app !== undefined && target.account !== undefined) {
      ctx.issue([...path, head, 'account'], 'expected app or account, not both');
      return false;
    }
    return app(target.app, [head, 'app']) && account(target.account, [head, 'account']);
  };

  switch (kind) {
    case 'state': {
      const data = ctx.check(expectationSchemas.state, raw, path);
      const at = time(data?.at, ['at']);
      if (!data || !app(data.app, ['app']) || at === undefined) return undefined;
      return { ...base, kind, at, app: data.app, state: data.state };
    }
    case 'billTotal': {
      const data = ctx.check(expectationSchemas.billTotal, raw, path);
      if (!data || !account(data.bill.account, ['bill', 'account'])) return undefined;
      return { ...base, kind, account: data.bill.account, month: data.bill.month, total: data.total };
    }
    case 'billLine': {
      const data = ctx.check(expectationSchemas.billLine, raw, path);
      if (!data) return undefined;
      const ok = [account(data.bill.account, ['bill', 'account']), app(data.line.app, ['line', 'app'])].every(Boolean);
      if (!ok) return undefined;
      return { ...base, kind, account: data.bill.account, month: data.bill.month, app: data.line.app, item: data.line.item, amount: data.amount };
    }
    case 'refund': {
      const data = ctx.check(expectationSchemas.refund, raw, path);
      if (!data) return undefined;
      const ok = [app(data.refund.app, ['refund', 'app']), product(data.refund.product, ['refund', 'product'])].every(Boolean);
      if (!ok) return undefined;
      return defined({ ...base, kind, app: data.refund.app, product: data.refund.product, nth: data.refund.n, amount: data.amount, to: data.to });
    }
    case 'balance': {
      const data = ctx.check(expectationSchemas.balance, raw, path);
      const at = time(data?.balance.at, ['balance', 'at']);
      if (!data || !account(data.balance.account, ['balance', 'account']) || at === undefined) return undefined;
      const { balance, ...parts } = data;
      return defined({ ...base, kind, account: balance.account, at, ...parts });
    }
    case 'denied': {
      const data = ctx.check(expectationSchemas.denied, raw, path);
      if (!data || !owner(data.denied, 'denied')) return undefined;
      return defined({ ...base, kind, app: data.denied.app, account: data.denied.account, type: data.denied.type, nth: data.denied.n, reason: data.reason });
    }
    case 'transition': {
      const data = ctx.check(expectationSchemas.transition, raw, path);
      const at = time(data?.at, ['at']);
      if (!data || !app(data.transition.app, ['transition', 'app']) || (data.at !== undefined && at === undefined)) return undefined;
      return defined({ ...base, kind, app: data.transition.app, to: data.transition.to, nth: data.transition.n, at, cause: data.cause });
    }
    case 'order': {
      const data = ctx.check(expectationSchemas.order, raw, path);
      const start = time(data?.start, ['start']);
      const end = time(data?.end, ['end']);
      if (!data) return undefined;
      const ok = [
        app(data.order.app, ['order', 'app']),
        product(data.order.product, ['order', 'product']),
        data.start === undefined || start !== undefined,
        data.end === undefined || end !== undefined,
      ].every(Boolean);
      if (!ok) return undefined;
      return defined({ ...base, kind, app: data.order.app, product: data.order.product, nth: data.order.n, total: data.total, start, end });
    }
    case 'notifications': {
      const data = ctx.check(expectationSchemas.notifications, raw, path);
      const first = time(data?.first, ['first']);
      const last = time(data?.last, ['last']);
      if (!data) return undefined;
      const ok = [owner(data.notifications, 'notifications'), data.first === undefined || first !== undefined, data.last === undefined || last !== undefined].every(Boolean);
      if (!ok) return undefined;
      const target = data.notifications;
      return defined({ ...base, kind, app: target.app, account: target.account, notification: target.kind, count: data.count, first, last });
    }
    case 'event': {
      const data = ctx.check(expectationSchemas.event, raw, path);
      const at = time(data?.at, ['at']);
      if (!data || !owner(data.event, 'event') || (data.at !== undefined && at === undefined)) return undefined;
      return defined({ ...base, kind, app: data.event.app, account: data.event.account, event: data.event.kind, nth: data.event.n, at });
    }
    case 'kpi': {
      const data = ctx.check(expectationSchemas.kpi, raw, path);
      if (!data) return undefined;
      const { kpi, ...bounds } = data;
      const targetOk = kpiTarget(ctx, kpi, [...path, 'kpi']);
      if (!kpiBounds(ctx, bounds, path) || !targetOk) return undefined;
      return defined({ ...base, kind, name: kpi.name, cohort: kpi.cohort, tag: kpi.tag, ...bounds });
    }
    case 'usage': {
      const data = ctx.check(expectationSchemas.usage, raw, path);
      if (!data || !app(data.usage.app, ['usage', 'app'])) return undefined;
      const { usage, ...figures } = data;
      return defined({ ...base, kind, app: usage.app, month: usage.month, ...figures });
    }
  }
}
