import { ConsentStatus, Contact } from '@cadence/api-contact';
import { evaluateSendGate, GateInput, GateReason } from './send-gate';

// Tuesday 2026-03-10 18:00 UTC = 11:00 in Los Angeles.
const noonish = new Date('2026-03-10T18:00:00Z');

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    doNotContact: false,
    optOuts: { sms: null, voice: null, email: null },
    consent: { sms: { status: ConsentStatus.Granted }, voice: { status: ConsentStatus.Granted }, email: { status: ConsentStatus.Unknown } },
    phones: [{ e164: '+14155550100', dnc: false }],
    emails: ['ann@example.com'],
    timeZone: 'America/Los_Angeles',
    propertyAddress: null,
    mailingAddress: null,
    ...overrides,
  } as unknown as Contact;
}

const input = (overrides: Partial<GateInput> = {}): GateInput => ({
  channel: 'sms',
  contact: contact(),
  suppressed: new Set(),
  schedule: null,
  lastOtherCampaignTouchAt: null,
  budget: { limitMicros: null, spentMicros: 0 },
  estimatedCostMicros: 10_000,
  now: noonish,
  ...overrides,
});

describe('send gate', () => {
  it('lets a consenting contact through on a callable number during the day', () => {
    expect(evaluateSendGate(input())).toEqual({ verdict: 'send', address: '+14155550100' });
    expect(evaluateSendGate(input({ channel: 'email' }))).toEqual({ verdict: 'send', address: 'ann@example.com' });
  });

  it.each([
    [{ contact: contact({ doNotContact: true }) }, GateReason.DoNotContact],
    [{ contact: contact({ optOuts: { sms: { at: noonish, reason: null }, voice: null, email: null } }) }, GateReason.OptedOut],
    [{ contact: contact({ consent: { sms: { status: ConsentStatus.Unknown }, voice: { status: ConsentStatus.Granted }, email: { status: ConsentStatus.Unknown } } } as Partial<Contact>) }, GateReason.NoConsent],
    [{ contact: contact({ phones: [] }) }, GateReason.NoPhone],
    [{ contact: contact({ phones: [{ e164: '+14155550100', dnc: true }] } as Partial<Contact>) }, GateReason.DoNotCall],
    [{ suppressed: new Set(['+14155550100']) }, GateReason.Suppressed],
    [{ channel: 'email' as const, contact: contact({ emails: [] }) }, GateReason.NoEmail],
    [{ schedule: { timeZone: 'America/Los_Angeles', endDate: '2026-03-01' } }, GateReason.ScheduleEnded],
  ])('skips with a reason (%#)', (overrides, reason) => {
    expect(evaluateSendGate(input(overrides as Partial<GateInput>))).toMatchObject({ verdict: 'skip', reason, message: expect.any(String) });
  });

  it('needs consent for voicemail but only the absence of a refusal for email', () => {
    const noVoice = contact({ consent: { sms: { status: ConsentStatus.Granted }, voice: { status: ConsentStatus.Unknown }, email: { status: ConsentStatus.Denied } } } as Partial<Contact>);
    expect(evaluateSendGate(input({ channel: 'voicemail', contact: noVoice }))).toMatchObject({ verdict: 'skip', reason: GateReason.NoConsent });
    expect(evaluateSendGate(input({ channel: 'email', contact: noVoice }))).toMatchObject({ verdict: 'skip', reason: GateReason.NoConsent });
  });

  it('defers to the next legal hour at the contact\'s location', () => {
    const night = new Date('2026-03-10T06:00:00Z'); // 23:00 in Los Angeles
    const decision = evaluateSendGate(input({ now: night }));
    expect(decision).toMatchObject({ verdict: 'defer', reason: GateReason.QuietHours });
    expect(decision.verdict === 'defer' && decision.until?.toISOString()).toBe('2026-03-10T15:00:00.000Z'); // 08:00 PDT
  });

  it('defers outside the campaign hours, after a recent touch elsewhere, and holds when the budget is spent', () => {
    expect(evaluateSendGate(input({ schedule: { timeZone: 'America/Los_Angeles', dailyStart: '13:00', dailyEnd: '17:00' } }))).toMatchObject({ verdict: 'defer', reason: GateReason.OutsideSchedule, until: new Date('2026-03-10T20:00:00Z') });
    expect(evaluateSendGate(input({ lastOtherCampaignTouchAt: new Date('2026-03-09T18:00:00Z') }))).toMatchObject({ verdict: 'defer', reason: GateReason.RecentTouch, until: new Date('2026-03-12T18:00:00Z') });
    expect(evaluateSendGate(input({ budget: { limitMicros: 15_000, spentMicros: 10_000 } }))).toMatchObject({ verdict: 'defer', reason: GateReason.BudgetExhausted, until: null });
  });
});
