/**
 * Editions as data in the policy file: any number of paid editions beside the free `trial`, and
 * what the loader refuses about them, each at the line to fix.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionMove, paidEditionIds, upgradesFrom } from '../../src/domain/editions.ts';
import { InputError } from '../../src/inputError.ts';
import { loadPolicy, parsePolicy } from '../../src/policy/load.ts';

function issuesOf(text: string): string[] {
  try {
    parsePolicy(text, 'p.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((issue) => `${issue.line} ${issue.path} ${issue.message}`);
    throw error;
  }
  return [];
}

const base = 'extends: tencent-im-2019\nid: editions\n';

describe('editions in the policy', () => {
  it('the 2019 policy has one paid edition, pro, and no upgrade path', () => {
    const { editions } = loadPolicy('tencent-im-2019');
    expect(paidEditionIds(editions)).toEqual(['pro']);
    expect(editionMove(editions, 'pro', 'pro')).toBe('same');
  });

  it('upgrade paths chain, and a downgrade is an upgrade read backwards', () => {
    const editions = {
      trial: { limits: {} },
      pro: { upgradesTo: ['flagship'] },
      flagship: { upgradesTo: ['enterprise'] },
      enterprise: {},
      lite: {},
    } as never;
    expect([...upgradesFrom(editions, 'pro')]).toEqual(['flagship', 'enterprise']);
    expect(editionMove(editions, 'pro', 'enterprise')).toBe('upgrade');
    expect(editionMove(editions, 'enterprise', 'pro')).toBe('downgrade');
    expect(editionMove(editions, 'lite', 'pro')).toBe('none');
  });

  it('refuses a paid edition without a price, an upgrade to an unknown edition, a path that leads back, and packs that name editions wrongly', () => {
    const text = `${base}editions:
  pro: { upgradesTo: [flagship, gold] }
  flagship: { includedDau: 1, validity: dayBefore, limits: { users: null, groupMembers: 1, friends: 1, groupsPerUser: 1, avChatrooms: 1 }, upgradesTo: [pro] }
packs:
  flagship: { family: avChatrooms, pricePerMonth: "1", limit: 1 }
  extra: { family: avChatrooms, pricePerMonth: "1", limit: 1, editions: [trial] }
`;
    expect(issuesOf(text)).toEqual([
      '4 editions.pro.upgradesTo.0 expected an upgrade path that does not lead back to pro',
      '4 editions.pro.upgradesTo.1 expected a paid edition (pro, flagship), found "gold"',
      '5 editions.flagship expected pricePerMonth: flagship is a paid edition (P1)',
      '5 editions.flagship.upgradesTo.0 expected an upgrade path that does not lead back to flagship',
      '7 packs.flagship expected a pack id other than "flagship", which names an edition',
      '8 packs.extra.editions.0 expected a paid edition (pro, flagship), found "trial"',
    ]);
  });

  it('refuses a price on trial, which is free (E1)', () => {
    expect(issuesOf(`${base}editions:\n  trial: { pricePerMonth: "1" }\n`)).toEqual(['4 editions.trial.pricePerMonth expected no pricePerMonth: trial is free (E1)']);
  });

  it('refuses a user limit on a paid edition (E2) and an edition discount for a length the policy does not sell (P3)', () => {
    const text = `${base}editions:\n  pro: { limits: { users: 1000 }, discounts: { 48: "0.5" } }\n`;
    expect(issuesOf(text)).toEqual([
      '4 editions.pro.limits.users expected null: a paid edition serves every user (E2), found 1000',
      '4 editions.pro.discounts.48 expected a length from 1 to 36 months, found 48',
    ]);
  });

  it('the 2020 policy sells pro and flagship, each with its own add-ons, and 10,000 DAU included in both', () => {
    const policy = loadPolicy('tencent-im-2020');
    expect(paidEditionIds(policy.editions)).toEqual(['pro', 'flagship']);
    expect(editionMove(policy.editions, 'pro', 'flagship')).toBe('upgrade');
    expect([policy.editions.pro.includedDau, policy.editions.flagship.includedDau]).toEqual([10000, 10000]);
    const packsFor = (edition: string) => Object.keys(policy.packs).filter((id) => policy.packs[id].editions?.includes(edition));
    expect(packsFor('flagship')).toEqual(['groupMembers6000', 'groupsPerUser3000']);
    expect(packsFor('pro')).toEqual(['avChatroomUnlimited', 'groupMembers2000', 'groupsPerUser1000', 'groupsPerUser2000']);
  });

  it('the "adding an edition" example of docs/policy.md loads as written', () => {
    const doc = readFileSync('docs/policy.md', 'utf8');
    const example = doc.match(/```yaml\n# enterprise\.yaml\n([\s\S]*?)```/)?.[1];
    expect(example).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'imsim-editions-'));
    writeFileSync(join(dir, 'enterprise.yaml'), example ?? '');
    const policy = loadPolicy(join(dir, 'enterprise.yaml'));
    expect(paidEditionIds(policy.editions)).toEqual(['pro', 'enterprise']);
    expect(editionMove(policy.editions, 'pro', 'enterprise')).toBe('upgrade');
  });
});
