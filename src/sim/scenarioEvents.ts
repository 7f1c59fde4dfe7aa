/**
 * Plays one scenario event at its instant. Business refusals become denials (X6 and the
 * rest); the run goes on.
 */
import type { ScenarioEvent } from '../scenario/types.ts';
import { type Machines, startApp } from './actors.ts';
import { buy, deny } from './purchases.ts';
import { renewedEdition } from './editions.ts';
import { refund } from './refunds.ts';
import type { AppRuntime, World } from './runtime.ts';

/** Every event type has its case: a new one that is not played does not compile. */
export function playEvent(world: World, machines: Machines, event: ScenarioEvent): void {
  switch (event.type) {
    case 'topUp':
      topUp(world, event);
      break;
    case 'createApp':
      createApp(world, machines, event);
      break;
    default:
      playAppEvent(world, appOf(world, event.app), event);
  }
}

function createApp(world: World, machines: Machines, event: Extract<ScenarioEvent, { type: 'createApp' }>): void {
  const account = world.accounts.get(event.account);
  if (!account) throw new Error(`unknown account ${event.account}: the loader lets no such event through`);
  startApp(world, machines, account, { ...event.app, createdAt: event.at });
  world.recorder.event('appCreated', { app: event.app.id, account: event.account });
}

/** The app of an event or a customer's reaction: every app they name was started (the loader checks). */
export function appOf(world: World, id: string): AppRuntime {
  const app = world.apps.get(id);
  if (!app) throw new Error(`unknown app ${id}: the loader lets no such event through`);
  return app;
}

function playAppEvent(world: World, app: AppRuntime, written: Exclude<ScenarioEvent, { type: 'topUp' | 'createApp' }>): void {
  // A `renew` that names no product renews the edition of the app's last period.
  const event = written.type === 'renew' ? { ...written, product: written.product ?? renewedEdition(world, app) } : written;
  if (app.state === 'reclaimed') {
    deny(world, app, event, 'reclaimed');
    return;
  }
  switch (event.type) {
    case 'purchase':
    case 'renew':
      buy(world, app, event);
      break;
    case 'refund':
      refund(world, app, event);
      break;
    case 'setStorageExtension':
      setStorageExtension(world, app, event.months);
      break;
    case 'setAutoRenew':
      app.actor.send({ type: 'SET_AUTO_RENEW', on: event.on });
      world.recorder.event('autoRenewSet', { app: app.id, account: app.account.id, detail: event.on ? 'on' : 'off', ...(event.by ? { by: event.by } : {}) });
      break;
    default:
      unplayed(event);
  }
}

function unplayed(event: never): never {
  throw new Error(`no case plays the event ${JSON.stringify(event)}`);
}

/** U3: only an app on pro may switch the extension on; switching it off is always allowed. */
function setStorageExtension(world: World, app: AppRuntime, months: number): void {
  if (months > 0 && app.state !== 'active' && app.state !== 'expiredGrace') {
    deny(world, app, { type: 'setStorageExtension' }, app.state === 'suspended' ? 'suspended' : 'proRequired');
    return;
  }
  app.storage.push({ at: world.clock.now(), months });
  world.recorder.event('storageExtensionSet', { app: app.id, account: app.account.id, detail: `${months} month(s)` });
}

/** A1: a top-up adds cash (income and gift transfers too); A4: it pays the debt first. */
function topUp(world: World, event: Extract<ScenarioEvent, { type: 'topUp' }>): void {
  const account = world.accounts.get(event.account);
  if (!account) throw new Error(`unknown account ${event.account}: the loader lets no such event through`);
  account.actor.send({ type: 'RECEIVE', parts: { cash: event.cash, income: event.income, gift: event.gift } });
  const after = account.actor.context;
  world.recorder.balance(account.id, after.balance, after.debt, 'top-up', event.by);
}
