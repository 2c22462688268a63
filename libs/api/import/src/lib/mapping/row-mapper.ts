import {
  ContactPhone,
  ImportedContactDraft,
  ListingStatus,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  normalizeState,
  normalizeStreet,
  normalizeTags,
  normalizeZip,
  PhoneType,
  PostalAddress,
  RealEstateDetails,
  splitFullName,
} from '@cadence/api-contact';
import { SourceRow } from '../parsing/record-source';
import { foldHeader } from './presets';
import { ColumnMapping, ImportField } from './import-field';

export interface CellError {
  rowNumber: number;
  column: string;
  value: string;
  reason: string;
}

export interface MappedRow {
  rowNumber: number;
  /** Null when the row cannot become a contact (no usable phone or email); its errors say why. */
  draft: ImportedContactDraft | null;
  errors: CellError[];
}

const F = ImportField;
const YES = new Set(['y', 'yes', 'true', '1', 'x', 'dnc']);
const NO = new Set(['n', 'no', 'false', '0', '']);
const LIST_SEPARATOR = /\s*(?::::|;|,|\|)\s*/;
const MAX_CELL = 1000;

/**
 * Turns one source row into a contact draft under a column mapping. A cell that cannot be
 * normalised is reported (row, column, value, reason) and left out; the row itself is kept when it
 * still has a valid phone or email, which is what makes a contact reachable.
 */
export function mapRow(row: SourceRow, mapping: ColumnMapping): MappedRow {
  const errors: CellError[] = [];
  const error = (column: string, value: string, reason: string) => errors.push({ rowNumber: row.rowNumber, column, value: value.slice(0, 200), reason });
  const cells = Object.entries(mapping)
    .map(([column, field]) => ({ column, field, value: (row.values[column] ?? '').slice(0, MAX_CELL).trim() }))
    .filter((c) => c.value !== '' && c.field !== F.Ignore);
  const of = (field: ImportField) => cells.filter((c) => c.field === field);
  const first = (field: ImportField) => of(field)[0]?.value ?? '';

  let firstName = normalizeName(first(F.FirstName));
  let lastName = normalizeName(first(F.LastName));
  if (!firstName && !lastName && first(F.FullName)) ({ firstName, lastName } = splitFullName(first(F.FullName)));

  const phones = new Map<string, ContactPhone>();
  const typeByStem = new Map(of(F.PhoneType).map((c) => [stemOf(c.column, 'type'), phoneTypeOf(c.value)]));
  const dncByStem = new Map(of(F.PhoneDnc).map((c) => [stemOf(c.column, 'dnc'), YES.has(c.value.toLowerCase())]));
  for (const cell of of(F.Phone)) {
    const stem = stemOf(cell.column, 'value');
    for (const part of splitList(cell.value)) {
      const phone = normalizePhone(part);
      if (!phone.ok) {
        error(cell.column, part, phone.reason);
        continue;
      }
      const known = phones.get(phone.e164);
      phones.set(phone.e164, {
        e164: phone.e164,
        extension: phone.extension ?? known?.extension ?? null,
        type: typeByStem.get(stem) ?? headerTypeOf(cell.column) ?? phone.type,
        dnc: (dncByStem.get(stem) ?? false) || (known?.dnc ?? false),
        label: null,
      });
    }
  }
  for (const cell of of(F.DncNumbers)) {
    const flag = cell.value.toLowerCase();
    if (YES.has(flag)) phones.forEach((p) => (p.dnc = true));
    else if (!NO.has(flag)) {
      for (const part of splitList(cell.value)) {
        const phone = normalizePhone(part);
        const listed = phone.ok ? phones.get(phone.e164) : undefined;
        if (listed) listed.dnc = true;
        else if (phone.ok) phones.set(phone.e164, { e164: phone.e164, extension: phone.extension, type: phone.type, dnc: true, label: null });
        else error(cell.column, part, phone.reason);
      }
    }
  }

  const emails = new Set<string>();
  for (const cell of of(F.Email)) {
    for (const part of splitList(cell.value)) {
      const email = normalizeEmail(part);
      if (email.ok) emails.add(email.email);
      else error(cell.column, part, email.reason);
    }
  }

  const address = (street: ImportField, city: ImportField, state: ImportField, zip: ImportField): PostalAddress | null => {
    const stateCell = of(state)[0];
    const zipCell = of(zip)[0];
    const normalizedState = stateCell ? normalizeState(stateCell.value) : { ok: true as const, value: '' };
    const normalizedZip = zipCell ? normalizeZip(zipCell.value) : { ok: true as const, value: '' };
    if (!normalizedState.ok && stateCell) error(stateCell.column, stateCell.value, normalizedState.reason);
    if (!normalizedZip.ok && zipCell) error(zipCell.column, zipCell.value, normalizedZip.reason);
    const result = {
      street: normalizeStreet(first(street)),
      city: normalizeName(first(city)),
      state: normalizedState.ok ? normalizedState.value : '',
      zip: normalizedZip.ok ? normalizedZip.value : '',
    };
    return result.street || result.city || result.state || result.zip ? result : null;
  };
  const propertyAddress = address(F.PropertyStreet, F.PropertyCity, F.PropertyState, F.PropertyZip);
  const mailingAddress = address(F.MailingStreet, F.MailingCity, F.MailingState, F.MailingZip);

  const realEstate: Partial<RealEstateDetails> = {};
  const number = (field: ImportField, set: (n: number) => void) => {
    const cell = of(field)[0];
    if (!cell) return;
    const parsed = Number(cell.value.replace(/[$,\s]/g, ''));
    if (Number.isFinite(parsed)) set(parsed);
    else error(cell.column, cell.value, `"${cell.value}" is not a number`);
  };
  number(F.DaysOnMarket, (n) => (realEstate.daysOnMarket = Math.max(0, Math.round(n))));
  number(F.SalePrice, (n) => (realEstate.salePrice = n));
  number(F.EstimatedEquity, (n) => (realEstate.estimatedEquity = n));
  const statusCell = of(F.ListingStatus)[0];
  if (statusCell) {
    const status = listingStatusOf(statusCell.value);
    if (status) realEstate.listingStatus = status;
    else error(statusCell.column, statusCell.value, `"${statusCell.value}" is not a listing status (${Object.values(ListingStatus).join(', ')})`);
  }
  if (first(F.PropertyType)) realEstate.propertyType = first(F.PropertyType);
  if (first(F.Apn)) realEstate.apn = first(F.Apn);
  const saleCell = of(F.SaleDate)[0];
  if (saleCell) {
    const date = dateOf(saleCell.value);
    if (date) realEstate.saleDate = date;
    else error(saleCell.column, saleCell.value, `"${saleCell.value}" is not a date`);
  }
  const absentee = of(F.AbsenteeOwner)[0];
  const occupied = of(F.OwnerOccupied)[0];
  if (absentee) realEstate.absenteeOwner = YES.has(absentee.value.toLowerCase());
  else if (occupied) realEstate.absenteeOwner = !YES.has(occupied.value.toLowerCase());
  else if (propertyAddress?.street && mailingAddress?.street) realEstate.absenteeOwner = !sameAddress(propertyAddress, mailingAddress);

  const tags = normalizeTags(of(F.Tags).flatMap((c) => splitList(c.value)).filter((t) => !t.startsWith('*')));
  const customFields = Object.fromEntries(of(F.Custom).map((c) => [c.column.replace(/[.$]/g, '_').slice(0, 60), c.value.slice(0, 500)]));
  const doNotContact = of(F.DoNotContact).some((c) => YES.has(c.value.toLowerCase()));

  if (phones.size === 0 && emails.size === 0) {
    const hadAny = of(F.Phone).length + of(F.Email).length > 0;
    errors.push({ rowNumber: row.rowNumber, column: '', value: '', reason: hadAny ? 'No valid phone number or email; row not imported' : 'No phone number or email; row not imported' });
    return { rowNumber: row.rowNumber, draft: null, errors };
  }
  return {
    rowNumber: row.rowNumber,
    draft: { rowNumber: row.rowNumber, firstName, lastName, phones: [...phones.values()], emails: [...emails], propertyAddress, mailingAddress, realEstate, tags, customFields, doNotContact },
    errors,
  };
}

