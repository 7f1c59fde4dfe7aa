/**
 * Builds the actors of a run. The machines are created once per run with the run's clock, and
 * run as `MachineActor`s (machineActor.ts) whose timers all sit in the clock's one heap.
 * Transitions are observed from each app actor's snapshots in `observeTransitions`; inspection
 * events are made only when a trace is asked for.
 */
import type { Snapshot } from 'xstate';
import { type AccountEmitted, type AccountMachine, accountMachine, accountPartsIn } from '../machines/account.machine.ts';
import { type AppEmitted, type AppMachine, appMachine, appPartsIn } from '../machines/app.machine.ts';
import { providedWith } from '../machines/parts.ts';
import { appTiming } from '../machines/appTiming.ts';
import type { AppState } from '../report/types.ts';
import type { AccountSpec, AppSpec } from '../scenario/types.ts';
import { FREE_EDITION, isPaidEdition } from '../domain/editions.ts';
import { editionAt, renewedEdition } from './editions.ts';
import { activePromotion, canPay, placeOrder, quote } from './orders.ts';
import { MachineActor, type MachineListener, type MachineSystem, machineSystem } from './machineActor.ts';
import type { AccountRuntime, AppRuntime, MachineName, World } from './runtime.ts';
import { TransitionMemo } from './transitionMemo.ts';
import { closeWarnings, openWarnings } from './warnings.ts';
import { purgeAfterRenewalInGrace } from './purge.ts';

export interface Machines {
  app: AppMachine;
  account: AccountMachine;
  systems: Record<MachineName, MachineSystem>;
  /** Each machine's steps replayed once taken (transitionMemo.ts); none when a trace is asked for, which sees every step XState takes. */
  memos?: Record<MachineName, TransitionMemo>;
}

export function createMachines(world: World): Machines {
  const now = () => world.clock.now();
  const { trace } = world;
  const systems = {
    app: machineSystem(trace && ((event) => trace('app', event))),
    account: machineSystem(trace && ((event) => trace('account', event))),
  };
  const app = appPartsIn({
    now,
    canAffordAutoRenewal: (appId, months) => {
      const app = world.apps.get(appId);
      return app !== undefined && canPay(app.account, quote(world, renewedEdition(world, app), months, true).total);
    },
  });
  const account = accountPartsIn({ now });
  if (trace) return { systems, app: providedWith(appMachine, app), account: providedWith(accountMachine, account) };
  const memos = { app: new TransitionMemo(appMachine, app), account: new TransitionMemo(accountMachine, account) };
  return { systems, app: memos.app.machine as AppMachine, account: memos.account.machine as AccountMachine, memos };
}

/** A restored actor: its persisted snapshot and its rank (see persist.ts). */
export interface Restored {
  snapshot: Snapshot<unknown>;
  rank: number;
}

/** What the engine keeps beside a restored app's machine. */
export type AppRecords = Pick<AppRuntime, 'state' | 'timeline' | 'orders' | 'packs' | 'storage' | 'editions' | 'warnings'>;

function nextRank(world: World): number {
  world.counters.actors += 1;
  return world.counters.actors;
}

export function startAccount(world: World, machines: Machines, spec: AccountSpec, restored?: Restored): AccountRuntime {
  const rank = restored?.rank ?? world.shard?.accountRank(spec.id) ?? nextRank(world);
  const listener = new AccountListener(world);
  const actor = new MachineActor(machines.account, {
    clock: world.clock.timersFor(rank),
    system: machines.systems.account,
    memo: machines.memos?.account,
    ...(restored ? { snapshot: restored.snapshot } : {}),
    input: {
      accountId: spec.id,
      balance: { ...spec.balance },
      payOrder: [...world.policy.balance.payOrder],
      suspendAfterDays: world.policy.arrears.suspendAfterDays,
      zone: world.zone,
    },
    listener,
  });
  const account: AccountRuntime = { id: spec.id, ...(spec.cohort ? { cohort: spec.cohort } : {}), rank, actor, apps: [], noReasonRefunds: 0 };
  listener.account = account;
  actor.start();
  world.accounts.set(account.id, account);
  return account;
}

/**
 * What the engine does with an account actor's steps: objects with methods rather than closures,
 * as a run makes one for every account and app. The runtime is set once made around its actor.
 */
class AccountListener implements MachineListener<AccountMachine> {
  account!: AccountRuntime;

  constructor(private readonly world: World) {}

  emitted(event: AccountEmitted): void {
    onAccountEmitted(this.world, this.account, event);
  }

  snapshot(): void {}
}

