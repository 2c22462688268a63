import { ApiProperty } from '@nestjs/swagger';
import { PhoneType } from '../normalize/phone.normalizer';
import { TimeZoneSource } from '../normalize/time-zone.resolver';
import { ChannelConsent, ChannelOptOut, ConsentStatus, Contact, ContactSource, ListingStatus, PostalAddress } from '../schemas/contact.schema';

export class PhoneResponseDto {
  @ApiProperty({ example: '+17605550134' })
  e164!: string;

  @ApiProperty({ type: String, nullable: true, example: '12' })
  extension!: string | null;

  @ApiProperty({ enum: PhoneType, enumName: 'PhoneType' })
  type!: PhoneType;

  @ApiProperty({ description: 'This number is on a do-not-call list' })
  dnc!: boolean;

  @ApiProperty({ type: String, nullable: true })
  label!: string | null;
}

export class AddressResponseDto {
  @ApiProperty()
  street!: string;

  @ApiProperty()
  city!: string;

  @ApiProperty({ example: 'CA' })
  state!: string;

  @ApiProperty({ example: '92260' })
  zip!: string;
}

export class RealEstateResponseDto {
  @ApiProperty({ enum: ListingStatus, enumName: 'ListingStatus', nullable: true })
  listingStatus!: ListingStatus | null;

  @ApiProperty({ type: Number, nullable: true })
  daysOnMarket!: number | null;

  @ApiProperty({ type: String, nullable: true })
  propertyType!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  saleDate!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  salePrice!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  estimatedEquity!: number | null;

  @ApiProperty({ type: String, nullable: true, description: "Assessor's parcel number" })
  apn!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  absenteeOwner!: boolean | null;
}

export class ChannelConsentResponseDto {
  @ApiProperty({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  status!: ConsentStatus;

  @ApiProperty({ type: String, nullable: true, example: 'open-house sign-in sheet' })
  source!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  capturedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The consent wording the contact saw' })
  wording!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;
}

export class ConsentResponseDto {
  @ApiProperty({ type: () => ChannelConsentResponseDto })
  sms!: ChannelConsentResponseDto;

  @ApiProperty({ type: () => ChannelConsentResponseDto })
  voice!: ChannelConsentResponseDto;

  @ApiProperty({ type: () => ChannelConsentResponseDto })
  email!: ChannelConsentResponseDto;
}

export class OptOutResponseDto {
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Where it came from: sms-reply, twilio-21610, sendgrid-unsubscribe, one-click-unsubscribe, dropcowboy-4016…' })
  source!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The proof: the reply text, provider event id or request' })
  evidence!: string | null;
}

export class EngagementResponseDto {
  @ApiProperty()
  responded!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'sms' })
  responseChannel!: string | null;

  @ApiProperty()
  converted!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  convertedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  conversionValue!: number | null;
}

export class OptOutsResponseDto {
  @ApiProperty({ type: () => OptOutResponseDto, nullable: true })
  sms!: OptOutResponseDto | null;

  @ApiProperty({ type: () => OptOutResponseDto, nullable: true })
  voice!: OptOutResponseDto | null;

  @ApiProperty({ type: () => OptOutResponseDto, nullable: true })
  email!: OptOutResponseDto | null;
}

export class CampaignHistorySummaryResponseDto {
  @ApiProperty({ type: [String] })
  campaignIds!: string[];

  @ApiProperty()
  totalCampaigns!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAddedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastContactedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastRespondedAt!: string | null;
}

