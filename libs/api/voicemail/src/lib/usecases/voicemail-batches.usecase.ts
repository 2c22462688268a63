import { CampaignMembershipRepository, FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Clock, parseObjectId, QueueName, Tenant } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { Types } from 'mongoose';
import { estimateAudioBatch, estimateScriptBatch, microsToUsd } from '../domain/costs';
import { VoicemailBatchResponseDto, VoicemailCostEstimateDto, CurrentVoicemailBatchResponseDto, StartAudioBatchRequestDto, StartScriptBatchRequestDto } from '../dto/voicemail.dto';
import { batchDto } from '../dto/voicemail.mappers';
import { ScriptWriter } from '../llm/script-writer.port';
import { VoicemailBatchRepository } from '../repositories/voicemail-batch.repository';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { VoicemailSettingsRepository } from '../repositories/voicemail-settings.repository';
import { BatchKind, VoicemailBatch } from '../schemas/voicemail-batch.schema';
import { TextToSpeech } from '../tts/text-to-speech.port';
import { RunVoicemailBatchJobData, VOICEMAIL_BATCH_ATTEMPTS, VoicemailJob } from '../voicemail-jobs';
import { VoicemailConfig } from '../voicemail.config';
import { VoicemailErrorCode, VoicemailException } from '../voicemail.exception';

/** What a batch would cost before it starts: scripts from the member count, audio from the real script lengths. */
@Injectable()
export class EstimateVoicemailCostUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly members: CampaignMembershipRepository,
    private readonly scripts: VoicemailScriptRepository,
    private readonly config: VoicemailConfig,
    private readonly writer: ScriptWriter,
    private readonly tts: TextToSpeech,
  ) {}

  async micros(tenant: Tenant, campaignId: Types.ObjectId, kind: BatchKind): Promise<{ items: number; llmMicros: number; ttsMicros: number; totalMicros: number }> {
    if (kind === BatchKind.Audio) return estimateAudioBatch(await this.scripts.charactersNeedingAudio(tenant, campaignId), this.config.prices());
    const [members, summary] = await Promise.all([this.members.count(tenant, campaignId), this.scripts.summary(tenant, campaignId)]);
    return estimateScriptBatch(Math.max(0, members - summary.total), this.config.prices());
  }

  async execute(tenant: Tenant, campaignId: string, kind: BatchKind): Promise<VoicemailCostEstimateDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const e = await this.micros(tenant, campaign._id, kind);
    const offline = kind === BatchKind.Audio ? this.tts.name === 'offline' : this.writer.name === 'offline-template';
    return { kind, items: e.items, llmUsd: microsToUsd(e.llmMicros), ttsUsd: microsToUsd(e.ttsMicros), totalUsd: microsToUsd(e.totalMicros), offline };
  }
}

