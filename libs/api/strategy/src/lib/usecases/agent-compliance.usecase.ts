import { AgentRulesDecision, DncScrub, evaluateAgentRules, FindDncScrubsUseCase, GetComplianceSettingsUseCase } from '@cadence/api-anti-spam';
import { Tenant } from '@cadence/api-core';
import { Contact } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { ExecutionChannel } from '../schemas/execution.schema';
import { ListContactTouchesUseCase } from './contact-sends.usecase';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The decision plus what it was read from, so the send's compliance record (issue #7) needs no query of its own. */
export type AgentComplianceResult = AgentRulesDecision & { dncScrub: DncScrub | null; agentHours: { start: string; end: string }; agentZone: string };

/**
 * The agent's compliance settings applied to one send that passed the legal gate: DNC registry scrubs,
 * the agent's sending hours, the touch budget across campaigns and channels, the FL/OK/MD daily cap.
 */
@Injectable()
export class CheckAgentComplianceUseCase {
  constructor(
    private readonly settings: GetComplianceSettingsUseCase,
    private readonly touches: ListContactTouchesUseCase,
    private readonly dnc: FindDncScrubsUseCase,
  ) {}

  /** `scrubTexts`: also read a text's number scrub, for the send's compliance record (the rules judge voicemail only). */
  async execute(tenant: Tenant, channel: ExecutionChannel, contact: Contact, address: string, fallbackTimeZone: string, now: Date, scrubTexts = false): Promise<AgentComplianceResult> {
    const [settings, touches, scrubs] = await Promise.all([
      this.settings.execute(tenant),
      this.touches.execute(tenant, contact._id, new Date(now.getTime() - WEEK_MS)),
      channel === ExecutionChannel.Voicemail || (scrubTexts && channel === ExecutionChannel.Sms) ? this.dnc.execute(tenant, [address]) : Promise.resolve(new Map<string, DncScrub>()),
    ]);
    const dncScrub = scrubs.get(address) ?? null;
    const decision = evaluateAgentRules({ channel, contact, address, settings, touches, dncScrub, fallbackTimeZone, now });
    return { ...decision, dncScrub, agentHours: settings.quietHours, agentZone: contact.timeZone ?? fallbackTimeZone };
  }
}