/** What the engine does with an app actor's steps: what its machine emits, and its transitions. */
class AppListener implements MachineListener<AppMachine> {
  app!: AppRuntime;

  constructor(private readonly world: World) {}

  emitted(event: AppEmitted): void {
    onAppEmitted(this.world, this.app, event);
  }

  snapshot(): void {
    observeTransitions(this.world, this.app);
  }
}

/** What an account's machine emits. */
function onAccountEmitted(world: World, account: AccountRuntime, event: AccountEmitted): void {
  const { recorder } = world;
  recorder.event(event.type, { account: account.id });
  if (event.type === 'arrearsStarted') recorder.notify('arrearsWarning', account.id);
  else if (event.type === 'accountSuspended') for (const app of liveApps(account)) app.actor.send({ type: 'ARREARS_SUSPEND' });
  else if (event.wasSuspended) for (const app of liveApps(account)) app.actor.send({ type: 'ARREARS_CLEARED' });
}

/** X5: a reclaimed app is gone for good; its actor has stopped. */
function liveApps(account: AccountRuntime): AppRuntime[] {
  return account.apps.filter((app) => app.state !== 'reclaimed');
}

export function topLevelState(value: unknown): AppState {
  return (typeof value === 'string' ? value : Object.keys(value as object)[0]) as AppState;
}

export function startApp(
  world: World,
  machines: Machines,
  account: AccountRuntime,
  spec: AppSpec,
  restored?: Restored & { records: AppRecords },
): AppRuntime {
  const rank = restored?.rank ?? world.shard?.appRank(spec.id) ?? nextRank(world);
  const listener = new AppListener(world);
  const actor = new MachineActor(machines.app, {
    clock: world.clock.timersFor(rank),
    system: machines.systems.app,
    memo: machines.memos?.app,
    ...(restored ? { snapshot: restored.snapshot } : {}),
    input: { appId: spec.id, accountId: account.id, timing: appTiming(world.policy, world.zone) },
    listener,
  });
  const app: AppRuntime = {
    id: spec.id,
    rank,
    spec,
    account,
    actor,
    state: 'trial',
    timeline: [{ at: world.clock.now(), state: 'trial' }],
    orders: [],
    packs: [],
    storage: [],
    editions: [{ at: world.clock.now(), edition: FREE_EDITION }],
    warnings: { generation: 0, last: null },
    ...restored?.records,
  };
  listener.app = app;
  account.apps.push(app);
  world.apps.set(app.id, app);
  actor.start();
  return app;
}

/** What an app's machine emits. */
function onAppEmitted(world: World, app: AppRuntime, event: AppEmitted): void {
  const { recorder } = world;
  if (event.type === 'warningsOpened') openWarnings(world, app, event.fresh);
  else if (event.type === 'warningsClosed') closeWarnings(app);
  else if (event.type === 'autoRenewFailed') recorder.notify('autoRenewFailed', app.account.id, app.id);
  else if (event.type === 'recordsPurged') recorder.event('recordsPurged', { app: app.id, account: app.account.id });
  else {
    const price = quote(world, event.edition, event.months, true, activePromotion(world, app, event.edition));
    placeOrder(world, app, { product: event.edition, months: event.months, kind: 'autoRenewal', start: event.start, end: event.end, price, edition: event.edition });
  }
}

/** The one adapter from an app actor's snapshots to the report's transitions. */
function observeTransitions(world: World, app: AppRuntime): void {
  const to = topLevelState(app.actor.value);
  if (to === app.state) return;
  const from = app.state;
  const cause = app.actor.context.cause ?? 'purchase';
  app.state = to;
  app.timeline.push({ at: world.clock.now(), state: to });
  world.recorder.transition(app.id, app.account.id, from, to, cause, editionAt(app, world.clock.now()));
  if (to === 'suspended') onSuspended(world, app);
  if (from === 'expiredGrace' && to === 'active') purgeAfterRenewalInGrace(world, app);
  if (to === 'reclaimed') {
    world.recorder.notify('reclaimed', app.account.id, app.id);
  }
}

/** X3 notice; F6 `cancel`: packs end with the suspension, without refund. */
function onSuspended(world: World, app: AppRuntime): void {
  world.recorder.notify('suspended', app.account.id, app.id);
  if (world.policy.lifecycle.packsOnProLapse !== 'cancel') return;
  const now = world.clock.now();
  for (const pack of app.packs.filter((held) => held.end > now)) {
    pack.end = now;
    world.recorder.event('packCancelled', { app: app.id, account: app.account.id, detail: pack.product });
  }
  for (const order of app.orders) if (!isPaidEdition(world.policy.editions, order.product) && order.end > now) order.cancelled = true;
}
