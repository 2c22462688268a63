import { Tenant } from '@cadence/api-core';
import { MediaLinks, MediaStorage } from '@cadence/api-media';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { AudioStatus, ReviewStatus } from '../schemas/voicemail-script.schema';
import { VoicemailConfig } from '../voicemail.config';

/**
 * A voicemail strategy variant whose `recordingMediaId` is this value drops each contact's own approved
 * audio (issue #6) instead of one shared recording.
 */
export const PER_CONTACT_AUDIO_MEDIA_ID = 'per-contact-audio';

/** Resolved optionally by the strategy send path (libs/api/strategy). */
export const PER_CONTACT_VOICEMAIL_AUDIO = Symbol('PER_CONTACT_VOICEMAIL_AUDIO');

export type ResolvedAudio = { kind: 'media'; mediaId: string } | { kind: 'url'; audioUrl: string };
export type UploadMedia = (upload: { name: string; format: 'mp3' | 'wav'; bytes: Buffer }) => Promise<{ mediaId: string }>;

export interface PerContactVoicemailAudio {
  /** The contact's approved audio as Drop Cowboy takes it; null when the contact has none (the send is skipped). */
  resolve(tenant: Tenant, campaignId: Types.ObjectId, contactId: Types.ObjectId, upload: UploadMedia): Promise<ResolvedAudio | null>;
}

/**
 * Upload mode (default): the file goes to Drop Cowboy's media library once and its media id is kept on
 * the script, so retries and later steps reuse it. URL mode: our signed link as audio_url (BYOC plans).
 */
@Injectable()
export class PerContactAudioResolver implements PerContactVoicemailAudio {
  constructor(
    private readonly scripts: VoicemailScriptRepository,
    private readonly storage: MediaStorage,
    private readonly links: MediaLinks,
    private readonly config: VoicemailConfig,
  ) {}

  async resolve(tenant: Tenant, campaignId: Types.ObjectId, contactId: Types.ObjectId, upload: UploadMedia): Promise<ResolvedAudio | null> {
    const script = await this.scripts.findForContact(tenant, campaignId, contactId);
    if (!script || script.reviewStatus !== ReviewStatus.Approved || script.audio?.status !== AudioStatus.Completed || !script.audio.mediaKey) return null;
    const key = script.audio.mediaKey;
    if (this.config.VOICEMAIL_AUDIO_DELIVERY === 'url') return { kind: 'url', audioUrl: this.links.signedUrl(key).url };
    if (script.delivery?.dropCowboyMediaId && script.delivery.uploadedMediaKey === key) return { kind: 'media', mediaId: script.delivery.dropCowboyMediaId };
    const stored = await this.storage.get(key);
    if (!stored) return null;
    const { mediaId } = await upload({ name: `${script._id.toHexString()}-v${script.scriptVersion}.${script.audio.format ?? 'wav'}`, format: script.audio.format ?? 'wav', bytes: stored.bytes });
    await this.scripts.update(tenant, script._id, {}, { $set: { 'delivery.dropCowboyMediaId': mediaId, 'delivery.uploadedMediaKey': key } });
    return { kind: 'media', mediaId };
  }
}
