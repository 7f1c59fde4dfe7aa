import { describe, expect, it } from 'vitest';
import { appCount } from '../../src/scenario/appCount.ts';

describe('appCount', () => {
  it('adds up the apps of every account, none for an account without apps or for no accounts', () => {
    expect(appCount([{ apps: [1, 2, 3] }, { apps: [] }, { apps: ['a'] }])).toBe(4);
    expect(appCount([])).toBe(0);
  });
});
