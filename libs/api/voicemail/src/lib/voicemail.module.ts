import { CampaignDataModule } from '@cadence/api-campaign';
import { loadConfig } from '@cadence/api-core';
import { MediaDataModule } from '@cadence/api-media';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { VoicemailCampaignsController } from './controllers/voicemail-campaigns.controller';
import { VoicemailScriptsController } from './controllers/voicemail-scripts.controller';
import { PER_CONTACT_VOICEMAIL_AUDIO, PerContactAudioResolver } from './delivery/per-contact-audio';
import { AudioBatchProcessor, ScriptBatchProcessor } from './processors/voicemail.processors';
import { AudioAssetRepository } from './repositories/audio-asset.repository';
import { VoicemailBatchRepository } from './repositories/voicemail-batch.repository';
import { VoicemailScriptRepository } from './repositories/voicemail-script.repository';
import { VoicemailSettingsRepository } from './repositories/voicemail-settings.repository';
import { AudioAsset, AudioAssetSchema } from './schemas/audio-asset.schema';
import { VoicemailBatch, VoicemailBatchSchema } from './schemas/voicemail-batch.schema';
import { VoicemailScript, VoicemailScriptSchema } from './schemas/voicemail-script.schema';
import { VoicemailSettings, VoicemailSettingsSchema } from './schemas/voicemail-settings.schema';
import { EditScriptUseCase, FindOwnedScriptUseCase, ListScriptsUseCase, RegenerateScriptUseCase, ReviewScriptUseCase } from './usecases/review-scripts.usecase';
import { RunAudioBatchUseCase } from './usecases/run-audio-batch.usecase';
import { RunScriptBatchUseCase } from './usecases/run-script-batch.usecase';
import { DeleteScriptAudioUseCase, GenerateScriptAudioUseCase, ListVoicesUseCase } from './usecases/script-audio.usecase';
import { SynthesizeAudioUseCase } from './usecases/synthesize-audio.usecase';
import { EstimateVoicemailCostUseCase, ReadVoicemailBatchUseCase, StartVoicemailBatchUseCase } from './usecases/voicemail-batches.usecase';
import { GetVoicemailSettingsUseCase, SaveVoicemailSettingsUseCase } from './usecases/voicemail-settings.usecase';
import { WriteScriptUseCase } from './usecases/write-script.usecase';
import { VoicemailConfig } from './voicemail.config';
import { providerFactories } from './voicemail.providers';

const shared = [
  { provide: VoicemailConfig, useFactory: () => loadConfig(VoicemailConfig) },
  ...providerFactories,
  VoicemailScriptRepository,
  VoicemailBatchRepository,
  VoicemailSettingsRepository,
  AudioAssetRepository,
  WriteScriptUseCase,
  SynthesizeAudioUseCase,
  PerContactAudioResolver,
  { provide: PER_CONTACT_VOICEMAIL_AUDIO, useExisting: PerContactAudioResolver },
];

/**
 * Scripts, batches, providers and storage: what both the API and the worker use. Global so the strategy
 * send path can resolve PER_CONTACT_VOICEMAIL_AUDIO (optionally) without importing this library's module.
 */
@Global()
@Module({
  imports: [
    CampaignDataModule,
    MediaDataModule,
    MongooseModule.forFeature([
      { name: VoicemailScript.name, schema: VoicemailScriptSchema },
      { name: VoicemailBatch.name, schema: VoicemailBatchSchema },
      { name: VoicemailSettings.name, schema: VoicemailSettingsSchema },
      { name: AudioAsset.name, schema: AudioAssetSchema },
    ]),
  ],
  providers: shared,
  exports: [...shared, CampaignDataModule, MediaDataModule],
})
export class VoicemailDataModule {}

/** Voicemail scripts over HTTP: settings, batches (202, the worker runs them), review, audio, voices. */
@Module({
  imports: [VoicemailDataModule],
  controllers: [VoicemailCampaignsController, VoicemailScriptsController],
  providers: [
    GetVoicemailSettingsUseCase,
    SaveVoicemailSettingsUseCase,
    EstimateVoicemailCostUseCase,
    StartVoicemailBatchUseCase,
    ReadVoicemailBatchUseCase,
    FindOwnedScriptUseCase,
    ListScriptsUseCase,
    EditScriptUseCase,
    ReviewScriptUseCase,
    RegenerateScriptUseCase,
    GenerateScriptAudioUseCase,
    DeleteScriptAudioUseCase,
    ListVoicesUseCase,
  ],
})
export class VoicemailModule {}

/** Imported by the worker only: runs script and audio batches. */
@Module({
  imports: [VoicemailDataModule],
  providers: [RunScriptBatchUseCase, RunAudioBatchUseCase, ScriptBatchProcessor, AudioBatchProcessor],
})
export class VoicemailWorkerModule {}
