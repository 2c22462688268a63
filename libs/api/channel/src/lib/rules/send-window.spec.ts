import { ChannelException } from '../channel.exception';
import { CampaignSchedule, evaluateSendWindow, nextAllowedSendTime, quietHoursFor, RecipientLocation, validateCampaignSchedule } from './send-window';

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const anyTime: CampaignSchedule = { timeZone: 'America/New_York' };
const inZone = (timeZone: string, state: string | null = null): RecipientLocation => ({ timeZone, state });

describe('send windows', () => {
  describe('quiet hours 08:00–21:00 in the recipient’s zone', () => {
    it('allows a send inside the window at once', () => {
      const now = at('2026-06-10T14:00:00Z'); // 10:00 EDT
      expect(evaluateSendWindow(now, inZone('America/New_York', 'NY'), anyTime)).toEqual({ allowedNow: true, nextAllowedAt: now, blockedBy: null });
    });

    it('defers an early-morning send to 08:00 local, and a late one to 08:00 the next day', () => {
      expect(iso(nextAllowedSendTime(at('2026-06-10T10:00:00Z'), inZone('America/New_York', 'NY'), anyTime))).toBe('2026-06-10T12:00:00.000Z');
      const late = evaluateSendWindow(at('2026-06-11T01:00:00Z'), inZone('America/New_York', 'NY'), anyTime); // 21:00 EDT
      expect(late).toEqual({ allowedNow: false, nextAllowedAt: at('2026-06-11T12:00:00Z'), blockedBy: 'quiet_hours' });
    });

    it('allows 20:59:59 and refuses 21:00:00', () => {
      expect(evaluateSendWindow(at('2026-06-11T00:59:59Z'), inZone('America/New_York', 'NY'), anyTime).allowedNow).toBe(true);
      expect(evaluateSendWindow(at('2026-06-11T01:00:00Z'), inZone('America/New_York', 'NY'), anyTime).allowedNow).toBe(false);
    });

    it('ends at 20:00 in Florida, Oklahoma and Maryland', () => {
      const eightPmEastern = at('2026-06-11T00:30:00Z'); // 20:30 EDT
      expect(evaluateSendWindow(eightPmEastern, inZone('America/New_York', 'GA'), anyTime).allowedNow).toBe(true);
      expect(evaluateSendWindow(eightPmEastern, inZone('America/New_York', 'FL'), anyTime).allowedNow).toBe(false);
      expect(evaluateSendWindow(eightPmEastern, inZone('America/New_York', 'md'), anyTime).allowedNow).toBe(false);
      expect(evaluateSendWindow(at('2026-06-11T01:30:00Z'), inZone('America/Chicago', 'OK'), anyTime).allowedNow).toBe(false); // 20:30 CDT
    });

    it('treats an unknown state as possibly strict (08:00–20:00) in a known zone', () => {
      expect(quietHoursFor(inZone('America/Chicago'))).toEqual({ zones: ['America/Chicago'], start: '08:00', end: '20:00' });
      expect(evaluateSendWindow(at('2026-06-11T01:30:00Z'), inZone('America/Chicago'), anyTime).allowedNow).toBe(false);
    });
  });

  describe('across DST changes', () => {
    it('New York spring-forward (2026-03-08): 08:00 EDT is 12:00Z, the day before it was 13:00Z', () => {
      expect(iso(nextAllowedSendTime(at('2026-03-07T06:30:00Z'), inZone('America/New_York', 'NY'), anyTime))).toBe('2026-03-07T13:00:00.000Z');
      expect(iso(nextAllowedSendTime(at('2026-03-08T06:30:00Z'), inZone('America/New_York', 'NY'), anyTime))).toBe('2026-03-08T12:00:00.000Z');
    });

    it('New York fall-back (2026-11-01): from 01:30 EDT the next send is 08:00 EST', () => {
      expect(iso(nextAllowedSendTime(at('2026-11-01T05:30:00Z'), inZone('America/New_York', 'NY'), anyTime))).toBe('2026-11-01T13:00:00.000Z');
      // 21:00 EST on the day of the change is 02:00Z, one hour later than the day before.
      expect(evaluateSendWindow(at('2026-11-02T01:30:00Z'), inZone('America/New_York', 'NY'), anyTime).allowedNow).toBe(true);
      expect(evaluateSendWindow(at('2026-11-01T01:30:00Z'), inZone('America/New_York', 'NY'), anyTime).allowedNow).toBe(false);
    });

    it('Los Angeles: a send refused at 21:30 PST goes at 08:00 PDT after the change', () => {
      expect(iso(nextAllowedSendTime(at('2026-03-08T05:30:00Z'), inZone('America/Los_Angeles', 'CA'), anyTime))).toBe('2026-03-08T15:00:00.000Z');
      expect(iso(nextAllowedSendTime(at('2026-11-01T05:30:00Z'), inZone('America/Los_Angeles', 'CA'), anyTime))).toBe('2026-11-01T16:00:00.000Z');
    });

    it('Phoenix keeps 08:00 MST = 15:00Z on both change days', () => {
      expect(iso(nextAllowedSendTime(at('2026-03-08T10:00:00Z'), inZone('America/Phoenix', 'AZ'), anyTime))).toBe('2026-03-08T15:00:00.000Z');
      expect(iso(nextAllowedSendTime(at('2026-11-01T10:00:00Z'), inZone('America/Phoenix', 'AZ'), anyTime))).toBe('2026-11-01T15:00:00.000Z');
    });

    it('Honolulu keeps 08:00 HST = 18:00Z all year', () => {
      expect(iso(nextAllowedSendTime(at('2026-03-08T12:00:00Z'), inZone('Pacific/Honolulu', 'HI'), anyTime))).toBe('2026-03-08T18:00:00.000Z');
      expect(iso(nextAllowedSendTime(at('2026-11-01T12:00:00Z'), inZone('Pacific/Honolulu', 'HI'), anyTime))).toBe('2026-11-01T18:00:00.000Z');
    });

    it('a New York campaign window seen from Phoenix opens only while New York is on standard time', () => {
      const schedule: CampaignSchedule = { timeZone: 'America/New_York', dailyStart: '09:00', dailyEnd: '11:00' };
      const phoenix = inZone('America/Phoenix', 'AZ');
      // Winter: 09:00–11:00 EST is 07:00–09:00 MST, so 08:00–09:00 MST (10:00 EST) works.
      expect(iso(nextAllowedSendTime(at('2026-03-06T12:00:00Z'), phoenix, schedule))).toBe('2026-03-06T15:00:00.000Z');
      // From 2026-03-08 it is 06:00–08:00 MST, entirely before 08:00: nothing until New York falls back on 2026-11-01.
      expect(iso(nextAllowedSendTime(at('2026-03-09T12:00:00Z'), phoenix, schedule))).toBe('2026-11-01T15:00:00.000Z');
    });

    it('a daily window starting inside the spring-forward gap opens when the gap ends', () => {
      const schedule: CampaignSchedule = { timeZone: 'America/New_York', dailyStart: '02:30', dailyEnd: '03:30' };
      const tokyo = inZone('Asia/Tokyo');
      // 02:30 does not exist on 2026-03-08 in New York; 03:00 EDT (07:00Z, 16:00 in Tokyo) is the first instant of the window.
      expect(iso(nextAllowedSendTime(at('2026-03-08T05:00:00Z'), tokyo, schedule))).toBe('2026-03-08T07:00:00.000Z');
    });
  });

  describe('unknown zone: the window must hold in every zone the recipient could be in', () => {
    it('without zone and state, only 08:00 Honolulu to 20:00 Eastern/Atlantic is safe (18:00Z–00:00Z)', () => {
      const unknown: RecipientLocation = { timeZone: null, state: null };
      expect(iso(nextAllowedSendTime(at('2026-07-01T15:00:00Z'), unknown, anyTime))).toBe('2026-07-01T18:00:00.000Z');
      expect(evaluateSendWindow(at('2026-07-01T23:59:00Z'), unknown, anyTime).allowedNow).toBe(true);
      expect(iso(nextAllowedSendTime(at('2026-07-02T00:00:00Z'), unknown, anyTime))).toBe('2026-07-02T18:00:00.000Z');
      // In winter New York ends at 01:00Z but Puerto Rico (no DST) still ends at 00:00Z.
      expect(evaluateSendWindow(at('2026-01-15T00:30:00Z'), unknown, anyTime).allowedNow).toBe(false);
    });

    it('with a known state, uses that state’s zones: Texas spans Central and Mountain', () => {
      const texas: RecipientLocation = { timeZone: null, state: 'TX' };
      // 08:00 MDT (El Paso) is 14:00Z; 08:00 CDT alone would be 13:00Z.
      expect(iso(nextAllowedSendTime(at('2026-07-01T13:00:00Z'), texas, anyTime))).toBe('2026-07-01T14:00:00.000Z');
      // 21:00 CDT is 02:00Z; Mountain time would still allow it.
      expect(evaluateSendWindow(at('2026-07-02T01:59:00Z'), texas, anyTime).allowedNow).toBe(true);
      expect(evaluateSendWindow(at('2026-07-02T02:00:00Z'), texas, anyTime).allowedNow).toBe(false);
    });

    it('treats an invalid zone as unknown rather than trusting it', () => {
      expect(quietHoursFor({ timeZone: 'Mars/Olympus', state: 'FL' })).toEqual({ zones: ['America/New_York', 'America/Chicago'], start: '08:00', end: '20:00' });
    });
  });

  describe('campaign schedule', () => {
    const weekdays9to5: CampaignSchedule = {
      timeZone: 'America/Los_Angeles',
      startDate: '2026-06-01',
      endDate: '2026-06-30',
      dailyStart: '09:00',
      dailyEnd: '17:00',
      daysOfWeek: [1, 2, 3, 4, 5],
    };
    const newYorker = inZone('America/New_York', 'NY');

    it('intersects the campaign hours (in the campaign’s zone) with the recipient’s quiet hours', () => {
      // Wed 2026-06-10 08:30 EDT: quiet hours allow it, but 05:30 in Los Angeles is before the campaign's 09:00.
      const decision = evaluateSendWindow(at('2026-06-10T12:30:00Z'), newYorker, weekdays9to5);
      expect(decision).toEqual({ allowedNow: false, nextAllowedAt: at('2026-06-10T16:00:00Z'), blockedBy: 'campaign_hours' });
      // 17:00 PDT is 20:00 EDT: allowed until then for a New Yorker, but a Marylander stops at 20:00 anyway.
      expect(evaluateSendWindow(at('2026-06-10T23:59:00Z'), newYorker, weekdays9to5).allowedNow).toBe(true);
    });

    it('skips days the campaign does not run: Saturday waits for Monday', () => {
      const saturday = at('2026-06-13T18:00:00Z');
      const decision = evaluateSendWindow(saturday, newYorker, weekdays9to5);
      expect(decision.blockedBy).toBe('campaign_days');
      expect(iso(decision.nextAllowedAt)).toBe('2026-06-15T16:00:00.000Z');
    });

    it('reads 0 as Sunday like 7', () => {
      const sundays: CampaignSchedule = { timeZone: 'America/New_York', daysOfWeek: [0] };
      expect(iso(nextAllowedSendTime(at('2026-06-12T15:00:00Z'), newYorker, sundays))).toBe('2026-06-14T12:00:00.000Z');
    });

    it('waits for the start date and stops after the end date', () => {
      expect(iso(nextAllowedSendTime(at('2026-05-20T16:00:00Z'), newYorker, weekdays9to5))).toBe('2026-06-01T16:00:00.000Z');
      const over = evaluateSendWindow(at('2026-07-01T16:00:00Z'), newYorker, weekdays9to5);
      expect(over).toEqual({ allowedNow: false, nextAllowedAt: null, blockedBy: 'campaign_dates' });
      // Last day, Tue 2026-06-30, 21:00 in New York (18:00 in Los Angeles): held by quiet hours, with no window left.
      const lastEvening = evaluateSendWindow(at('2026-07-01T01:00:00Z'), newYorker, weekdays9to5);
      expect(lastEvening).toEqual({ allowedNow: false, nextAllowedAt: null, blockedBy: 'quiet_hours' });
      expect(evaluateSendWindow(at('2026-06-30T23:00:00Z'), newYorker, weekdays9to5).allowedNow).toBe(true);
    });

    it('returns null when the campaign hours never meet the quiet hours', () => {
      const dawn: CampaignSchedule = { timeZone: 'America/New_York', dailyStart: '06:00', dailyEnd: '07:30' };
      expect(nextAllowedSendTime(at('2026-06-10T12:00:00Z'), newYorker, dawn)).toBeNull();
    });

    it('refuses a schedule that cannot be read, naming each problem', () => {
      const bad: CampaignSchedule = { timeZone: 'Nowhere/City', startDate: '2026-13-01', dailyStart: '17:00', dailyEnd: '09:00', daysOfWeek: [] };
      expect(validateCampaignSchedule(bad)).toEqual([
        'timeZone "Nowhere/City" is not an IANA time zone',
        'startDate "2026-13-01" is not a YYYY-MM-DD date',
        'dailyEnd must be after dailyStart (overnight windows are not allowed)',
        'daysOfWeek is empty',
      ]);
      expect(validateCampaignSchedule({ timeZone: 'UTC', dailyStart: '9am', endDate: '2026-01-01', startDate: '2026-02-01', daysOfWeek: [8] })).toEqual([
        'endDate is before startDate',
        'dailyStart and dailyEnd go together',
        'daysOfWeek has 8; use 1 (Monday) to 7 (Sunday)',
      ]);
      expect(() => evaluateSendWindow(at('2026-06-10T12:00:00Z'), newYorker, bad)).toThrow(ChannelException);
      expect(validateCampaignSchedule(weekdays9to5)).toEqual([]);
      expect(validateCampaignSchedule({ timeZone: 'UTC', dailyStart: '00:00', dailyEnd: '24:00' })).toEqual([]);
    });
  });
});
