import { DncScrub } from '@cadence/api-anti-spam';
import { CampaignSchedule, quietHoursFor, recipientStates } from '@cadence/api-channel';
import { ConsentStatus, Contact } from '@cadence/api-contact';
import { createHash } from 'node:crypto';
import { ExecutionChannel, ExecutionCompliance } from '../schemas/execution.schema';
import { RenderedMessage } from './strategy-content';

const CONSENT_KEY = { sms: 'sms', voicemail: 'voice', email: 'email' } as const;

/** The audio a voicemail actually dropped, when it is resolved only at send time (issue #6 per-contact audio). */
export type SentAudio = { kind: 'media'; mediaId: string } | { kind: 'url'; audioUrl: string } | { kind: 'tts'; voiceId: string; ttsBody: string };

/**
 * sha256 over what the contact received: the SMS text; the email's subject, HTML and text; the voicemail's
 * script and its audio (the voice that speaks the script, or the recording's id). Parts are length-prefixed
 * so moving text from one part to another changes the hash.
 */
export function contentHashOf(rendered: RenderedMessage, audio: SentAudio | null = null): string {
  let parts: (string | null)[];
  if (rendered.sms) parts = ['sms', rendered.sms.body];
  else if (rendered.email) parts = ['email', rendered.email.subject, rendered.email.html, rendered.email.text];
  else {
    const v = rendered.voicemail as NonNullable<RenderedMessage['voicemail']>;
    const sent = audio ? (audio.kind === 'media' ? `media:${audio.mediaId}` : audio.kind === 'url' ? `url:${audio.audioUrl.split('?')[0]}` : `tts:${audio.voiceId}`) : null;
    parts = ['voicemail', v.ttsBody, sent ?? (v.recordingMediaId ? `media:${v.recordingMediaId}` : `tts:${v.voiceId ?? ''}`)];
  }
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${(part ?? '').length}:${part ?? ''}\n`);
  return hash.digest('hex');
}

export interface ComplianceFacts {
  channel: ExecutionChannel;
  contact: Contact;
  /** The number or email the gate chose. */
  address: string;
  schedule: CampaignSchedule | null;
  /** What the agent rules read for this send: the number's scrub, the agent's hours and the touch count. */
  dncScrub: DncScrub | null;
  agentHours: { start: string; end: string };
  agentZone: string;
  touchesLast7Days: number;
  rendered: RenderedMessage;
  now: Date;
}

/**
 * The compliance record of a send the gate just passed, from what the gate already read (no query of its
 * own). The window text names each rule applied: the legal hours (20:00 for FL/OK/MD by address or area
 * code, or an unknown state), the campaign's hours and the agent's own sending hours.
 */
export function complianceRecordOf(facts: ComplianceFacts): ExecutionCompliance {
  const { channel, contact, address, schedule } = facts;
  const consent = contact.consent?.[CONSENT_KEY[channel]];
  const isPhone = channel !== ExecutionChannel.Email;
  const zone = contact.timeZone ?? schedule?.timeZone ?? null;
  const states = recipientStates(contact.propertyAddress?.state ?? contact.mailingAddress?.state, isPhone ? address : null);
  const legal = quietHoursFor({ timeZone: zone, ...states });
  const governing = [states.state, states.phoneState && states.phoneState !== states.state ? `number ${states.phoneState}` : null].filter(Boolean).join(', ');
  const windows = [`legal ${legal.start}–${legal.end} ${legal.zones.join('/')}${governing ? ` (${governing})` : ' (state unknown)'}`];
  if (schedule?.dailyStart && schedule.dailyEnd) windows.push(`campaign ${schedule.dailyStart}–${schedule.dailyEnd} ${schedule.timeZone}`);
  windows.push(`agent ${facts.agentHours.start}–${facts.agentHours.end} ${facts.agentZone}`);
  return {
    consentStatus: consent?.status ?? ConsentStatus.Unknown,
    consentSource: consent?.source ?? null,
    consentCapturedAt: consent?.capturedAt ?? null,
    numberDnc: isPhone ? (contact.phones?.find((p) => p.e164 === address)?.dnc ?? null) : null,
    dncRegistryListed: facts.dncScrub?.listed ?? null,
    dncScrubbedAt: facts.dncScrub?.scrubbedAt ?? null,
    timeZone: zone,
    sendWindow: windows.join('; '),
    touchesLast7Days: facts.touchesLast7Days,
    contentHash: contentHashOf(facts.rendered),
    capturedAt: facts.now,
  };
}
