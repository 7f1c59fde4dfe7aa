import { describe, expect, it } from 'vitest';
import { zoneNamed, localDay, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import { dayStateMasks, PRO_DAY, servedUsers, stateBits, TRIAL_DAY } from '../../src/domain/dayStates.ts';

const zone = zoneNamed('Asia/Shanghai') as Zone;
const at = (text: string) => parseLocalTime(text, zone) as number;
const day = (text: string) => localDay(at(text), zone);

describe('day states', () => {
  const spells = [
    { state: 'trial' as const, start: at('2020-03-01'), end: at('2020-03-09T10:10:52') },
    { state: 'active' as const, start: at('2020-03-09T10:10:52'), end: at('2020-04-08T10:10:52') },
    { state: 'expiredGrace' as const, start: at('2020-04-08T10:10:52'), end: at('2020-04-16') },
    { state: 'suspended' as const, start: at('2020-04-16'), end: at('2020-05-01') },
  ];
  const masks = dayStateMasks(spells, day('2020-03-01'), day('2020-05-01'), zone);
  const maskOf = (date: string) => masks[day(date) - day('2020-03-01')];

  it('U1: the day pro is bought is a pro day, and so is the day grace begins', () => {
    expect(maskOf('2020-03-09') & PRO_DAY).not.toBe(0);
    expect(maskOf('2020-03-09') & TRIAL_DAY).not.toBe(0);
    expect(maskOf('2020-04-08')).toBe(stateBits.active | stateBits.expiredGrace);
  });

  it('U1: a day suspended from its first moment to its last is neither pro nor trial', () => {
    expect(maskOf('2020-04-16')).toBe(stateBits.suspended);
  });

  it('E4: a trial day serves at most the trial users; a pro day serves everyone; a suspended day no one', () => {
    expect(servedUsers(maskOf('2020-03-05'), 150, 100)).toBe(100);
    expect(servedUsers(maskOf('2020-03-09'), 150, 100)).toBe(150);
    expect(servedUsers(maskOf('2020-04-20'), 150, 100)).toBe(0);
    expect(servedUsers(maskOf('2020-03-05'), 150, null)).toBe(150);
  });
});
