import { CampaignMembershipRepository, CampaignRepository, FindOwnedCampaignUseCase, RecordCampaignCountersUseCase } from '@cadence/api-campaign';
import { Clock, parseObjectId, Tenant } from '@cadence/api-core';
import { MediaLinks } from '@cadence/api-media';
import { Injectable } from '@nestjs/common';
import { checkCompliance } from '../domain/compliance';
import { textHash } from '../domain/content-hash';
import { microsToUsd } from '../domain/costs';
import { ScriptTemplateKind } from '../domain/script-templates';
import { scriptStats } from '../domain/script-text';
import { BulkApproveRequestDto, ListScriptsQueryDto, RegenerateScriptRequestDto, ScriptPageDto, VoicemailScriptResponseDto } from '../dto/voicemail.dto';
import { scriptDto } from '../dto/voicemail.mappers';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { VoicemailSettingsRepository } from '../repositories/voicemail-settings.repository';
import { AudioStatus, ReviewStatus, ScriptGeneratedBy, VoicemailScript } from '../schemas/voicemail-script.schema';
import { VoicemailErrorCode, VoicemailException } from '../voicemail.exception';
import { senderOf, WriteScriptUseCase } from './write-script.usecase';

const HAS_AUDIO = [AudioStatus.Completed, AudioStatus.Generating];

/** The caller's script or 404. */
@Injectable()
export class FindOwnedScriptUseCase {
  constructor(private readonly scripts: VoicemailScriptRepository) {}

  async execute(tenant: Tenant, id: string): Promise<VoicemailScript> {
    const objectId = parseObjectId(id);
    const script = objectId ? await this.scripts.findOne(tenant, objectId) : null;
    if (!script) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'Script not found');
    return script;
  }
}

