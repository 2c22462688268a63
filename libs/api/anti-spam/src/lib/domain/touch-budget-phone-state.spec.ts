import { Contact } from '@cadence/api-contact';
import { evaluateAgentRules, AgentRulesInput } from '../gate/agent-rules';
import { evaluateSendGate, GateInput, GateReason } from '../gate/send-gate';

/** FL, OK and MD cap calls and texts to numbers with their area codes at 3 per 24 h, whatever the address. */
const NOW = new Date('2026-03-10T18:00:00Z');
const contact = (state: string | null, phone: string, timeZone: string) =>
  ({ _id: 'c', timeZone, phones: [{ e164: phone, dnc: false }], emails: ['a@example.com'], consent: { sms: { status: 'granted' }, voice: { status: 'granted' }, email: { status: 'unknown' } }, optOuts: {}, propertyAddress: state ? { street: '', city: '', state, zip: '' } : null, mailingAddress: null }) as unknown as Contact;
const threeTextsToday = [1, 2, 3].map((h) => ({ at: new Date(NOW.getTime() - h * 3600_000), campaignId: String(h), channel: 'sms' }));
const rules = (c: Contact, over: Partial<AgentRulesInput> = {}): AgentRulesInput => ({
  channel: 'sms',
  contact: c,
  address: c.phones[0].e164,
  settings: { quietHours: { start: '08:00', end: '21:00' }, touchBudget: { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, dncRegistryCompliance: false },
  touches: threeTextsToday,
  dncScrub: null,
  fallbackTimeZone: 'America/New_York',
  now: NOW,
  ...over,
});

describe('the three-per-24-hours cap judged by the number as well as the address', () => {
  it('a 305 (FL) number with a CA address is held by the Florida cap', () => {
    expect(evaluateAgentRules(rules(contact('CA', '+13055550123', 'America/Los_Angeles')))).toMatchObject({ verdict: 'defer', reason: GateReason.StateDailyCap, message: 'FL law allows at most 3 calls or texts per 24 hours', until: new Date('2026-03-11T15:00:00Z') });
  });

  it('a 405 (OK) number with no address is held by the Oklahoma cap', () => {
    expect(evaluateAgentRules(rules(contact(null, '+14055550123', 'America/Chicago')))).toMatchObject({ verdict: 'defer', reason: GateReason.StateDailyCap, message: 'OK law allows at most 3 calls or texts per 24 hours' });
  });

  it('a 212 number in NY has no state cap', () => {
    expect(evaluateAgentRules(rules(contact('NY', '+12125550123', 'America/New_York')))).toEqual({ verdict: 'pass', touchesLast7Days: 3 });
  });

  it('an email to the contact of a 305 number is not a call or text: no cap', () => {
    const c = contact('CA', '+13055550123', 'America/Los_Angeles');
    expect(evaluateAgentRules(rules(c, { channel: 'email', address: 'a@example.com' }))).toMatchObject({ verdict: 'pass' });
  });
});

describe("the 20:00 end for a number with an FL, OK or MD area code (the legal gate)", () => {
  // 20:30 in Los Angeles (PDT): inside the federal hours, outside Florida's.
  const at = new Date('2026-06-10T03:30:00Z');
  const gate = (c: Contact, channel: GateInput['channel'] = 'sms'): GateInput => ({ channel, contact: c, suppressed: new Set(), schedule: null, lastOtherCampaignTouchAt: null, budget: { limitMicros: null, spentMicros: 0 }, estimatedCostMicros: 0, now: at });

  it('defers a text to a 305 number with a CA address to 08:00, and not one to a 310 number', () => {
    expect(evaluateSendGate(gate(contact('CA', '+13055550123', 'America/Los_Angeles')))).toMatchObject({ verdict: 'defer', reason: GateReason.QuietHours, until: new Date('2026-06-10T15:00:00Z') });
    expect(evaluateSendGate(gate(contact('CA', '+13105550123', 'America/Los_Angeles')))).toEqual({ verdict: 'send', address: '+13105550123' });
  });
});
