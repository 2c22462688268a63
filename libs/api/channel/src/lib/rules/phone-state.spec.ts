import { evaluateSendWindow, quietHoursFor, recipientStates, stateOfPhone, strictestState } from './send-window';
import { stateAttemptLimit } from './touch-cap';

describe('the state of a number, from its area code (libphonenumber geocoding data)', () => {
  it('knows FL, OK and MD area codes, overlays included, and ordinary ones', () => {
    expect(['+13055550123', '+17865550123', '+16895550123', '+14055550123', '+15395550123', '+14105550123', '+16675550123'].map(stateOfPhone)).toEqual(['FL', 'FL', 'FL', 'OK', 'OK', 'MD', 'MD']);
    expect(stateOfPhone('+12125550123')).toBe('NY');
    expect(stateOfPhone('+13105550123')).toBe('CA');
  });

  it('gives no state for Canadian, foreign or malformed numbers', () => {
    expect(stateOfPhone('+14165550123')).toBeNull();
    expect(stateOfPhone('+442071234567')).toBeNull();
    expect(stateOfPhone('3055550123')).toBeNull();
    expect(stateOfPhone(null)).toBeNull();
  });
});

describe('FL/OK/MD rules judged by the number as well as the address (strictest wins)', () => {
  const fl305WithCaAddress = { timeZone: 'America/Los_Angeles', ...recipientStates('CA', '+13055550123') };
  const ok405NoAddress = { timeZone: 'America/Chicago', ...recipientStates(null, '+14055550123') };
  const ny212InNy = { timeZone: 'America/New_York', ...recipientStates('NY', '+12125550123') };

  it('a 305 number with a CA address: 3 per 24 h and the 20:00 end', () => {
    expect(strictestState('CA', stateOfPhone('+13055550123'))).toBe('FL');
    expect(stateAttemptLimit(fl305WithCaAddress.state, fl305WithCaAddress.phoneState)).toEqual({ limit: 3, windowHours: 24 });
    expect(quietHoursFor(fl305WithCaAddress)).toEqual({ zones: ['America/Los_Angeles'], start: '08:00', end: '20:00' });
    // 20:30 in Los Angeles (PDT): allowed under the federal 21:00, held under Florida's 20:00 until 08:00 next day.
    const decision = evaluateSendWindow(new Date('2026-06-10T03:30:00Z'), fl305WithCaAddress, { timeZone: 'America/Los_Angeles' });
    expect(decision).toEqual({ allowedNow: false, blockedBy: 'quiet_hours', nextAllowedAt: new Date('2026-06-10T15:00:00Z') });
  });

  it('a 405 number with no address: Oklahoma caps it', () => {
    expect(strictestState(null, stateOfPhone('+14055550123'))).toBe('OK');
    expect(stateAttemptLimit(ok405NoAddress.state, ok405NoAddress.phoneState)).toEqual({ limit: 3, windowHours: 24 });
    expect(quietHoursFor(ok405NoAddress).end).toBe('20:00');
  });

  it('a 212 number in NY: no state cap, the federal 21:00 end', () => {
    expect(strictestState('NY', stateOfPhone('+12125550123'))).toBe('NY');
    expect(stateAttemptLimit(ny212InNy.state, ny212InNy.phoneState)).toBeNull();
    expect(quietHoursFor(ny212InNy)).toEqual({ zones: ['America/New_York'], start: '08:00', end: '21:00' });
    expect(evaluateSendWindow(new Date('2026-06-11T00:30:00Z'), ny212InNy, { timeZone: 'America/New_York' }).allowedNow).toBe(true);
  });

  it('with an unknown zone, the window holds in the zones of both states', () => {
    expect(quietHoursFor({ timeZone: null, ...recipientStates('CA', '+13055550123') }).zones).toEqual(['America/Los_Angeles', 'America/New_York', 'America/Chicago']);
  });
});
