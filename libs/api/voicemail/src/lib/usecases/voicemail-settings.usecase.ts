import { FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ScriptTemplateKind, SCRIPT_TEMPLATES } from '../domain/script-templates';
import { ScriptTemplateDto, VoicemailSettingsRequestDto, VoicemailSettingsResponseDto } from '../dto/voicemail.dto';
import { VoicemailSettingsRepository } from '../repositories/voicemail-settings.repository';
import { VoicemailSettings } from '../schemas/voicemail-settings.schema';
import { VoicemailErrorCode, VoicemailException } from '../voicemail.exception';

const toDto = (s: VoicemailSettings): VoicemailSettingsResponseDto => ({ agentName: s.agentName, brokerage: s.brokerage, callbackNumber: s.callbackNumber, optOutNumber: s.optOutNumber, voiceId: s.voiceId, templateKind: s.templateKind as ScriptTemplateKind });

export function listTemplates(): ScriptTemplateDto[] {
  return Object.values(ScriptTemplateKind).map((kind) => ({ kind, label: SCRIPT_TEMPLATES[kind].label, guidance: SCRIPT_TEMPLATES[kind].guidance }));
}

@Injectable()
export class GetVoicemailSettingsUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly settings: VoicemailSettingsRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string): Promise<VoicemailSettingsResponseDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const found = await this.settings.find(tenant, campaign._id);
    if (!found) throw new VoicemailException(VoicemailErrorCode.SettingsMissing, 'Set the agent name, brokerage and callback number for this campaign first');
    return toDto(found);
  }
}

@Injectable()
export class SaveVoicemailSettingsUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly settings: VoicemailSettingsRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, input: VoicemailSettingsRequestDto): Promise<VoicemailSettingsResponseDto> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    return toDto(await this.settings.save(tenant, campaign._id, { agentName: input.agentName.trim(), brokerage: input.brokerage.trim(), callbackNumber: input.callbackNumber.trim(), optOutNumber: input.optOutNumber?.trim() || null, voiceId: input.voiceId?.trim() || null, templateKind: input.templateKind }));
  }
}
