import { Campaign } from '@cadence/api-campaign';
import { Contact } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { checkCompliance, enforceCompliance, SenderIdentity } from '../domain/compliance';
import { llmCostMicros } from '../domain/costs';
import { buildPrompt, ScriptFields, ScriptTemplateKind, SYSTEM_PROMPT } from '../domain/script-templates';
import { cleanScript, scriptStats, ScriptStats } from '../domain/script-text';
import { textHash } from '../domain/content-hash';
import { ScriptWriter } from '../llm/script-writer.port';
import { VoicemailSettings } from '../schemas/voicemail-settings.schema';
import { ScriptGeneratedBy } from '../schemas/voicemail-script.schema';
import { VoicemailConfig } from '../voicemail.config';

export interface WrittenScriptResult extends ScriptStats {
  script: string;
  contentHash: string;
  generatedBy: ScriptGeneratedBy;
  aiModel: string;
  generationPrompt: string;
  templateKind: ScriptTemplateKind;
  complianceProblems: string[];
  costs: { llmPromptTokens: number; llmCompletionTokens: number; llmMicros: number };
}

export function senderOf(settings: VoicemailSettings): SenderIdentity {
  return { agentName: settings.agentName, brokerage: settings.brokerage, callbackNumber: settings.callbackNumber, optOutNumber: settings.optOutNumber };
}

export function fieldsOf(settings: VoicemailSettings, campaign: Campaign, contact: Contact): ScriptFields {
  const address = contact.propertyAddress ?? contact.mailingAddress;
  return {
    sender: senderOf(settings),
    contact: {
      firstName: contact.firstName ?? '',
      lastName: contact.lastName ?? '',
      propertyAddress: address?.street ? address.street : null,
      city: address?.city ? address.city : null,
      listingStatus: contact.realEstate?.listingStatus ?? null,
      daysOnMarket: contact.realEstate?.daysOnMarket ?? null,
      estimatedEquity: contact.realEstate?.estimatedEquity ?? null,
      saleYear: contact.realEstate?.saleDate ? new Date(contact.realEstate.saleDate).getUTCFullYear() : null,
    },
    campaign: { name: campaign.name, type: campaign.type, neighborhood: campaign.neighborhood ?? null },
  };
}

/** One contact's script: prompt, writer, cleaning, the compliance lines, counts and cost. */
@Injectable()
export class WriteScriptUseCase {
  constructor(
    private readonly writer: ScriptWriter,
    private readonly config: VoicemailConfig,
  ) {}

  async execute(settings: VoicemailSettings, campaign: Campaign, contact: Contact, kind: ScriptTemplateKind, customPrompt: string | null): Promise<WrittenScriptResult> {
    const fields = fieldsOf(settings, campaign, contact);
    const prompt = buildPrompt(kind, fields, customPrompt);
    const written = await this.writer.write({ kind, fields, prompt, system: SYSTEM_PROMPT });
    const script = enforceCompliance(cleanScript(written.text), fields.sender);
    const llmMicros = written.billable ? llmCostMicros(written.promptTokens, written.completionTokens, this.config.prices()) : 0;
    return {
      script,
      ...scriptStats(script),
      contentHash: textHash(script),
      generatedBy: written.generatedBy === 'ai' ? ScriptGeneratedBy.Ai : ScriptGeneratedBy.Template,
      aiModel: written.model,
      generationPrompt: prompt,
      templateKind: kind,
      complianceProblems: checkCompliance(script, fields.sender).problems,
      costs: { llmPromptTokens: written.promptTokens, llmCompletionTokens: written.completionTokens, llmMicros },
    };
  }
}
