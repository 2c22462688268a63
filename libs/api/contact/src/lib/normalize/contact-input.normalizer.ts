import { FieldError } from '@cadence/api-core';
import { AddressRequestDto, CreateContactRequestDto, RealEstateRequestDto } from '../dto/contact.request.dto';
import { ContactPhone, PostalAddress, RealEstateDetails } from '../schemas/contact.schema';
import { normalizeState, normalizeStreet, normalizeZip } from './address.normalizer';
import { normalizeEmail } from './email.normalizer';
import { normalizeName } from './name.normalizer';
import { normalizePhone } from './phone.normalizer';

export interface NormalizedContactFields {
  firstName?: string;
  lastName?: string;
  phones?: ContactPhone[];
  emails?: string[];
  propertyAddress?: PostalAddress | null;
  mailingAddress?: PostalAddress | null;
  realEstate?: Partial<RealEstateDetails>;
  tags?: string[];
  customFields?: Record<string, string>;
  doNotContact?: boolean;
  doNotContactReason?: string | null;
}

const MAX_CUSTOM_FIELDS = 50;
const MAX_CUSTOM_VALUE = 500;

/**
 * Normalises what an API caller sent, field by field, and names every field it refuses
 * (`phones.1.number`, `propertyAddress.state`), so the 400 tells the caller exactly what to fix.
 * Only the fields present in the input appear in the result, which is what PATCH needs.
 */
export function normalizeContactInput(input: CreateContactRequestDto): { fields: NormalizedContactFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fields: NormalizedContactFields = {};
  if (input.firstName !== undefined) fields.firstName = normalizeName(input.firstName);
  if (input.lastName !== undefined) fields.lastName = normalizeName(input.lastName);
  if (input.phones !== undefined) {
    const phones = new Map<string, ContactPhone>();
    input.phones.forEach((phone, i) => {
      const normalized = normalizePhone(phone.number);
      if (!normalized.ok) return errors.push({ field: `phones.${i}.number`, messages: [normalized.reason] });
      const existing = phones.get(normalized.e164);
      phones.set(normalized.e164, {
        e164: normalized.e164,
        extension: normalized.extension,
        type: phone.type ?? normalized.type,
        dnc: (phone.dnc ?? false) || (existing?.dnc ?? false),
        label: phone.label?.trim() || null,
      });
      return undefined;
    });
    fields.phones = [...phones.values()];
  }
  if (input.emails !== undefined) {
    const emails = new Set<string>();
    input.emails.forEach((email, i) => {
      const normalized = normalizeEmail(email);
      if (normalized.ok) emails.add(normalized.email);
      else errors.push({ field: `emails.${i}`, messages: [normalized.reason] });
    });
    fields.emails = [...emails];
  }
  if (input.propertyAddress !== undefined) fields.propertyAddress = addressOf(input.propertyAddress, 'propertyAddress', errors);
  if (input.mailingAddress !== undefined) fields.mailingAddress = addressOf(input.mailingAddress, 'mailingAddress', errors);
  if (input.realEstate !== undefined) fields.realEstate = realEstateOf(input.realEstate);
  if (input.tags !== undefined) fields.tags = normalizeTags(input.tags);
  if (input.customFields !== undefined) fields.customFields = customFieldsOf(input.customFields, errors);
  if (input.doNotContact !== undefined) fields.doNotContact = input.doNotContact;
  if (input.doNotContactReason !== undefined) fields.doNotContactReason = input.doNotContactReason?.trim() || null;
  return { fields, errors };
}

export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean))];
}

function addressOf(input: AddressRequestDto | null, field: string, errors: FieldError[]): PostalAddress | null {
  if (input === null) return null;
  const state = normalizeState(input.state ?? '');
  const zip = normalizeZip(input.zip ?? '');
  if (!state.ok) errors.push({ field: `${field}.state`, messages: [state.reason] });
  if (!zip.ok) errors.push({ field: `${field}.zip`, messages: [zip.reason] });
  const address = { street: normalizeStreet(input.street), city: normalizeName(input.city), state: state.ok ? state.value : '', zip: zip.ok ? zip.value : '' };
  return address.street || address.city || address.state || address.zip ? address : null;
}

function realEstateOf(input: RealEstateRequestDto): Partial<RealEstateDetails> {
  const result: Partial<RealEstateDetails> = {};
  if (input.listingStatus !== undefined) result.listingStatus = input.listingStatus;
  if (input.daysOnMarket !== undefined) result.daysOnMarket = input.daysOnMarket;
  if (input.propertyType !== undefined) result.propertyType = input.propertyType?.trim() || null;
  if (input.saleDate !== undefined) result.saleDate = input.saleDate ? new Date(input.saleDate) : null;
  if (input.salePrice !== undefined) result.salePrice = input.salePrice;
  if (input.estimatedEquity !== undefined) result.estimatedEquity = input.estimatedEquity;
  if (input.apn !== undefined) result.apn = input.apn?.trim() || null;
  if (input.absenteeOwner !== undefined) result.absenteeOwner = input.absenteeOwner;
  return result;
}

function customFieldsOf(input: Record<string, unknown>, errors: FieldError[]): Record<string, string> {
  const entries = Object.entries(input);
  if (entries.length > MAX_CUSTOM_FIELDS) errors.push({ field: 'customFields', messages: [`at most ${MAX_CUSTOM_FIELDS} custom fields`] });
  const result: Record<string, string> = {};
  for (const [key, value] of entries) {
    const name = key.trim();
    if (!name || name.length > 60 || name.startsWith('$') || name.includes('.')) {
      errors.push({ field: `customFields.${key}`, messages: ['a custom field name is 1-60 characters without "." or a leading "$"'] });
    } else if (typeof value !== 'string' || value.length > MAX_CUSTOM_VALUE) {
      errors.push({ field: `customFields.${key}`, messages: [`must be a text of at most ${MAX_CUSTOM_VALUE} characters`] });
    } else {
      result[name] = value.trim();
    }
  }
  return result;
}
