import { CampaignAction, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { mapLimit } from '../domain/map-limit';
import { VoicemailBatchRepository } from '../repositories/voicemail-batch.repository';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { BatchFailure, BatchKind, BatchStatus, VoicemailBatch } from '../schemas/voicemail-batch.schema';
import { BATCH_PAGE_SIZE } from '../voicemail-jobs';
import { VoicemailConfig } from '../voicemail.config';
import { moveIfAllowed } from './campaign-status-moves';
import { SynthesizeAudioUseCase } from './synthesize-audio.usecase';

/**
 * The worker side of "Generate all audio": every approved script without finished audio, by script id,
 * a page per checkpoint. Finished audio is never rendered again; a rendering stored just before a crash
 * is found by its content hash and reused without a provider call.
 */
@Injectable()
export class RunAudioBatchUseCase {
  private readonly logger = new Logger('AudioBatch');

  constructor(
    private readonly batches: VoicemailBatchRepository,
    private readonly scripts: VoicemailScriptRepository,
    private readonly synthesize: SynthesizeAudioUseCase,
    private readonly transition: TransitionCampaignUseCase,
    private readonly config: VoicemailConfig,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, batchId: Types.ObjectId): Promise<void> {
    const found = await this.batches.findById(batchId);
    if (!found || found.kind !== BatchKind.Audio) return;
    const runId = randomUUID();
    // Audio finished by a dead run after its last checkpoint is counted from the scripts themselves.
    const succeeded = await this.scripts.countAudioCompletedSince({ userId: found.userId.toHexString(), teamId: found.teamId }, found.campaignId, found.createdAt);
    const batch = await this.batches.claim(batchId, runId, this.clock.now(), succeeded + found.failed + found.skipped, { succeeded });
    if (!batch) return;
    await moveIfAllowed(this.transition, tenant, batch.campaignId, CampaignAction.StartAudioGeneration);

    let after = batch.checkpointId;
    for (;;) {
      const page = await this.scripts.needingAudioAfter(tenant, batch.campaignId, after, BATCH_PAGE_SIZE);
      if (page.length === 0) break;
      const counts = { succeeded: 0, failed: 0, micros: 0, calls: 0 };
      const failures: BatchFailure[] = [];
      await mapLimit(page, this.config.ELEVENLABS_CONCURRENCY, async (script) => {
        try {
          const outcome = await this.synthesize.execute(tenant, script, { voiceId: batch.voiceId });
          counts.succeeded += 1;
          counts.micros += outcome.micros;
          if (outcome.providerCalled) counts.calls += 1;
        } catch (error) {
          counts.failed += 1;
          failures.push({ itemId: script._id, error: (error as Error).message.slice(0, 300) });
        }
      });
      after = page[page.length - 1]._id;
      const saved = await this.batches.progress(batchId, runId, {
        $set: { checkpointId: after },
        $inc: { succeeded: counts.succeeded, failed: counts.failed, actualMicros: counts.micros, providerCalls: counts.calls },
        ...(failures.length > 0 ? { $push: { failures: { $each: failures, $slice: -100 } } } : {}),
      });
      if (!saved) {
        this.logger.warn(`Audio batch ${batchId.toHexString()} was taken over by another run; this run stops`);
        return;
      }
      if (saved.cancelRequested) {
        await this.finish(tenant, saved, runId, BatchStatus.Cancelled);
        return;
      }
    }
    const done = await this.batches.findById(batchId);
    if (done) await this.finish(tenant, done, runId, BatchStatus.Completed);
  }

  private async finish(tenant: Tenant, batch: VoicemailBatch, runId: string, status: BatchStatus): Promise<void> {
    await this.batches.progress(batch._id, runId, { $set: { status, finishedAt: this.clock.now(), total: Math.max(batch.total, batch.succeeded + batch.failed + batch.skipped) } });
    await moveIfAllowed(this.transition, tenant, batch.campaignId, CampaignAction.FinishGeneration);
  }
}
