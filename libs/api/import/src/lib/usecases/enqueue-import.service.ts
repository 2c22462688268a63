import { AssignContactsToCampaignUseCase } from '@cadence/api-contact';
import { Clock, QueueName, Tenant } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { Types } from 'mongoose';
import { ImportBatchResponseDto } from '../dto/import.dto';
import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportJob, RUN_IMPORT_ATTEMPTS, RunImportJobData } from '../import-jobs';
import { ImportBatchRepository, NewImportBatch } from '../repositories/import-batch.repository';

/** Records a batch and queues its one job (job id = batch id, so a retried request queues nothing twice). */
@Injectable()
export class EnqueueImportService {
  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly campaigns: AssignContactsToCampaignUseCase,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue<RunImportJobData>,
    private readonly clock: Clock,
  ) {}

  async resolveCampaign(tenant: Tenant, input: { campaignId?: string; newCampaignName?: string }): Promise<Types.ObjectId | null> {
    if (input.campaignId && input.newCampaignName) {
      throw new ImportException(ImportErrorCode.CampaignChoiceInvalid, 'Give campaignId or newCampaignName, not both');
    }
    if (input.campaignId) return (await this.campaigns.requireOwnedCampaign(tenant, input.campaignId)).id;
    if (input.newCampaignName) return (await this.campaigns.createCampaign(tenant, input.newCampaignName.trim())).id;
    return null;
  }

  async execute(tenant: Tenant, batch: NewImportBatch): Promise<ImportBatchResponseDto> {
    const created = await this.batches.create(tenant, batch);
    try {
      await this.queue.add(ImportJob.Run, { batchId: created._id.toHexString(), userId: tenant.userId, teamId: tenant.teamId }, { jobId: created._id.toHexString(), attempts: RUN_IMPORT_ATTEMPTS, backoff: { type: 'exponential', delay: 5000 } });
    } catch (error) {
      await this.batches.markFailed(created._id, 'IMPORT_QUEUE_UNAVAILABLE', 'The import could not be queued; try again', this.clock.now());
      throw error;
    }
    return ImportBatchResponseDto.from(created, this.clock.now());
  }
}