/** Records a batch and queues its one job (job id = batch id). One open batch per campaign and kind. */
@Injectable()
export class StartVoicemailBatchUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly settings: VoicemailSettingsRepository,
    private readonly batches: VoicemailBatchRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly scripts: VoicemailScriptRepository,
    private readonly estimate: EstimateVoicemailCostUseCase,
    @InjectQueue(QueueName.ScriptGeneration) private readonly scriptQueue: Queue<RunVoicemailBatchJobData>,
    @InjectQueue(QueueName.AudioGeneration) private readonly audioQueue: Queue<RunVoicemailBatchJobData>,
    private readonly clock: Clock,
  ) {}

  async startScripts(tenant: Tenant, campaignId: string, input: StartScriptBatchRequestDto): Promise<VoicemailBatchResponseDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const settings = await this.settings.find(tenant, campaign._id);
    if (!settings) throw new VoicemailException(VoicemailErrorCode.SettingsMissing, 'Set the agent name, brokerage and callback number for this campaign first');
    await this.refuseOpen(tenant, campaign._id, BatchKind.Scripts);
    const total = await this.members.count(tenant, campaign._id);
    if (total === 0) throw new VoicemailException(VoicemailErrorCode.NothingToDo, 'The campaign has no contacts');
    const estimate = await this.estimate.micros(tenant, campaign._id, BatchKind.Scripts);
    const templateKind = input.templateKind ?? settings.templateKind;
    const batch = await this.batches.create(tenant, {
      campaignId: campaign._id,
      kind: BatchKind.Scripts,
      templateKind,
      templateKindB: input.abTemplateKind && input.abTemplateKind !== templateKind ? input.abTemplateKind : null,
      customPrompt: input.customPrompt?.trim() || null,
      voiceId: null,
      total,
      estimatedMicros: estimate.totalMicros,
    });
    return this.enqueue(tenant, batch, this.scriptQueue, VoicemailJob.RunScriptBatch);
  }

  async startAudio(tenant: Tenant, campaignId: string, input: StartAudioBatchRequestDto): Promise<VoicemailBatchResponseDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    await this.refuseOpen(tenant, campaign._id, BatchKind.Audio);
    const total = await this.scripts.countNeedingAudio(tenant, campaign._id);
    if (total === 0) throw new VoicemailException(VoicemailErrorCode.NothingToDo, 'No approved script is waiting for audio');
    const estimate = await this.estimate.micros(tenant, campaign._id, BatchKind.Audio);
    const batch = await this.batches.create(tenant, { campaignId: campaign._id, kind: BatchKind.Audio, templateKind: null, templateKindB: null, customPrompt: null, voiceId: input.voiceId?.trim() || null, total, estimatedMicros: estimate.totalMicros });
    return this.enqueue(tenant, batch, this.audioQueue, VoicemailJob.RunAudioBatch);
  }

  private async refuseOpen(tenant: Tenant, campaignId: Types.ObjectId, kind: BatchKind): Promise<void> {
    const open = await this.batches.findOpen(tenant, campaignId, kind);
    if (open) throw new VoicemailException(VoicemailErrorCode.BatchRunning, `A ${kind} batch is already running for this campaign`, { batchId: open._id.toHexString() });
  }

  private async enqueue(tenant: Tenant, batch: VoicemailBatch, queue: Queue<RunVoicemailBatchJobData>, name: VoicemailJob): Promise<VoicemailBatchResponseDto> {
    try {
      await queue.add(name, { batchId: batch._id.toHexString(), userId: tenant.userId, teamId: tenant.teamId }, { jobId: batch._id.toHexString(), attempts: VOICEMAIL_BATCH_ATTEMPTS, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100 });
    } catch (error) {
      await this.batches.markFailed(batch._id, 'The batch could not be queued; try again', this.clock.now());
      throw error;
    }
    return batchDto(batch, this.clock.now());
  }
}

@Injectable()
export class ReadVoicemailBatchUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly batches: VoicemailBatchRepository,
    private readonly clock: Clock,
  ) {}

  /** The campaign's latest batch of a kind: what the progress panel shows after a reload. */
  async latest(tenant: Tenant, campaignId: string, kind: BatchKind): Promise<CurrentVoicemailBatchResponseDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const batch = await this.batches.latest(tenant, campaign._id, kind);
    return { batch: batch ? batchDto(batch, this.clock.now()) : null };
  }

  async one(tenant: Tenant, batchId: string): Promise<VoicemailBatchResponseDto> {
    const id = parseObjectId(batchId);
    const batch = id ? await this.batches.findOne(tenant, id) : null;
    if (!batch) throw new VoicemailException(VoicemailErrorCode.BatchNotFound, 'Batch not found');
    return batchDto(batch, this.clock.now());
  }

  /** The running batch stops after its current page; a queued one ends at once. */
  async cancel(tenant: Tenant, batchId: string): Promise<VoicemailBatchResponseDto> {
    const id = parseObjectId(batchId);
    const requested = id ? await this.batches.requestCancel(tenant, id) : null;
    if (!requested) return this.one(tenant, batchId);
    const cancelled = await this.batches.cancelQueued(requested._id, this.clock.now());
    return batchDto(cancelled ?? requested, this.clock.now());
  }
}
