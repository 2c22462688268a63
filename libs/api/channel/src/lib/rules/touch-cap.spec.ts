import { checkDailyCap, checkRollingCap, localDayOf, localDayRange, stateAttemptLimit } from './touch-cap';

const at = (iso: string) => new Date(iso);

describe('daily caps', () => {
  it('counts a send towards the local day of the zone, not the UTC day', () => {
    expect(localDayOf(at('2026-06-11T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-06-10');
    expect(localDayOf(at('2026-06-11T02:00:00Z'), 'UTC')).toBe('2026-06-11');
  });

  it('knows DST days are 23 and 25 hours long', () => {
    const spring = localDayRange('2026-03-08', 'America/New_York');
    expect(spring.start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const fall = localDayRange('2026-11-01', 'America/New_York');
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
    const phoenix = localDayRange('2026-03-08', 'America/Phoenix');
    expect((phoenix.end.getTime() - phoenix.start.getTime()) / 3_600_000).toBe(24);
  });

  it('refuses past the cap and reopens at the next local midnight', () => {
    const sentAt = [at('2026-11-01T05:30:00Z'), at('2026-11-01T06:30:00Z'), at('2026-10-31T12:00:00Z')]; // 01:30 EDT, 01:30 EST, day before
    const check = checkDailyCap({ sentAt, now: at('2026-11-01T20:00:00Z'), zone: 'America/New_York', cap: 2 });
    expect(check).toEqual({ day: '2026-11-01', allowed: false, used: 2, remaining: 0, nextAllowedAt: at('2026-11-02T05:00:00Z') });
    expect(checkDailyCap({ sentAt, now: at('2026-11-01T20:00:00Z'), zone: 'America/New_York', cap: 3 })).toMatchObject({ allowed: true, remaining: 1 });
  });
});

describe('rolling caps (FL/OK/MD: 3 per 24 h)', () => {
  it('allows up to the limit within any 24 hours', () => {
    const sentAt = [at('2026-06-10T13:00:00Z'), at('2026-06-10T18:00:00Z')];
    expect(checkRollingCap({ sentAt, now: at('2026-06-10T20:00:00Z'), limit: 3, windowHours: 24 })).toEqual({
      allowed: true,
      used: 2,
      remaining: 1,
      nextAllowedAt: at('2026-06-10T20:00:00Z'),
    });
  });

  it('when full, reopens 24 h after the oldest counted attempt', () => {
    const sentAt = [at('2026-06-09T10:00:00Z'), at('2026-06-10T13:00:00Z'), at('2026-06-10T15:00:00Z'), at('2026-06-10T18:00:00Z')];
    expect(checkRollingCap({ sentAt, now: at('2026-06-10T20:00:00Z'), limit: 3, windowHours: 24 })).toEqual({
      allowed: false,
      used: 3,
      remaining: 0,
      nextAllowedAt: at('2026-06-11T13:00:00Z'),
    });
  });

  it('applies to FL, OK, MD and to an unknown state, not to others', () => {
    expect(stateAttemptLimit('FL')).toEqual({ limit: 3, windowHours: 24 });
    expect(stateAttemptLimit('ok')).toEqual({ limit: 3, windowHours: 24 });
    expect(stateAttemptLimit(null)).toEqual({ limit: 3, windowHours: 24 });
    expect(stateAttemptLimit('CA')).toBeNull();
  });
});
