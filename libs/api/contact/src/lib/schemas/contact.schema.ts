import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { PhoneType } from '../normalize/phone.normalizer';
import { TimeZoneSource } from '../normalize/time-zone.resolver';

export enum ContactSource {
  Manual = 'manual',
  Api = 'api',
  Csv = 'csv',
  Xlsx = 'xlsx',
  VCard = 'vcard',
  Json = 'json',
  TitleRep = 'title-rep',
  MojoDialer = 'mojo-dialer',
  GoogleContacts = 'google-contacts',
}

export enum ConsentChannel {
  Sms = 'sms',
  Voice = 'voice',
  Email = 'email',
}

export enum ConsentStatus {
  Granted = 'granted',
  Denied = 'denied',
  Unknown = 'unknown',
}

export enum ListingStatus {
  Active = 'active',
  Pending = 'pending',
  Sold = 'sold',
  Expired = 'expired',
  Withdrawn = 'withdrawn',
  OffMarket = 'off-market',
}

@Schema({ _id: false })
export class ContactPhone {
  @Prop({ required: true })
  e164!: string;

  @Prop({ type: String, default: null })
  extension!: string | null;

  @Prop({ type: String, enum: Object.values(PhoneType), default: PhoneType.Unknown })
  type!: PhoneType;

  /** Do-not-call applies to a number, not a person: one of several numbers may be on a DNC list. */
  @Prop({ type: Boolean, default: false })
  dnc!: boolean;

  @Prop({ type: String, default: null })
  label!: string | null;
}
const ContactPhoneSchema = SchemaFactory.createForClass(ContactPhone);

@Schema({ _id: false })
export class PostalAddress {
  @Prop({ type: String, default: '' })
  street!: string;

  @Prop({ type: String, default: '' })
  city!: string;

  /** USPS 2-letter code. */
  @Prop({ type: String, default: '' })
  state!: string;

  /** 5 digits, leading zeros kept. */
  @Prop({ type: String, default: '' })
  zip!: string;
}
const PostalAddressSchema = SchemaFactory.createForClass(PostalAddress);

@Schema({ _id: false })
export class RealEstateDetails {
  @Prop({ type: String, enum: [...Object.values(ListingStatus), null], default: null })
  listingStatus!: ListingStatus | null;

  @Prop({ type: Number, default: null })
  daysOnMarket!: number | null;

  @Prop({ type: String, default: null })
  propertyType!: string | null;

  @Prop({ type: Date, default: null })
  saleDate!: Date | null;

  @Prop({ type: Number, default: null })
  salePrice!: number | null;

  @Prop({ type: Number, default: null })
  estimatedEquity!: number | null;

  /** Assessor's parcel number, as the county writes it. */
  @Prop({ type: String, default: null })
  apn!: string | null;

  /** The owner's mailing address differs from the property: a classic farm-list signal. */
  @Prop({ type: Boolean, default: null })
  absenteeOwner!: boolean | null;
}
const RealEstateDetailsSchema = SchemaFactory.createForClass(RealEstateDetails);

/** What the contact agreed to on one channel, and the proof: where, when and the words shown. */
@Schema({ _id: false })
export class ChannelConsent {
  @Prop({ type: String, enum: Object.values(ConsentStatus), default: ConsentStatus.Unknown })
  status!: ConsentStatus;

  @Prop({ type: String, default: null })
  source!: string | null;

  @Prop({ type: Date, default: null })
  capturedAt!: Date | null;

  @Prop({ type: String, default: null })
  wording!: string | null;

  @Prop({ type: String, default: null })
  ip!: string | null;
}
const ChannelConsentSchema = SchemaFactory.createForClass(ChannelConsent);

@Schema({ _id: false })
export class ConsentByChannel {
  @Prop({ type: ChannelConsentSchema, default: () => ({}) })
  sms!: ChannelConsent;

  @Prop({ type: ChannelConsentSchema, default: () => ({}) })
  voice!: ChannelConsent;

