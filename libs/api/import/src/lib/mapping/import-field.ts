/** What a column of an imported file can be mapped onto. */
export enum ImportField {
  FirstName = 'firstName',
  LastName = 'lastName',
  /** One cell with the whole name ("Owner Name"), split into first and last. */
  FullName = 'fullName',
  /** Repeatable: every phone column adds numbers; one cell may hold several separated by ; , or :::. */
  Phone = 'phone',
  /** The type of the phone column with the same header stem ("Phone 1 - Type" for "Phone 1 - Value"). */
  PhoneType = 'phoneType',
  /** Yes/no for the phone column with the same stem ("Phone 2 DNC"). */
  PhoneDnc = 'phoneDnc',
  /** Numbers on a do-not-call list (Mojo "DNC Number"); a yes/no value flags every number of the row. */
  DncNumbers = 'dncNumbers',
  /** Yes/no: do not contact this person at all (Mojo "DNC Contact"). */
  DoNotContact = 'doNotContact',
  Email = 'email',
  PropertyStreet = 'propertyStreet',
  PropertyCity = 'propertyCity',
  PropertyState = 'propertyState',
  PropertyZip = 'propertyZip',
  MailingStreet = 'mailingStreet',
  MailingCity = 'mailingCity',
  MailingState = 'mailingState',
  MailingZip = 'mailingZip',
  ListingStatus = 'listingStatus',
  DaysOnMarket = 'daysOnMarket',
  PropertyType = 'propertyType',
  SaleDate = 'saleDate',
  SalePrice = 'salePrice',
  EstimatedEquity = 'estimatedEquity',
  Apn = 'apn',
  AbsenteeOwner = 'absenteeOwner',
  /** The inverse of absentee owner, as county exports often give it. */
  OwnerOccupied = 'ownerOccupied',
  Tags = 'tags',
  /** Kept under the column's name in the contact's custom fields. */
  Custom = 'custom',
  Ignore = 'ignore',
}

export const CONTACT_FIELDS: ReadonlySet<ImportField> = new Set([ImportField.Phone, ImportField.Email]);

export type ColumnMapping = Record<string, ImportField>;