export class ContactResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ type: [PhoneResponseDto] })
  phones!: PhoneResponseDto[];

  @ApiProperty({ type: [String] })
  emails!: string[];

  @ApiProperty({ type: () => AddressResponseDto, nullable: true })
  propertyAddress!: AddressResponseDto | null;

  @ApiProperty({ type: () => AddressResponseDto, nullable: true })
  mailingAddress!: AddressResponseDto | null;

  @ApiProperty({ type: () => RealEstateResponseDto })
  realEstate!: RealEstateResponseDto;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  customFields!: Record<string, string>;

  @ApiProperty({ enum: ContactSource, enumName: 'ContactSource' })
  source!: ContactSource;

  @ApiProperty({ type: String, nullable: true })
  importBatchId!: string | null;

  @ApiProperty({ type: () => ConsentResponseDto })
  consent!: ConsentResponseDto;

  @ApiProperty()
  doNotContact!: boolean;

  @ApiProperty({ type: String, nullable: true })
  doNotContactReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doNotContactAt!: string | null;

  @ApiProperty({ type: () => OptOutsResponseDto })
  optOuts!: OptOutsResponseDto;

  @ApiProperty({ type: String, nullable: true, example: 'America/Los_Angeles' })
  timeZone!: string | null;

  @ApiProperty({ enum: TimeZoneSource, enumName: 'TimeZoneSource', description: 'zip: from the address ZIP; area-code: from a phone; unknown: neither gave one zone' })
  timeZoneSource!: TimeZoneSource;

  @ApiProperty({ type: () => CampaignHistorySummaryResponseDto })
  campaignHistory!: CampaignHistorySummaryResponseDto;

  @ApiProperty({ type: () => EngagementResponseDto })
  engagement!: EngagementResponseDto;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  static from(contact: Contact): ContactResponseDto {
    const realEstate = contact.realEstate ?? ({} as Contact['realEstate']);
    const history = contact.campaignHistory ?? ({} as Contact['campaignHistory']);
    return {
      id: contact._id.toHexString(),
      firstName: contact.firstName ?? '',
      lastName: contact.lastName ?? '',
      phones: (contact.phones ?? []).map((p) => ({ e164: p.e164, extension: p.extension ?? null, type: p.type, dnc: p.dnc === true, label: p.label ?? null })),
      emails: contact.emails ?? [],
      propertyAddress: addressOf(contact.propertyAddress),
      mailingAddress: addressOf(contact.mailingAddress),
      realEstate: {
        listingStatus: realEstate.listingStatus ?? null,
        daysOnMarket: realEstate.daysOnMarket ?? null,
        propertyType: realEstate.propertyType ?? null,
        saleDate: iso(realEstate.saleDate),
        salePrice: realEstate.salePrice ?? null,
        estimatedEquity: realEstate.estimatedEquity ?? null,
        apn: realEstate.apn ?? null,
        absenteeOwner: realEstate.absenteeOwner ?? null,
      },
      tags: contact.tags ?? [],
      customFields: contact.customFields ?? {},
      source: contact.source,
      importBatchId: contact.importBatchId?.toHexString() ?? null,
      consent: { sms: consentOf(contact.consent?.sms), voice: consentOf(contact.consent?.voice), email: consentOf(contact.consent?.email) },
      doNotContact: contact.doNotContact === true,
      doNotContactReason: contact.doNotContactReason ?? null,
      doNotContactAt: iso(contact.doNotContactAt),
      optOuts: { sms: optOutOf(contact.optOuts?.sms), voice: optOutOf(contact.optOuts?.voice), email: optOutOf(contact.optOuts?.email) },
      timeZone: contact.timeZone ?? null,
      timeZoneSource: contact.timeZoneSource ?? TimeZoneSource.Unknown,
      campaignHistory: {
        campaignIds: (history.campaignIds ?? []).map((id) => id.toHexString()),
        totalCampaigns: history.totalCampaigns ?? 0,
        lastAddedAt: iso(history.lastAddedAt),
        lastContactedAt: iso(history.lastContactedAt),
        lastRespondedAt: iso(history.lastRespondedAt),
      },
      engagement: {
        responded: contact.engagement?.responded === true,
        respondedAt: iso(contact.engagement?.respondedAt),
        responseChannel: contact.engagement?.responseChannel ?? null,
        converted: contact.engagement?.converted === true,
        convertedAt: iso(contact.engagement?.convertedAt),
        conversionValue: contact.engagement?.conversionValue ?? null,
      },
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
    };
  }
}

export class ContactPageResponseDto {
  @ApiProperty({ type: [ContactResponseDto] })
  items!: ContactResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;
}

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

function addressOf(address: PostalAddress | null | undefined): AddressResponseDto | null {
  return address ? { street: address.street ?? '', city: address.city ?? '', state: address.state ?? '', zip: address.zip ?? '' } : null;
}

function consentOf(consent: ChannelConsent | undefined): ChannelConsentResponseDto {
  return {
    status: consent?.status ?? ConsentStatus.Unknown,
    source: consent?.source ?? null,
    capturedAt: iso(consent?.capturedAt),
    wording: consent?.wording ?? null,
    ip: consent?.ip ?? null,
  };
}

function optOutOf(optOut: ChannelOptOut | null | undefined): OptOutResponseDto | null {
  return optOut ? { at: optOut.at.toISOString(), reason: optOut.reason ?? null, source: optOut.source ?? null, evidence: optOut.evidence ?? null } : null;
}
