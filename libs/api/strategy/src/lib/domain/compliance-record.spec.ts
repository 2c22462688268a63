import { Contact } from '@cadence/api-contact';
import { ExecutionChannel } from '../schemas/execution.schema';
import { complianceRecordOf, ComplianceFacts, contentHashOf } from './compliance-record';
import { RenderedMessage } from './strategy-content';

const NOW = new Date('2026-03-10T19:00:00Z');
const contact = {
  _id: 'c',
  timeZone: 'America/Los_Angeles',
  phones: [{ e164: '+13055550123', dnc: false }],
  emails: ['kim@example.com'],
  consent: { sms: { status: 'granted', source: 'open-house sheet', capturedAt: new Date('2026-01-02T00:00:00Z') }, voice: { status: 'unknown', source: null, capturedAt: null }, email: { status: 'unknown', source: null, capturedAt: null } },
  propertyAddress: { street: '', city: '', state: 'CA', zip: '92260' },
  mailingAddress: null,
} as unknown as Contact;
const sms: RenderedMessage = { sms: { body: 'Hi Kim. Reply STOP to opt out', segments: {} as never } };
const facts = (over: Partial<ComplianceFacts> = {}): ComplianceFacts => ({
  channel: ExecutionChannel.Sms,
  contact,
  address: '+13055550123',
  schedule: { timeZone: 'America/New_York', dailyStart: '09:00', dailyEnd: '17:00' },
  dncScrub: { listed: false, scrubbedAt: new Date('2026-03-01T00:00:00Z') },
  agentHours: { start: '08:30', end: '19:00' },
  agentZone: 'America/Los_Angeles',
  touchesLast7Days: 2,
  rendered: sms,
  now: NOW,
  ...over,
});

describe('the compliance record of a send', () => {
  it('states consent, DNC, the windows applied (FL by area code over a CA address) and the touch count', () => {
    expect(complianceRecordOf(facts())).toEqual({
      consentStatus: 'granted',
      consentSource: 'open-house sheet',
      consentCapturedAt: new Date('2026-01-02T00:00:00Z'),
      numberDnc: false,
      dncRegistryListed: false,
      dncScrubbedAt: new Date('2026-03-01T00:00:00Z'),
      timeZone: 'America/Los_Angeles',
      sendWindow: 'legal 08:00–20:00 America/Los_Angeles (CA, number FL); campaign 09:00–17:00 America/New_York; agent 08:30–19:00 America/Los_Angeles',
      touchesLast7Days: 2,
      contentHash: contentHashOf(sms),
      capturedAt: NOW,
    });
  });

  it('an email states its own consent and no number facts', () => {
    const email: RenderedMessage = { email: { subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', from: { email: 'a@b.test', name: 'A' }, replyTo: null } };
    expect(complianceRecordOf(facts({ channel: ExecutionChannel.Email, address: 'kim@example.com', dncScrub: null, rendered: email }))).toMatchObject({ consentStatus: 'unknown', numberDnc: null, dncRegistryListed: null, dncScrubbedAt: null });
  });

  it('hashes what was sent: any change of text, subject or audio changes it', () => {
    const email = (subject: string, text: string): RenderedMessage => ({ email: { subject, html: '<p>x</p>', text, from: { email: 'a@b.test', name: 'A' }, replyTo: null } });
    expect(contentHashOf(email('Hi', 'there'))).not.toBe(contentHashOf(email('Hit', 'here')));
    expect(contentHashOf(sms)).toMatch(/^[0-9a-f]{64}$/);
    const spoken = { voiceId: 'v1', ttsBody: 'Hi Kim, this is Jane.', recordingMediaId: null, characters: 21 };
    const voicemail: RenderedMessage = { voicemail: spoken };
    expect(contentHashOf({ voicemail: { ...spoken, voiceId: 'v2' } })).not.toBe(contentHashOf(voicemail));
    expect(contentHashOf(voicemail, { kind: 'media', mediaId: 'm1' })).not.toBe(contentHashOf(voicemail, { kind: 'media', mediaId: 'm2' }));
  });
});
