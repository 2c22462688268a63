import { SuppressionChannel } from '../schemas/suppression.schema';

/** Which other channels an opt-out on one channel also stops; the agent sets it (compliance settings). */
export interface OptOutPolicy {
  /** A text STOP also stops ringless voicemail to that person (same phone, same consent under the TCPA). */
  smsStopsVoicemail: boolean;
  smsStopsEmail: boolean;
  emailStopsSms: boolean;
  emailStopsVoicemail: boolean;
  voicemailStopsSms: boolean;
  /** Any opt-out on any channel stops every channel (the FCC's "revoke-all", before it is required). */
  stopEverything: boolean;
}

export const DEFAULT_OPT_OUT_POLICY: OptOutPolicy = {
  smsStopsVoicemail: true,
  smsStopsEmail: false,
  emailStopsSms: false,
  emailStopsVoicemail: false,
  voicemailStopsSms: false,
  stopEverything: false,
};

const ALL = [SuppressionChannel.Sms, SuppressionChannel.Voicemail, SuppressionChannel.Email];

/** The channels an opt-out received on `source` stops, the source channel always first. */
export function channelsStoppedBy(source: SuppressionChannel, policy: OptOutPolicy): SuppressionChannel[] {
  if (policy.stopEverything) return [source, ...ALL.filter((c) => c !== source)];
  const also: Record<SuppressionChannel, SuppressionChannel[]> = {
    [SuppressionChannel.Sms]: [...(policy.smsStopsVoicemail ? [SuppressionChannel.Voicemail] : []), ...(policy.smsStopsEmail ? [SuppressionChannel.Email] : [])],
    [SuppressionChannel.Email]: [...(policy.emailStopsSms ? [SuppressionChannel.Sms] : []), ...(policy.emailStopsVoicemail ? [SuppressionChannel.Voicemail] : [])],
    [SuppressionChannel.Voicemail]: policy.voicemailStopsSms ? [SuppressionChannel.Sms] : [],
  };
  return [source, ...also[source]];
}
