import { FindDncScrubsUseCase } from '@cadence/api-anti-spam';
import { Campaign, FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { FindContactByIdUseCase } from '@cadence/api-contact';
import { Execution, ExecutionCompliance, ListCampaignExecutionsUseCase, ListContactTouchesUseCase, StrategyRepository } from '@cadence/api-strategy';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { WebhookEventRepository } from '../repositories/webhook-event.repository';

const CONSENT_KEY: Record<string, 'sms' | 'voice' | 'email'> = { sms: 'sms', voicemail: 'voice', email: 'email' };
const PAGE = 500;
const DAY_MS = 24 * 3600 * 1000;

export const COMPLIANCE_COLUMNS = [
  'executionId',
  'contactId',
  'channel',
  'address',
  'step',
  'variant',
  'status',
  'reasonCode',
  'deliveryStatus',
  'sentAt',
  'consentStatus',
  'consentSource',
  'consentCapturedAt',
  'numberDnc',
  'dncRegistryListed',
  'dncScrubbedAt',
  'timeZone',
  'sendWindow',
  'touchesLast7Days',
  'contentHash',
  'provider',
  'providerMessageId',
  'providerReceiptIds',
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The compliance record of a campaign, one row per send: consent source and time, DNC status and scrub
 * date, the window and time zone used, the contact's touch count in the 7 days before the send, a hash
 * of the content (text, script, audio) and the provider's receipt ids. Written as CSV, a page at a time.
 * The facts are the ones stored on the execution when it was sent (issue #7); only the receipt ids, which
 * arrive afterwards, are read from the stored webhook events.
 */
@Injectable()
export class ExportComplianceRecordUseCase {
  constructor(
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly executions: ListCampaignExecutionsUseCase,
    private readonly strategies: StrategyRepository,
    private readonly contacts: FindContactByIdUseCase,
    private readonly touches: ListContactTouchesUseCase,
    private readonly dnc: FindDncScrubsUseCase,
    private readonly receipts: WebhookEventRepository,
  ) {}

  async *execute(tenant: Tenant, campaignId: string): AsyncGenerator<string> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const schedule = campaign.schedule;
    const window = schedule?.dailyStart && schedule.dailyEnd ? `${schedule.dailyStart}-${schedule.dailyEnd} (within legal 08:00-21:00)` : '08:00-21:00 legal calling hours';
    const legacy = { schedule, window };
    const hashes = new Map<string, string>();
    yield `${COMPLIANCE_COLUMNS.join(',')}\r\n`;
    let after: Types.ObjectId | null = null;
    for (;;) {
      const page = await this.executions.page(tenant, campaign._id, after, PAGE);
      if (page.length === 0) return;
      after = page[page.length - 1]._id;
      const lines: string[] = [];
      for (const e of page) {
        const c = e.compliance ?? (await this.recomputed(tenant, e, legacy, hashes));
        const receiptIds = (await this.receipts.findForExecution(e._id)).map((r) => `${r.provider}:${r.eventId}`);
        const row = [
          e._id.toHexString(),
          e.contactId.toHexString(),
          e.channel,
          e.address,
          e.step,
          e.variant,
          e.status,
          e.reasonCode,
          e.deliveryStatus,
          e.sentAt,
          c.consentStatus,
          c.consentSource,
          c.consentCapturedAt,
          c.numberDnc,
          c.dncRegistryListed,
          c.dncScrubbedAt,
          c.timeZone,
          c.sendWindow,
          c.touchesLast7Days,
          c.contentHash,
          e.provider,
          e.providerMessageId ?? null,
          receiptIds.join(' '),
        ];
        lines.push(`${row.map(csvCell).join(',')}\r\n`);
      }
      yield lines.join('');
      if (page.length < PAGE) return;
    }
  }

  /**
   * Executions sent before issue #7 carry no stored record: their facts are read now, as the export did
   * before, so consent, scrubs and touch counts may have changed since the send (and the content hash is
   * of the variant, not of the rendered message). Unsent executions get the same current view.
   */
  private async recomputed(tenant: Tenant, e: Execution, legacy: { schedule: Campaign['schedule']; window: string }, hashes: Map<string, string>): Promise<Partial<ExecutionCompliance>> {
    const contact = await this.contacts.execute(tenant, e.contactId);
    const consent = contact?.consent?.[CONSENT_KEY[e.channel]];
    const phone = contact?.phones?.find((p) => p.e164 === e.address);
    const scrub = e.address && e.channel !== 'email' ? (await this.dnc.execute(tenant, [e.address])).get(e.address) : undefined;
    const touchCount = e.sentAt ? (await this.touches.execute(tenant, e.contactId, new Date(e.sentAt.getTime() - 7 * DAY_MS))).filter((t) => t.at.getTime() < (e.sentAt as Date).getTime()).length : undefined;
    const hashKey = `${e.strategyId.toHexString()}:${e.step}:${e.variant}`;
    if (!hashes.has(hashKey)) {
      const strategy = await this.strategies.findById(tenant, e.strategyId);
      const variant = strategy?.steps[e.step]?.variants.find((v) => v.key === e.variant) ?? null;
      hashes.set(hashKey, variant ? createHash('sha256').update(JSON.stringify(variant)).digest('hex') : '');
    }
    return {
      consentStatus: consent?.status ?? 'unknown',
      consentSource: consent?.source ?? null,
      consentCapturedAt: consent?.capturedAt ?? null,
      numberDnc: phone ? phone.dnc : null,
      dncRegistryListed: scrub ? scrub.listed : null,
      dncScrubbedAt: scrub?.scrubbedAt ?? null,
      timeZone: contact?.timeZone ?? legacy.schedule?.timeZone ?? null,
      sendWindow: legacy.window,
      touchesLast7Days: touchCount,
      contentHash: hashes.get(hashKey),
    };
  }
}
