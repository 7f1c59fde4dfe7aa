/**
 * Events: each checked on its own in file order, then its references in time order, since an
 * app made by createApp exists only from that event on. The result is sorted by time; ties keep
 * file order.
 */
import { describeValue } from '../input/issues.ts';
import { defined, isRecord } from '../input/plainData.ts';
import { suggest } from '../input/suggest.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { parseApp } from './accountsParse.ts';
import type { ParseContext } from './parseContext.ts';
import { existingApp, knownAccount, knownProduct, policyLength } from './references.ts';
import { eventSchemas, eventTypeNames } from './schema.ts';
import type { EventType, ScenarioEvent } from './types.ts';

/** An event after its own checks, waiting for the reference checks made in time order. */
interface PendingEvent {
  path: PathSegment[];
  at?: number;
  event?: ScenarioEvent;
  app?: string;
  account?: string;
  creates?: string;
}

export function parseEvents(ctx: ParseContext, raws: unknown[]): ScenarioEvent[] {
  const pending = raws.map((raw, index) => parseEvent(ctx, raw, ['events', index]));
  const timed = pending.filter((entry) => entry.at !== undefined).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  const untimed = pending.filter((entry) => entry.at === undefined);
  const created = new Set<string>();
  for (const entry of [...timed, ...untimed]) {
    if (entry.account !== undefined) knownAccount(ctx, entry.account, [...entry.path, 'account']);
    if (entry.app !== undefined) existingApp(ctx, entry.app, [...entry.path, 'app'], entry.at, created);
    if (entry.creates !== undefined) created.add(entry.creates);
  }
  return timed.flatMap((entry) => (entry.event ? [entry.event] : []));
}

function parseEvent(ctx: ParseContext, raw: unknown, path: PathSegment[]): PendingEvent {
  if (!isRecord(raw)) {
    ctx.issue(path, `expected an event: a mapping with at, type and its fields, found ${describeValue(raw)}`);
    return { path };
  }
  const type = raw.type;
  const refs: PendingEvent = {
    path,
    app: typeof raw.app === 'string' ? raw.app : undefined,
    account: typeof raw.account === 'string' ? raw.account : undefined,
  };
  if (typeof type !== 'string' || !eventTypeNames.includes(type as EventType)) {
    const hint = typeof type === 'string' ? suggest(type, eventTypeNames) : `expected one of ${eventTypeNames.join(', ')}`;
    ctx.issue(type === undefined ? path : [...path, 'type'], `expected an event type, found ${describeValue(type)}; ${hint}`);
    return refs;
  }
  const line = ctx.line(path);
  const at = (text: string | undefined) => (text === undefined ? undefined : ctx.time(text, [...path, 'at'], true));
  switch (type as EventType) {
    case 'purchase':
    case 'renew': {
      const data = type === 'purchase' ? ctx.check(eventSchemas.purchase, raw, path) : ctx.check(eventSchemas.renew, raw, path);
      const when = at(data?.at);
      if (!data) return refs;
      // P6: a promotion id the policy does not define is not an input error; the simulator
      // charges full price and records promotionNotApplicable.
      const product = data.product === undefined || knownProduct(ctx, data.product, [...path, 'product'], when);
      const ok = [product, policyLength(ctx, data.months, [...path, 'months'])].every(Boolean);
      return { ...refs, at: when, event: when !== undefined && ok ? defined({ ...data, at: when, line }) : undefined };
    }
    case 'refund': {
      const data = ctx.check(eventSchemas.refund, raw, path);
      const when = at(data?.at);
      if (!data) return refs;
      const ok = knownProduct(ctx, data.product, [...path, 'product'], when);
      return { ...refs, at: when, event: when !== undefined && ok ? { ...data, at: when, line } : undefined };
    }
    case 'topUp': {
      const data = ctx.check(eventSchemas.topUp, raw, path);
      const when = at(data?.at);
      if (!data) return refs;
      return { ...refs, at: when, event: when !== undefined ? { ...data, at: when, line } : undefined };
    }
    case 'setAutoRenew': {
      const data = ctx.check(eventSchemas.setAutoRenew, raw, path);
      const when = at(data?.at);
      if (!data) return refs;
      return { ...refs, at: when, event: when !== undefined ? { ...data, at: when, line } : undefined };
    }
    case 'setStorageExtension': {
      const data = ctx.check(eventSchemas.setStorageExtension, raw, path);
      const when = at(data?.at);
      if (!data) return refs;
      // U3: storage may be extended by 0 (off) to maxMonths months.
      const max = ctx.policy?.usage.storageExtension.maxMonths;
      const ok = max === undefined || (data.months >= 0 && data.months <= max);
      if (!ok) ctx.issue([...path, 'months'], `expected 0 (off) to ${max} months of storage extension (U3), found ${data.months}`);
      return { ...refs, at: when, event: when !== undefined && ok ? { ...data, at: when, line } : undefined };
    }
    case 'createApp': {
      const data = ctx.check(eventSchemas.createApp, raw, path);
      const when = at(data?.at);
      const appRaw = data?.app ?? raw.app;
      const creates = isRecord(appRaw) && typeof appRaw.id === 'string' ? appRaw.id : undefined;
      const app = parseApp(ctx, appRaw, [...path, 'app'], when, true);
      const entry: PendingEvent = { path, account: refs.account, creates, at: when };
      if (data && app && when !== undefined) entry.event = { type: 'createApp', account: data.account, app, at: when, line };
      return entry;
    }
  }
}
