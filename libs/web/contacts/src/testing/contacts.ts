import type { ContactResponseDto } from '@cadence/web-api-client';

/** A contact as the API returns it, with only what a test cares about changed. */
export function contact(id: string, firstName: string, lastName: string, overrides: Partial<ContactResponseDto> = {}): ContactResponseDto {
  const unknown = { status: 'unknown' as const, source: null, capturedAt: null, wording: null, ip: null };
  return {
    id,
    firstName,
    lastName,
    phones: [{ e164: '+17605550134', extension: null, type: 'unknown', dnc: false, label: null }],
    emails: [`${firstName.toLowerCase()}@example.com`],
    propertyAddress: { street: '74-123 Fairway Dr', city: 'Palm Desert', state: 'CA', zip: '92260' },
    mailingAddress: null,
    realEstate: {
      listingStatus: null,
      daysOnMarket: null,
      propertyType: null,
      saleDate: null,
      salePrice: null,
      estimatedEquity: null,
      apn: null,
      absenteeOwner: null,
    },
    tags: [],
    customFields: {},
    source: 'csv',
    importBatchId: null,
    consent: { sms: unknown, voice: unknown, email: unknown },
    doNotContact: false,
    doNotContactReason: null,
    doNotContactAt: null,
    optOuts: { sms: null, voice: null, email: null },
    timeZone: 'America/Los_Angeles',
    timeZoneSource: 'zip',
    campaignHistory: { campaignIds: [], totalCampaigns: 0, lastAddedAt: null, lastContactedAt: null, lastRespondedAt: null },
    engagement: { responded: false, respondedAt: null, responseChannel: null, converted: false, convertedAt: null, conversionValue: null },
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}
