import { Contact } from '@cadence/api-contact';
import { evaluateAgentRules, AgentRulesInput } from './agent-rules';
import { GateReason } from './send-gate';

const contact = (state: string, timeZone = 'America/New_York') => ({ _id: 'c', timeZone, propertyAddress: { street: '', city: '', state, zip: '' }, mailingAddress: null }) as unknown as Contact;
const settings = { quietHours: { start: '09:00', end: '18:00' }, touchBudget: { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, dncRegistryCompliance: false };
const base = (over: Partial<AgentRulesInput>): AgentRulesInput => ({ channel: 'sms', contact: contact('NY'), address: '+12125550100', settings, touches: [], dncScrub: null, fallbackTimeZone: 'America/New_York', now: new Date('2026-03-10T15:00:00Z'), ...over });

describe('evaluateAgentRules', () => {
  it('defers outside the agent sending hours to the next opening, read across a DST change', () => {
    // Saturday 2026-03-07 19:30 EST; the next 09:00 is Sunday 2026-03-08, already EDT (UTC-4).
    const decision = evaluateAgentRules(base({ now: new Date('2026-03-08T00:30:00Z') }));
    expect(decision).toMatchObject({ verdict: 'defer', reason: GateReason.AgentQuietHours, until: new Date('2026-03-08T13:00:00Z') });
  });

  it("reads the hours in the contact's own time zone", () => {
    // 15:00 UTC is 08:00 in Los Angeles: before 09:00 there, though 11:00 in New York.
    expect(evaluateAgentRules(base({ contact: contact('CA', 'America/Los_Angeles') }))).toMatchObject({ verdict: 'defer', until: new Date('2026-03-10T16:00:00Z') });
    expect(evaluateAgentRules(base({}))).toEqual({ verdict: 'pass', touchesLast7Days: 0 });
  });

  it('states the touch budget and the FL three-per-day cap as the reason', () => {
    const touches = [1, 2, 3].map((h) => ({ at: new Date(Date.parse('2026-03-10T15:00:00Z') - h * 3600_000), campaignId: String(h), channel: 'sms' }));
    expect(evaluateAgentRules(base({ touches, contact: contact('FL') }))).toMatchObject({ verdict: 'defer', reason: GateReason.StateDailyCap });
    expect(evaluateAgentRules(base({ touches, settings: { ...settings, touchBudget: { maxTouchesPer7Days: 2, minDaysBetweenTouches: 0 } } }))).toMatchObject({ verdict: 'defer', reason: GateReason.TouchBudget });
  });

  it('refuses voicemail to numbers without a fresh National DNC scrub when registry compliance is on, not texts', () => {
    const on = { ...settings, dncRegistryCompliance: true };
    expect(evaluateAgentRules(base({ channel: 'voicemail', settings: on }))).toMatchObject({ verdict: 'skip', reason: GateReason.DncRegistry });
    expect(evaluateAgentRules(base({ channel: 'voicemail', settings: on, dncScrub: { listed: false, scrubbedAt: new Date('2026-03-01T00:00:00Z') } }))).toMatchObject({ verdict: 'pass' });
    expect(evaluateAgentRules(base({ channel: 'sms', settings: on }))).toMatchObject({ verdict: 'pass' });
  });
});
