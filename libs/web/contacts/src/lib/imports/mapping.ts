import type { ImportPreviewResponseDtoSuggestedMapping } from '@cadence/web-api-client';

/** What a file column can become (the API's ImportField; the spec names it only inline). */
export type ImportField = ImportPreviewResponseDtoSuggestedMapping[string];
export type ColumnMapping = Record<string, ImportField>;

/** At least one column must be one of these, or no row could become a reachable contact. */
export const CONTACT_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['phone', 'email']);

interface FieldInfo {
  label: string;
  group: string;
}

export const IMPORT_FIELDS: Record<ImportField, FieldInfo> = {
  firstName: { label: 'First name', group: 'Name' },
  lastName: { label: 'Last name', group: 'Name' },
  fullName: { label: 'Full name (split into first and last)', group: 'Name' },
  phone: { label: 'Phone', group: 'Phone and email' },
  phoneType: { label: 'Phone type (of the matching phone column)', group: 'Phone and email' },
  phoneDnc: { label: 'Phone on DNC list? (of the matching phone column)', group: 'Phone and email' },
  dncNumbers: { label: 'Numbers on a do-not-call list', group: 'Phone and email' },
  email: { label: 'Email', group: 'Phone and email' },
  doNotContact: { label: 'Do not contact (yes/no)', group: 'Phone and email' },
  propertyStreet: { label: 'Property street', group: 'Property address' },
  propertyCity: { label: 'Property city', group: 'Property address' },
  propertyState: { label: 'Property state', group: 'Property address' },
  propertyZip: { label: 'Property ZIP', group: 'Property address' },
  mailingStreet: { label: 'Mailing street', group: 'Mailing address' },
  mailingCity: { label: 'Mailing city', group: 'Mailing address' },
  mailingState: { label: 'Mailing state', group: 'Mailing address' },
  mailingZip: { label: 'Mailing ZIP', group: 'Mailing address' },
  listingStatus: { label: 'Listing status', group: 'Property' },
  daysOnMarket: { label: 'Days on market', group: 'Property' },
  propertyType: { label: 'Property type', group: 'Property' },
  saleDate: { label: 'Sale date', group: 'Property' },
  salePrice: { label: 'Sale price', group: 'Property' },
  estimatedEquity: { label: 'Estimated equity', group: 'Property' },
  apn: { label: 'APN (parcel number)', group: 'Property' },
  absenteeOwner: { label: 'Absentee owner (yes/no)', group: 'Property' },
  ownerOccupied: { label: 'Owner occupied (yes/no)', group: 'Property' },
  tags: { label: 'Tags', group: 'Other' },
  custom: { label: 'Keep as a custom field', group: 'Other' },
  ignore: { label: 'Do not import', group: 'Other' },
};

/** Grouped options for a Select, in the order above. */
export const FIELD_OPTIONS = (() => {
  const groups = new Map<string, Array<{ value: ImportField; label: string }>>();
  for (const [value, info] of Object.entries(IMPORT_FIELDS) as Array<[ImportField, FieldInfo]>) {
    const items = groups.get(info.group) ?? [];
    items.push({ value, label: info.label });
    groups.set(info.group, items);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
})();

export function hasContactColumn(mapping: ColumnMapping): boolean {
  return Object.values(mapping).some((field) => CONTACT_FIELDS.has(field));
}

/** Columns whose field the server did not recognise (kept as custom fields): worth a second look. */
export function unrecognisedColumns(mapping: ColumnMapping): string[] {
  return Object.entries(mapping)
    .filter(([, field]) => field === 'custom')
    .map(([column]) => column);
}

/** Columns mapped to a field that only one column can fill, other than the first of them. */
export function duplicateSingleFields(mapping: ColumnMapping): Map<string, ImportField> {
  const repeatable = new Set<ImportField>(['phone', 'email', 'phoneType', 'phoneDnc', 'dncNumbers', 'tags', 'custom', 'ignore']);
  const seen = new Set<ImportField>();
  const duplicates = new Map<string, ImportField>();
  for (const [column, field] of Object.entries(mapping)) {
    if (repeatable.has(field)) continue;
    if (seen.has(field)) duplicates.set(column, field);
    seen.add(field);
  }
  return duplicates;
}
