import { Tenant } from '@cadence/api-core';
import { Types } from 'mongoose';
import { ContactErrorCode, ContactException } from '../contact.exception';
import { foldForSearch } from '../normalize/name.normalizer';
import { ConsentStatus, ContactSource } from '../schemas/contact.schema';
import { escapeRegex } from '../segments/segment-compiler';

/** The list's filters, shared by GET /contacts and bulk actions over a filter. */
export interface ContactFilterInput {
  search?: string;
  tag?: string;
  campaignId?: string;
  notInCampaign?: string;
  inAnyCampaign?: boolean;
  doNotContact?: boolean;
  smsConsent?: ConsentStatus;
  voiceConsent?: ConsentStatus;
  emailConsent?: ConsentStatus;
  state?: string;
  zip?: string;
  source?: ContactSource;
  lastContactedBefore?: Date;
  lastContactedAfter?: Date;
  /** Contacts an import created. */
  importBatchId?: string;
  /** A saved segment's conditions; needs the segment loaded, so only ContactFilterResolver handles it. */
  segmentId?: string;
}

const MAX_SEARCH_TERMS = 6;

/**
 * Compiles the list filters into a MongoDB filter. The repository adds the tenant at the top, which with
 * each search word's anchored prefix makes an index range scan on { userId, searchTokens }.
 */
export function compileContactFilter(input: ContactFilterInput, _tenant: Tenant): Record<string, unknown> {
  if (input.segmentId) {
    // Ignoring it would select every contact the other filters match: refuse rather than widen.
    throw new ContactException(ContactErrorCode.BulkSelectionInvalid, 'segmentId is not supported here; resolve the filter with ContactFilterResolver');
  }
  const and: Record<string, unknown>[] = [];
  if (input.search) and.push(...searchClauses(input.search));
  if (input.tag) and.push({ tags: input.tag.trim().toLowerCase() });
  if (input.campaignId) and.push({ 'campaignHistory.campaignIds': new Types.ObjectId(input.campaignId) });
  if (input.notInCampaign) and.push({ 'campaignHistory.campaignIds': { $ne: new Types.ObjectId(input.notInCampaign) } });
  if (input.inAnyCampaign !== undefined) and.push(input.inAnyCampaign ? { 'campaignHistory.campaignIds.0': { $exists: true } } : { 'campaignHistory.campaignIds': { $size: 0 } });
  if (input.doNotContact !== undefined) and.push(input.doNotContact ? { doNotContact: true } : { doNotContact: { $ne: true } });
  if (input.smsConsent) and.push({ 'consent.sms.status': input.smsConsent });
  if (input.voiceConsent) and.push({ 'consent.voice.status': input.voiceConsent });
  if (input.emailConsent) and.push({ 'consent.email.status': input.emailConsent });
  if (input.state) and.push({ $or: [{ 'propertyAddress.state': input.state.toUpperCase() }, { 'mailingAddress.state': input.state.toUpperCase() }] });
  if (input.zip) and.push({ $or: [{ 'propertyAddress.zip': input.zip }, { 'mailingAddress.zip': input.zip }] });
  if (input.source) and.push({ source: input.source });
  if (input.importBatchId) and.push({ importBatchId: new Types.ObjectId(input.importBatchId) });
  if (input.lastContactedBefore || input.lastContactedAfter) {
    and.push({
      'campaignHistory.lastContactedAt': {
        ...(input.lastContactedBefore ? { $lt: input.lastContactedBefore } : {}),
        ...(input.lastContactedAfter ? { $gt: input.lastContactedAfter } : {}),
      },
    });
  }
  if (and.length === 0) return {};
  return and.length === 1 ? and[0] : { $and: and };
}

/**
 * One anchored, case-sensitive prefix match per typed word against the stored (folded, lower-case)
 * tokens: the form MongoDB answers with an index range scan (a case-insensitive or unanchored regex
 * would read every key). A query that looks like a phone number in any format ("(760) 555-0134",
 * "+1 760 555 0134") is reduced to its digits first.
 */
function searchClauses(search: string): Record<string, unknown>[] {
  const text = search.trim();
  const digits = text.replace(/\D/g, '');
  const looksLikePhone = /^[\d\s().+\-x]+$/i.test(text) && digits.length >= 3;
  const terms = looksLikePhone
    ? [digits]
    : foldForSearch(text)
        .split(/[^\p{L}\p{N}@._+-]+/u)
        .filter(Boolean)
        .slice(0, MAX_SEARCH_TERMS);
  return terms.map((term) => ({ searchTokens: { $regex: `^${escapeRegex(term)}` } }));
}