/** "Phone 1 - Value" and "Phone 1 - Type" share the stem "phone1". */
function stemOf(column: string, suffix: string): string {
  const folded = foldHeader(column);
  for (const end of [suffix, 'value', 'number', 'label']) if (folded.endsWith(end) && folded.length > end.length) return folded.slice(0, -end.length);
  return folded;
}

function splitList(value: string): string[] {
  return value.split(LIST_SEPARATOR).map((v) => v.trim()).filter(Boolean);
}

function phoneTypeOf(value: string): PhoneType {
  const folded = value.toLowerCase();
  if (/mobile|cell|wireless/.test(folded)) return PhoneType.Mobile;
  if (/home|work|landline|fixed|office|main/.test(folded)) return PhoneType.Landline;
  return PhoneType.Unknown;
}

function headerTypeOf(column: string): PhoneType | undefined {
  const type = phoneTypeOf(column);
  return type === PhoneType.Unknown ? undefined : type;
}

function listingStatusOf(value: string): ListingStatus | null {
  const folded = foldHeader(value);
  const aliases: Record<string, ListingStatus> = {
    active: ListingStatus.Active, forsale: ListingStatus.Active, comingsoon: ListingStatus.Active,
    pending: ListingStatus.Pending, undercontract: ListingStatus.Pending, contingent: ListingStatus.Pending,
    sold: ListingStatus.Sold, closed: ListingStatus.Sold,
    expired: ListingStatus.Expired,
    withdrawn: ListingStatus.Withdrawn, cancelled: ListingStatus.Withdrawn, canceled: ListingStatus.Withdrawn,
    offmarket: ListingStatus.OffMarket,
  };
  return aliases[folded] ?? null;
}

/** ISO dates, US "M/D/YYYY" or "M/D/YY" (the spreadsheets agents get), as UTC midnight. */
function dateOf(value: string): Date | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (us) {
    const year = us[3].length === 2 ? 2000 + Number(us[3]) - (Number(us[3]) > 50 ? 100 : 0) : Number(us[3]);
    const date = new Date(Date.UTC(year, Number(us[1]) - 1, Number(us[2])));
    return date.getUTCMonth() === Number(us[1]) - 1 ? date : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return fold(a.street) === fold(b.street) && (!a.zip || !b.zip || a.zip === b.zip);
}
