import { hasErrors, scheduleRequestOf, validateBasics, validateChoice, validateSchedule } from './wizard-validation';
import type { ScheduleValues } from './wizard-validation';

const schedule = (overrides: Partial<ScheduleValues> = {}): ScheduleValues => ({
  timeZone: 'America/New_York',
  startDate: '2026-12-01',
  endDate: '2026-12-31',
  dailyStart: '09:00',
  dailyEnd: '17:00',
  daysOfWeek: [1, 2, 3, 4, 5],
  dailyCap: '200',
  budgetLimitUsd: '250',
  ...overrides,
});

describe('wizard validation', () => {
  it('needs a campaign name', () => {
    expect(validateBasics({ name: '   ', type: 'custom', neighborhood: '' }).name).toBe('Give the campaign a name.');
    expect(hasErrors(validateBasics({ name: 'Spring farm', type: 'custom', neighborhood: 'PDCC' }))).toBe(false);
  });

  it('needs at least one channel', () => {
    expect(validateChoice([])).toBe('Choose at least one way to reach your contacts.');
    expect(validateChoice(['text'])).toBeNull();
  });

  it('catches schedules that could never send', () => {
    expect(hasErrors(validateSchedule(schedule()))).toBe(false);
    expect(validateSchedule(schedule({ endDate: '2026-11-30' })).endDate).toBe('The last day cannot be before the first day.');
    expect(validateSchedule(schedule({ dailyEnd: '09:00' })).dailyEnd).toBe('The window must end after it starts.');
    expect(validateSchedule(schedule({ dailyEnd: '' })).dailyEnd).toBe('Give both ends of the daily window, or neither.');
    expect(validateSchedule(schedule({ daysOfWeek: [] })).daysOfWeek).toBe('Choose at least one day of the week.');
    expect(validateSchedule(schedule({ timeZone: 'Mars/Olympus' })).timeZone).toBe('“Mars/Olympus” is not a time zone we know.');
    expect(validateSchedule(schedule({ dailyCap: '0' })).dailyCap).toBeDefined();
    expect(validateSchedule(schedule({ budgetLimitUsd: '10.005' })).budgetLimitUsd).toBe('Use at most two decimals (cents).');
  });

  it('sends every day as no day restriction and empty fields as null', () => {
    expect(scheduleRequestOf(schedule({ daysOfWeek: [7, 1, 2, 3, 4, 5, 6], startDate: '', dailyCap: '', budgetLimitUsd: '' }))).toEqual({
      schedule: { timeZone: 'America/New_York', startDate: null, endDate: '2026-12-31', dailyStart: '09:00', dailyEnd: '17:00', daysOfWeek: null, dailyCap: null },
      budgetLimitUsd: null,
    });
  });
});