  @Prop({ type: ChannelConsentSchema, default: () => ({}) })
  email!: ChannelConsent;
}
const ConsentByChannelSchema = SchemaFactory.createForClass(ConsentByChannel);

@Schema({ _id: false })
export class ChannelOptOut {
  @Prop({ type: Date, required: true })
  at!: Date;

  @Prop({ type: String, default: null })
  reason!: string | null;

  /** Where the opt-out came from (an SMS keyword, a provider event, one-click unsubscribe, the agent). */
  @Prop({ type: String, default: null })
  source?: string | null;

  /** The proof: the reply text, the provider event id, the unsubscribe request. */
  @Prop({ type: String, default: null })
  evidence?: string | null;
}
const ChannelOptOutSchema = SchemaFactory.createForClass(ChannelOptOut);

@Schema({ _id: false })
export class OptOutsByChannel {
  @Prop({ type: ChannelOptOutSchema, default: null })
  sms!: ChannelOptOut | null;

  @Prop({ type: ChannelOptOutSchema, default: null })
  voice!: ChannelOptOut | null;

  @Prop({ type: ChannelOptOutSchema, default: null })
  email!: ChannelOptOut | null;
}
const OptOutsByChannelSchema = SchemaFactory.createForClass(OptOutsByChannel);

/**
 * A summary of campaignContacts kept on the contact so lists can filter by campaign membership and
 * engagement without a join. campaignContacts stays the source of truth; the repository that adds a
 * membership updates both.
 */
@Schema({ _id: false })
export class CampaignHistorySummary {
  @Prop({ type: [Types.ObjectId], default: [] })
  campaignIds!: Types.ObjectId[];

  @Prop({ type: Number, default: 0 })
  totalCampaigns!: number;

  @Prop({ type: Date, default: null })
  lastAddedAt!: Date | null;

  /** Written by the send path when a touch goes out on any channel. */
  @Prop({ type: Date, default: null })
  lastContactedAt!: Date | null;

  /** Written when the contact replies, listens or clicks on any channel. */
  @Prop({ type: Date, default: null })
  lastRespondedAt!: Date | null;
}
const CampaignHistorySummarySchema = SchemaFactory.createForClass(CampaignHistorySummary);

/** How the contact answered the agent's campaigns, across them all (seed: engagement). */
@Schema({ _id: false })
export class ContactEngagement {
  @Prop({ type: Boolean, default: false })
  responded!: boolean;

  @Prop({ type: Date, default: null })
  respondedAt!: Date | null;

  /** The channel of the first response. */
  @Prop({ type: String, default: null })
  responseChannel!: string | null;

  @Prop({ type: Boolean, default: false })
  converted!: boolean;

  @Prop({ type: Date, default: null })
  convertedAt!: Date | null;

  /** What the conversion was worth (commission, deal value) in dollars, for ROI. */
  @Prop({ type: Number, default: null })
  conversionValue!: number | null;

  /** Per channel: the time of each delivery state reached ("delivered", "opened", "responded"…) and the latest one. */
  @Prop({ type: Object, default: () => ({}) })
  channels!: Record<string, Record<string, Date | string>>;
}
const ContactEngagementSchema = SchemaFactory.createForClass(ContactEngagement);

/** Which import row created the contact, so a resumed import counts it as created, not merged. */
@Schema({ _id: false })
export class ContactImportOrigin {
  @Prop({ type: Types.ObjectId, required: true })
  importBatchId!: Types.ObjectId;

  @Prop({ type: Number, required: true })
  rowNumber!: number;
}
const ImportOriginSchema = SchemaFactory.createForClass(ContactImportOrigin);

