import { RecordCampaignCountersUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { MediaStorage } from '@cadence/api-media';
import { Injectable } from '@nestjs/common';
import { audioContentHash } from '../domain/content-hash';
import { ttsCostMicros } from '../domain/costs';
import { AudioAssetRepository } from '../repositories/audio-asset.repository';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { VoicemailSettingsRepository } from '../repositories/voicemail-settings.repository';
import { AudioStatus, ReviewStatus, VoicemailScript } from '../schemas/voicemail-script.schema';
import { audioDurationSeconds } from '../tts/audio-duration';
import { OFFLINE_VOICES } from '../tts/offline-voice.adapter';
import { TextToSpeech } from '../tts/text-to-speech.port';
import { VoicemailConfig } from '../voicemail.config';
import { VoicemailErrorCode, VoicemailException } from '../voicemail.exception';

export interface SynthesisOutcome {
  script: VoicemailScript;
  /** False when a stored rendering of the same text and voice was reused (nothing charged). */
  providerCalled: boolean;
  micros: number;
}

/**
 * Audio for one script. Text, voice, model and format hash to one stored file: a second script with the
 * same words and voice (or a retry after a crash) reuses it and pays nothing.
 */
@Injectable()
export class SynthesizeAudioUseCase {
  constructor(
    private readonly scripts: VoicemailScriptRepository,
    private readonly settings: VoicemailSettingsRepository,
    private readonly assets: AudioAssetRepository,
    private readonly storage: MediaStorage,
    private readonly tts: TextToSpeech,
    private readonly counters: RecordCampaignCountersUseCase,
    private readonly config: VoicemailConfig,
    private readonly clock: Clock,
  ) {}

  defaultVoice(): string {
    return this.tts.name === 'offline' ? OFFLINE_VOICES[0].voiceId : this.config.ELEVENLABS_DEFAULT_VOICE_ID;
  }

  async execute(tenant: Tenant, script: VoicemailScript, options: { voiceId?: string | null; force?: boolean } = {}): Promise<SynthesisOutcome> {
    if (script.reviewStatus === ReviewStatus.Rejected) throw new VoicemailException(VoicemailErrorCode.NotApproved, 'A rejected script gets no audio; regenerate or edit it first');
    const campaignVoice = (await this.settings.find(tenant, script.campaignId))?.voiceId ?? null;
    const voiceId = options.voiceId ?? script.audio?.voiceId ?? campaignVoice ?? this.defaultVoice();
    const contentHash = audioContentHash({ text: script.script, voiceId, modelId: this.tts.modelId, outputFormat: this.tts.outputFormat });

    const generating = await this.scripts.update(tenant, script._id, { contentHash: script.contentHash }, { $set: { 'audio.status': AudioStatus.Generating, 'audio.error': null } });
    if (!generating) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'The script changed or is gone; reload it');
    try {
      const cached = options.force ? null : await this.assets.findByHash(tenant, contentHash);
      if (cached && (await this.storage.exists(cached.mediaKey))) {
        const saved = await this.complete(tenant, script, { mediaKey: cached.mediaKey, format: cached.format, voiceId, modelId: cached.modelId, elevenLabsId: cached.providerRequestId, contentHash, duration: cached.duration }, 0, 0);
        return { script: saved, providerCalled: false, micros: 0 };
      }
      const speech = await this.tts.synthesize({ text: script.script, voiceId });
      const mediaKey = `vm-${contentHash.slice(0, 40)}.${speech.format}`;
      await this.storage.put(mediaKey, speech.bytes, speech.contentType);
      const duration = await audioDurationSeconds(speech.bytes, speech.contentType);
      await this.assets.record(tenant, { contentHash, mediaKey, format: speech.format, voiceId, modelId: speech.modelId, duration, characters: speech.characters, providerRequestId: speech.providerRequestId });
      const micros = speech.billable ? ttsCostMicros(speech.characters, this.config.prices()) : 0;
      const saved = await this.complete(tenant, script, { mediaKey, format: speech.format, voiceId, modelId: speech.modelId, elevenLabsId: speech.providerRequestId, contentHash, duration }, speech.characters, micros);
      if (micros > 0) await this.counters.execute(tenant, script.campaignId, 'voicemail', { costMicros: micros }, micros);
      return { script: saved, providerCalled: true, micros };
    } catch (error) {
      await this.scripts.update(tenant, script._id, {}, { $set: { 'audio.status': AudioStatus.Failed, 'audio.error': (error as Error).message.slice(0, 500) } });
      throw error;
    }
  }

  private async complete(tenant: Tenant, script: VoicemailScript, audio: { mediaKey: string; format: 'mp3' | 'wav'; voiceId: string; modelId: string; elevenLabsId: string | null; contentHash: string; duration: number | null }, characters: number, micros: number): Promise<VoicemailScript> {
    const saved = await this.scripts.update(
      tenant,
      script._id,
      {},
      {
        $set: {
          'audio.status': AudioStatus.Completed,
          'audio.mediaKey': audio.mediaKey,
          'audio.format': audio.format,
          'audio.voiceId': audio.voiceId,
          'audio.modelId': audio.modelId,
          'audio.elevenLabsId': audio.elevenLabsId,
          'audio.contentHash': audio.contentHash,
          'audio.duration': audio.duration,
          'audio.generatedAt': this.clock.now(),
          'audio.error': null,
        },
        $inc: { 'costs.ttsCharacters': characters, 'costs.ttsMicros': micros },
      },
    );
    if (!saved) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'The script is gone');
    return saved;
  }
}
