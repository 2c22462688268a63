import { Tenant } from '@cadence/api-core';
import { MediaLinks, MediaStorage } from '@cadence/api-media';
import { Injectable } from '@nestjs/common';
import { GenerateAudioRequestDto, VoicemailVoiceListDto, VoicemailScriptResponseDto } from '../dto/voicemail.dto';
import { scriptDto } from '../dto/voicemail.mappers';
import { AudioAssetRepository } from '../repositories/audio-asset.repository';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { AudioStatus } from '../schemas/voicemail-script.schema';
import { TextToSpeech } from '../tts/text-to-speech.port';
import { VoicemailErrorCode, VoicemailException } from '../voicemail.exception';
import { FindOwnedScriptUseCase } from './review-scripts.usecase';
import { SynthesizeAudioUseCase } from './synthesize-audio.usecase';

/** Audio for one script, now (a script is ~40 seconds of speech: one provider call). */
@Injectable()
export class GenerateScriptAudioUseCase {
  constructor(
    private readonly find: FindOwnedScriptUseCase,
    private readonly synthesize: SynthesizeAudioUseCase,
    private readonly links: MediaLinks,
  ) {}

  async execute(tenant: Tenant, id: string, input: GenerateAudioRequestDto): Promise<VoicemailScriptResponseDto> {
    const script = await this.find.execute(tenant, id);
    if (script.audio.status === AudioStatus.Generating) throw new VoicemailException(VoicemailErrorCode.BatchRunning, 'Audio for this script is being generated');
    if (script.audio.status === AudioStatus.Completed && !input.regenerate && !input.voiceId) return scriptDto(script, this.links);
    try {
      return scriptDto((await this.synthesize.execute(tenant, script, { voiceId: input.voiceId ?? null, force: input.regenerate ?? false })).script, this.links);
    } catch (error) {
      if (error instanceof VoicemailException) throw error;
      throw new VoicemailException(VoicemailErrorCode.ProviderFailed, `Text-to-speech failed: ${(error as Error).message}`);
    }
  }
}

/** Removes a script's audio so its text can be edited again; the file goes when no other script uses it. */
@Injectable()
export class DeleteScriptAudioUseCase {
  constructor(
    private readonly find: FindOwnedScriptUseCase,
    private readonly scripts: VoicemailScriptRepository,
    private readonly assets: AudioAssetRepository,
    private readonly storage: MediaStorage,
    private readonly links: MediaLinks,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<VoicemailScriptResponseDto> {
    const script = await this.find.execute(tenant, id);
    if (script.audio.status === AudioStatus.Generating) throw new VoicemailException(VoicemailErrorCode.BatchRunning, 'Audio for this script is being generated');
    const key = script.audio.mediaKey;
    const updated = await this.scripts.update(
      tenant,
      script._id,
      {},
      { $set: { 'audio.status': AudioStatus.Pending, 'audio.mediaKey': null, 'audio.format': null, 'audio.contentHash': null, 'audio.duration': null, 'audio.generatedAt': null, 'audio.error': null, 'audio.elevenLabsId': null, 'delivery.dropCowboyMediaId': null, 'delivery.uploadedMediaKey': null } },
    );
    if (key && (await this.scripts.countUsingMedia(tenant, key)) === 0) {
      await this.assets.removeByMediaKey(tenant, key);
      await this.storage.delete(key);
    }
    if (!updated) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'Script not found');
    return scriptDto(updated, this.links);
  }
}

const SAMPLE_TEXT = 'Hi, this is a sample of this voice. Thanks for listening, and have a great day.';

/** The provider's voices; offline voices get a sample rendered once and served by signed link. */
@Injectable()
export class ListVoicesUseCase {
  constructor(
    private readonly tts: TextToSpeech,
    private readonly storage: MediaStorage,
    private readonly links: MediaLinks,
    private readonly synthesize: SynthesizeAudioUseCase,
  ) {}

  async execute(): Promise<VoicemailVoiceListDto> {
    const voices = await this.tts.listVoices();
    const withSamples = await Promise.all(
      voices.map(async (voice) => {
        if (voice.previewUrl) return voice;
        const key = `voice-sample-${voice.voiceId.replace(/[^A-Za-z0-9_-]/g, '')}.wav`;
        if (!(await this.storage.exists(key))) {
          const speech = await this.tts.synthesize({ text: SAMPLE_TEXT, voiceId: voice.voiceId });
          await this.storage.put(key, speech.bytes, speech.contentType);
        }
        return { ...voice, previewUrl: this.links.signedPath(key).path };
      }),
    );
    return { voices: withSamples, provider: this.tts.name, defaultVoiceId: this.synthesize.defaultVoice() };
  }
}