@Schema({ collection: 'contacts', timestamps: true })
export class Contact {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: '' })
  firstName!: string;

  @Prop({ type: String, default: '' })
  lastName!: string;

  @Prop({ type: [ContactPhoneSchema], default: [] })
  phones!: ContactPhone[];

  /** Lower-cased. */
  @Prop({ type: [String], default: [] })
  emails!: string[];

  @Prop({ type: PostalAddressSchema, default: null })
  propertyAddress!: PostalAddress | null;

  @Prop({ type: PostalAddressSchema, default: null })
  mailingAddress!: PostalAddress | null;

  @Prop({ type: RealEstateDetailsSchema, default: () => ({}) })
  realEstate!: RealEstateDetails;

  /** Lower-cased labels: "Farm 2024" and "farm 2024" are one tag. */
  @Prop({ type: [String], default: [] })
  tags!: string[];

  @Prop({ type: Object, default: () => ({}) })
  customFields!: Record<string, string>;

  @Prop({ type: String, enum: Object.values(ContactSource), required: true })
  source!: ContactSource;

  @Prop({ type: Types.ObjectId, default: null })
  importBatchId!: Types.ObjectId | null;

  @Prop({ type: ImportOriginSchema, default: null })
  importOrigin!: ContactImportOrigin | null;

  @Prop({ type: ConsentByChannelSchema, default: () => ({}) })
  consent!: ConsentByChannel;

  /** Never contact on any channel (a person's request, or the agent's decision). */
  @Prop({ type: Boolean, default: false })
  doNotContact!: boolean;

  @Prop({ type: String, default: null })
  doNotContactReason!: string | null;

  @Prop({ type: Date, default: null })
  doNotContactAt!: Date | null;

  @Prop({ type: OptOutsByChannelSchema, default: () => ({}) })
  optOuts!: OptOutsByChannel;

  @Prop({ type: ContactEngagementSchema, default: () => ({}) })
  engagement?: ContactEngagement;

  @Prop({ type: String, default: null })
  timeZone!: string | null;

  @Prop({ type: String, enum: Object.values(TimeZoneSource), default: TimeZoneSource.Unknown })
  timeZoneSource!: TimeZoneSource;

  @Prop({ type: CampaignHistorySummarySchema, default: () => ({}) })
  campaignHistory!: CampaignHistorySummary;

  // Derived keys, recomputed from the fields above on every write (see contact-keys.ts).

  /** "p:<E.164>" per phone and "e:<email>" per email, or "id:<_id>" when there is neither. */
  @Prop({ type: [String], required: true })
  dedupeKeys!: string[];

  /** E.164 of every phone; absent when there is none (segments' "has phone"). */
  @Prop({ type: [String], default: undefined })
  phoneKeys?: string[];

  /** Every email; absent when there is none. */
  @Prop({ type: [String], default: undefined })
  emailKeys?: string[];

  /** folded "first last|street|zip", for dedupe by name and address; absent without both. */
  @Prop({ type: String, default: undefined })
  nameAddressKey?: string;

  /** Folded words of name, email, address and digit forms of phones, for prefix search. */
  @Prop({ type: [String], default: [] })
  searchTokens!: string[];

  /** Folded names for sorting by name. */
  @Prop({ type: String, default: '' })
  lastNameLower!: string;

  @Prop({ type: String, default: '' })
  firstNameLower!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ContactSchema = SchemaFactory.createForClass(Contact);
// The contact list's default order (newest first) and every tenant-wide scan.
ContactSchema.index({ userId: 1, createdAt: -1, _id: -1 });
// Dedupe by phone or email (create, update, import lookups); unique so two writers racing on one
// number or address cannot both create a contact.
ContactSchema.index({ userId: 1, dedupeKeys: 1 }, { unique: true });
// Import dedupe of rows with the same owner name at the same address.
ContactSchema.index({ userId: 1, nameAddressKey: 1 });
// The list's search box: each typed word is an anchored prefix of a token, an index range scan.
ContactSchema.index({ userId: 1, searchTokens: 1 });
// The list's tag filter and bulk tag actions.
ContactSchema.index({ userId: 1, tags: 1 });
// The list's campaign / not-in-campaign filters and segment campaign conditions.
ContactSchema.index({ userId: 1, 'campaignHistory.campaignIds': 1 });
// The list filtered to one import's contacts (the import results screen links there).
ContactSchema.index({ userId: 1, importBatchId: 1 });
// The list sorted by name.
ContactSchema.index({ userId: 1, lastNameLower: 1, firstNameLower: 1, _id: 1 });
