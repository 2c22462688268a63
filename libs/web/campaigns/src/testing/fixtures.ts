import type {
  CampaignPlanResponseDto,
  CampaignResponseDto,
  ChannelStatsResponseDto,
  StrategyResponseDto,
  StrategyRunStatusResponseDto,
} from '@cadence/web-api-client';

export const CAMPAIGN_ID = '6b01902fe519b84038d530d8';
export const STRATEGY_ID = '6b01902fe519b84038d530e1';

export function channelStats(overrides: Partial<ChannelStatsResponseDto> = {}): ChannelStatsResponseDto {
  return { queued: 0, sent: 0, delivered: 0, engaged: 0, clicked: 0, responded: 0, failed: 0, skipped: 0, costUsd: 0, ...overrides };
}

/** A campaign as the API returns it, with only what a test cares about changed. */
export function campaign(overrides: Partial<CampaignResponseDto> = {}): CampaignResponseDto {
  return {
    id: CAMPAIGN_ID,
    name: 'PDCC Expireds',
    type: 'neighborhood_expireds',
    neighborhood: 'PDCC',
    description: null,
    status: 'draft',
    schedule: null,
    budget: { limitUsd: null, spentUsd: 0 },
    stats: { sms: channelStats(), email: channelStats(), voicemail: channelStats() },
    duplicatedFrom: null,
    pausedReason: null,
    approvedAt: null,
    launchedAt: null,
    submittedAt: null,
    completedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function textStrategy(overrides: Partial<StrategyResponseDto> = {}): StrategyResponseDto {
  return {
    id: STRATEGY_ID,
    campaignId: CAMPAIGN_ID,
    name: 'Text message',
    type: 'text',
    status: 'draft',
    steps: [
      {
        delayDays: 0,
        variants: [
          {
            key: 'A',
            weight: 1,
            body: 'Hi {{firstName|there}}, homes near {{propertyAddress}} are selling.',
            subject: null,
            html: null,
            text: null,
            voiceId: null,
            ttsBody: null,
            recordingMediaId: null,
            smsSegments: { encoding: 'GSM-7', segments: 1, units: 90, nonGsmCharacters: [] },
          },
        ],
      },
    ],
    emailSender: null,
    deployedAt: null,
    scheduledFor: null,
    completedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function runStatus(overrides: Partial<StrategyRunStatusResponseDto> = {}): StrategyRunStatusResponseDto {
  return {
    strategyId: STRATEGY_ID,
    status: 'active',
    total: 3,
    executions: { pending: 0, queued: 3, sending: 0, sent: 0, deferred: 0, skipped: 0, failed: 0, unknown: 0, cancelled: 0 },
    delivery: { queued: 0, sent: 0, delivered: 0, opened: 0, listened: 0, clicked: 0, responded: 0, failed: 0, bounced: 0, undelivered: 0 },
    etaSeconds: 3,
    ...overrides,
  };
}

export function plan(overrides: Partial<CampaignPlanResponseDto> = {}): CampaignPlanResponseDto {
  return {
    items: [
      {
        contactId: 'c1',
        contactName: 'Maria Gonzalez',
        strategyId: STRATEGY_ID,
        strategyName: 'Text message',
        channel: 'sms',
        step: 0,
        variant: 'A',
        outcome: 'send',
        plannedAt: '2026-12-01T09:00:00.000-05:00',
        timeZone: 'America/New_York',
        estimatedCostUsd: 0.0079,
        reasonCode: null,
        reason: null,
      },
      {
        contactId: 'c2',
        contactName: 'James Carter',
        strategyId: STRATEGY_ID,
        strategyName: 'Text message',
        channel: 'sms',
        step: 0,
        variant: 'A',
        outcome: 'excluded',
        plannedAt: null,
        timeZone: null,
        estimatedCostUsd: 0,
        reasonCode: 'no_consent',
        reason: 'No recorded consent for text messages',
      },
    ],
    total: 2,
    page: 1,
    limit: 10,
    totals: {
      contacts: 2,
      messages: 2,
      sends: 1,
      excluded: 1,
      estimatedCostUsd: 0.0079,
      excludedByReason: [{ reasonCode: 'no_consent', count: 1 }],
      byChannel: [{ channel: 'sms', sends: 1, estimatedCostUsd: 0.0079 }],
    },
    ...overrides,
  };
}
