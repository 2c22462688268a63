import { CampaignAction, CampaignMembershipRepository, CampaignRepository, RecordCampaignCountersUseCase, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { testGroupOf } from '../domain/content-hash';
import { mapLimit } from '../domain/map-limit';
import { ScriptTemplateKind } from '../domain/script-templates';
import { VoicemailBatchRepository } from '../repositories/voicemail-batch.repository';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { VoicemailSettingsRepository } from '../repositories/voicemail-settings.repository';
import { BatchFailure, BatchKind, BatchStatus, VoicemailBatch } from '../schemas/voicemail-batch.schema';
import { BATCH_PAGE_SIZE } from '../voicemail-jobs';
import { VoicemailConfig } from '../voicemail.config';
import { moveIfAllowed } from './campaign-status-moves';
import { WriteScriptUseCase } from './write-script.usecase';

/**
 * The worker side of "Generate all scripts". Walks the campaign's members by contact id a page at a
 * time; after each page the batch records its counts and the page's last contact (the checkpoint). A
 * run resumed after a crash starts after the checkpoint, and a contact that already has a script is
 * never sent to the writer again (the unique (campaign, contact) index makes that hold under races too).
 */
@Injectable()
export class RunScriptBatchUseCase {
  private readonly logger = new Logger('ScriptBatch');

  constructor(
    private readonly batches: VoicemailBatchRepository,
    private readonly scripts: VoicemailScriptRepository,
    private readonly settings: VoicemailSettingsRepository,
    private readonly campaigns: CampaignRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly write: WriteScriptUseCase,
    private readonly counters: RecordCampaignCountersUseCase,
    private readonly transition: TransitionCampaignUseCase,
    private readonly config: VoicemailConfig,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, batchId: Types.ObjectId): Promise<void> {
    const found = await this.batches.findById(batchId);
    if (!found || found.kind !== BatchKind.Scripts) return;
    const succeeded = await this.scripts.countByBatch(batchId);
    const runId = randomUUID();
    const batch = await this.batches.claim(batchId, runId, this.clock.now(), succeeded + found.failed + found.skipped, { succeeded });
    if (!batch) return;
    const [campaign, settings] = await Promise.all([this.campaigns.findOne(tenant, batch.campaignId), this.settings.find(tenant, batch.campaignId)]);
    if (!campaign || !settings) {
      await this.batches.markFailed(batchId, campaign ? 'The campaign has no voicemail settings' : 'The campaign is gone', this.clock.now());
      return;
    }
    await moveIfAllowed(this.transition, tenant, campaign._id, CampaignAction.StartScriptGeneration);

    let after = batch.checkpointId;
    for (;;) {
      const page = await this.members.findBatchAfter(tenant, batch.campaignId, after, BATCH_PAGE_SIZE);
      if (page.length === 0) break;
      const contactIds = page.map((m) => m.contactId);
      const [contacts, existing] = await Promise.all([this.members.findContacts(tenant, contactIds), this.scripts.contactsWithScripts(tenant, batch.campaignId, contactIds)]);
      const byId = new Map(contacts.map((c) => [c._id.toHexString(), c]));
      const counts = { succeeded: 0, failed: 0, skipped: 0, micros: 0, calls: 0 };
      const failures: BatchFailure[] = [];
      const todo = contactIds.filter((id) => {
        const key = id.toHexString();
        if (!existing.has(key)) return byId.has(key);
        // Written by an earlier run of this batch: already in `succeeded` (counted from the scripts).
        if (existing.get(key) !== batchId.toHexString()) counts.skipped += 1;
        return false;
      });
      counts.skipped += contactIds.filter((id) => !existing.has(id.toHexString()) && !byId.has(id.toHexString())).length;
      await mapLimit(todo, this.config.LLM_CONCURRENCY, async (contactId) => {
        const contact = byId.get(contactId.toHexString());
        if (!contact) return;
        const group = batch.templateKindB ? testGroupOf(batchId.toHexString(), contactId.toHexString()) : null;
        const kind = (group === 'B' ? batch.templateKindB : (batch.templateKind ?? settings.templateKind)) as ScriptTemplateKind;
        try {
          counts.calls += 1;
          const written = await this.write.execute(settings, campaign, contact, kind, batch.customPrompt);
          const inserted = await this.scripts.insert(tenant, {
            teamId: tenant.teamId,
            campaignId: batch.campaignId,
            contactId,
            batchId,
            script: written.script,
            generatedBy: written.generatedBy,
            aiModel: written.aiModel,
            generationPrompt: written.generationPrompt,
            templateKind: written.templateKind,
            testGroup: group,
            contentHash: written.contentHash,
            characterCount: written.characterCount,
            wordCount: written.wordCount,
            estimatedDurationSeconds: written.estimatedDurationSeconds,
            complianceProblems: written.complianceProblems,
            costs: { ...written.costs, ttsCharacters: 0, ttsMicros: 0 },
          });
          if (inserted) {
            counts.succeeded += 1;
            counts.micros += written.costs.llmMicros;
          } else counts.skipped += 1;
        } catch (error) {
          counts.failed += 1;
          failures.push({ itemId: contactId, error: (error as Error).message.slice(0, 300) });
        }
      });
      if (counts.micros > 0) await this.counters.execute(tenant, batch.campaignId, 'voicemail', { costMicros: counts.micros }, counts.micros);
      after = page[page.length - 1].contactId;
      const saved = await this.batches.progress(batchId, runId, {
        $set: { checkpointId: after },
        $inc: { succeeded: counts.succeeded, failed: counts.failed, skipped: counts.skipped, actualMicros: counts.micros, providerCalls: counts.calls },
        ...(failures.length > 0 ? { $push: { failures: { $each: failures, $slice: -100 } } } : {}),
      });
      if (!saved) {
        this.logger.warn(`Script batch ${batchId.toHexString()} was taken over by another run; this run stops`);
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