@Injectable()
export class ListScriptsUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly scripts: VoicemailScriptRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly links: MediaLinks,
  ) {}

  async execute(tenant: Tenant, campaignId: string, query: ListScriptsQueryDto): Promise<ScriptPageDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const page = query.page ?? 1;
    const limit = query.limit ?? 25;
    const [{ items, total }, summary] = await Promise.all([
      this.scripts.page(tenant, campaign._id, { reviewStatus: query.reviewStatus, audioStatus: query.audioStatus }, (page - 1) * limit, limit),
      this.scripts.summary(tenant, campaign._id),
    ]);
    const contacts = await this.members.findContacts(tenant, items.map((s) => s.contactId));
    const names = new Map(contacts.map((c) => [c._id.toHexString(), `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim() || (c.phones?.[0]?.e164 ?? null)]));
    return {
      items: items.map((s) => scriptDto(s, this.links, names.get(s.contactId.toHexString()) ?? null)),
      total,
      page,
      limit,
      summary: { total: summary.total, review: summary.review, audio: summary.audio, llmUsd: microsToUsd(summary.llmMicros), ttsUsd: microsToUsd(summary.ttsMicros), totalUsd: microsToUsd(summary.llmMicros + summary.ttsMicros) },
    };
  }
}

/** The agent's own words: version + 1, generatedBy manual, back to review. Refused once audio exists. */
@Injectable()
export class EditScriptUseCase {
  constructor(
    private readonly find: FindOwnedScriptUseCase,
    private readonly scripts: VoicemailScriptRepository,
    private readonly settings: VoicemailSettingsRepository,
    private readonly links: MediaLinks,
  ) {}

  async execute(tenant: Tenant, id: string, text: string): Promise<VoicemailScriptResponseDto> {
    const script = await this.find.execute(tenant, id);
    const refuse = () => new VoicemailException(VoicemailErrorCode.AudioExists, 'This script already has audio: delete the audio first, then edit the text', { audioStatus: script.audio.status });
    if (HAS_AUDIO.includes(script.audio.status)) throw refuse();
    const script_ = text.trim();
    const settings = await this.settings.find(tenant, script.campaignId);
    const updated = await this.scripts.update(
      tenant,
      script._id,
      { scriptVersion: script.scriptVersion, 'audio.status': { $nin: HAS_AUDIO } },
      {
        $set: { script: script_, ...scriptStats(script_), contentHash: textHash(script_), generatedBy: ScriptGeneratedBy.Manual, reviewStatus: ReviewStatus.Pending, reviewedAt: null, complianceProblems: settings ? checkCompliance(script_, senderOf(settings)).problems : [] },
        $inc: { scriptVersion: 1 },
      },
    );
    if (!updated) {
      const now = await this.find.execute(tenant, id);
      if (HAS_AUDIO.includes(now.audio.status)) throw refuse();
      throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'The script changed while you edited it; reload it');
    }
    return scriptDto(updated, this.links);
  }
}

@Injectable()
export class ReviewScriptUseCase {
  constructor(
    private readonly find: FindOwnedScriptUseCase,
    private readonly scripts: VoicemailScriptRepository,
    private readonly links: MediaLinks,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, id: string, status: ReviewStatus, notes: string | null): Promise<VoicemailScriptResponseDto> {
    const script = await this.find.execute(tenant, id);
    const updated = await this.scripts.update(tenant, script._id, {}, { $set: { reviewStatus: status, reviewNotes: notes?.trim() || null, reviewedAt: this.clock.now() } });
    if (!updated) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'Script not found');
    return scriptDto(updated, this.links);
  }

  async bulkApprove(tenant: Tenant, campaignId: string, input: BulkApproveRequestDto, campaigns: FindOwnedCampaignUseCase): Promise<number> {
    const campaign = await campaigns.execute(tenant, campaignId);
    const ids = input.scriptIds ? input.scriptIds.map((s) => parseObjectId(s)).filter((s): s is NonNullable<typeof s> => s !== null) : null;
    return this.scripts.approveMany(tenant, campaign._id, ids, this.clock.now());
  }
}

/** A fresh script for one contact, optionally with the agent's instructions. Refused once audio exists. */
@Injectable()
export class RegenerateScriptUseCase {
  constructor(
    private readonly find: FindOwnedScriptUseCase,
    private readonly scripts: VoicemailScriptRepository,
    private readonly settings: VoicemailSettingsRepository,
    private readonly campaigns: CampaignRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly write: WriteScriptUseCase,
    private readonly counters: RecordCampaignCountersUseCase,
    private readonly links: MediaLinks,
  ) {}

  async execute(tenant: Tenant, id: string, input: RegenerateScriptRequestDto): Promise<VoicemailScriptResponseDto> {
    const script = await this.find.execute(tenant, id);
    if (HAS_AUDIO.includes(script.audio.status)) throw new VoicemailException(VoicemailErrorCode.AudioExists, 'This script already has audio: delete the audio first, then regenerate');
    const [settings, campaign, [contact]] = await Promise.all([this.settings.find(tenant, script.campaignId), this.campaigns.findOne(tenant, script.campaignId), this.members.findContacts(tenant, [script.contactId])]);
    if (!settings) throw new VoicemailException(VoicemailErrorCode.SettingsMissing, 'Set the agent name, brokerage and callback number for this campaign first');
    if (!campaign || !contact) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'The campaign or contact of this script is gone');
    const kind = input.templateKind ?? (script.templateKind as ScriptTemplateKind | null) ?? (settings.templateKind as ScriptTemplateKind);
    const written = await this.write.execute(settings, campaign, contact, kind, input.customPrompt ?? null);
    const updated = await this.scripts.update(
      tenant,
      script._id,
      { scriptVersion: script.scriptVersion },
      {
        $set: {
          script: written.script,
          characterCount: written.characterCount,
          wordCount: written.wordCount,
          estimatedDurationSeconds: written.estimatedDurationSeconds,
          contentHash: written.contentHash,
          generatedBy: written.generatedBy,
          aiModel: written.aiModel,
          generationPrompt: written.generationPrompt,
          templateKind: written.templateKind,
          complianceProblems: written.complianceProblems,
          reviewStatus: ReviewStatus.Pending,
          reviewedAt: null,
        },
        $inc: { scriptVersion: 1, 'costs.llmPromptTokens': written.costs.llmPromptTokens, 'costs.llmCompletionTokens': written.costs.llmCompletionTokens, 'costs.llmMicros': written.costs.llmMicros },
      },
    );
    if (!updated) throw new VoicemailException(VoicemailErrorCode.ScriptNotFound, 'The script changed meanwhile; reload it');
    if (written.costs.llmMicros > 0) await this.counters.execute(tenant, script.campaignId, 'voicemail', { costMicros: written.costs.llmMicros }, written.costs.llmMicros);
    return scriptDto(updated, this.links);
  }
}
