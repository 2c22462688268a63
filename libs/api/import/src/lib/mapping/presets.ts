import { ContactSource } from '@cadence/api-contact';
import { ImportFormat } from '../parsing/record-source';
import { ColumnMapping, ImportField } from './import-field';

export enum ImportPreset {
  Generic = 'generic',
  TitleRep = 'title-rep',
  MojoDialer = 'mojo-dialer',
  GoogleContacts = 'google-contacts',
}

const F = ImportField;

/** Header synonyms every preset understands, keyed by the header folded to lower-case letters and digits. */
const GENERIC: Record<string, ImportField> = {
  firstname: F.FirstName, first: F.FirstName, givenname: F.FirstName, fname: F.FirstName, ownerfirstname: F.FirstName, owner1firstname: F.FirstName,
  lastname: F.LastName, last: F.LastName, surname: F.LastName, familyname: F.LastName, lname: F.LastName, ownerlastname: F.LastName, owner1lastname: F.LastName,
  name: F.FullName, fullname: F.FullName, contactname: F.FullName, displayname: F.FullName, ownername: F.FullName, owner: F.FullName, owner1name: F.FullName, owner1fullname: F.FullName,
  phone: F.Phone, phonenumber: F.Phone, phones: F.Phone, telephone: F.Phone, tel: F.Phone, mobile: F.Phone, mobilephone: F.Phone, cell: F.Phone, cellphone: F.Phone,
  homephone: F.Phone, workphone: F.Phone, landline: F.Phone, primaryphone: F.Phone, phone1: F.Phone, phone2: F.Phone, phone3: F.Phone, phone4: F.Phone, phone5: F.Phone,
  email: F.Email, emails: F.Email, emailaddress: F.Email, email1: F.Email, email2: F.Email, email3: F.Email, primaryemail: F.Email, mail: F.Email,
  address: F.PropertyStreet, street: F.PropertyStreet, streetaddress: F.PropertyStreet, propertyaddress: F.PropertyStreet, propertystreet: F.PropertyStreet, situsaddress: F.PropertyStreet, siteaddress: F.PropertyStreet,
  addressstreet: F.PropertyStreet, addressline1: F.PropertyStreet, address1: F.PropertyStreet, addresscity: F.PropertyCity, addressstate: F.PropertyState, addresszip: F.PropertyZip, addresspostalcode: F.PropertyZip,
  city: F.PropertyCity, propertycity: F.PropertyCity, situscity: F.PropertyCity, sitecity: F.PropertyCity,
  state: F.PropertyState, st: F.PropertyState, propertystate: F.PropertyState, situsstate: F.PropertyState, region: F.PropertyState,
  zip: F.PropertyZip, zipcode: F.PropertyZip, postalcode: F.PropertyZip, postcode: F.PropertyZip, propertyzip: F.PropertyZip, situszip: F.PropertyZip, sitezip: F.PropertyZip,
  mailingaddress: F.MailingStreet, mailaddress: F.MailingStreet, mailingstreet: F.MailingStreet, owneraddress: F.MailingStreet, ownermailingaddress: F.MailingStreet,
  mailingcity: F.MailingCity, mailcity: F.MailingCity, ownercity: F.MailingCity,
  mailingstate: F.MailingState, mailstate: F.MailingState, ownerstate: F.MailingState,
  mailingzip: F.MailingZip, mailzip: F.MailingZip, mailingzipcode: F.MailingZip, ownerzip: F.MailingZip,
  status: F.ListingStatus, listingstatus: F.ListingStatus, mlsstatus: F.ListingStatus,
  dom: F.DaysOnMarket, daysonmarket: F.DaysOnMarket, cdom: F.DaysOnMarket,
  propertytype: F.PropertyType, landuse: F.PropertyType, usecode: F.PropertyType,
  saledate: F.SaleDate, lastsaledate: F.SaleDate, solddate: F.SaleDate, recordingdate: F.SaleDate,
  saleprice: F.SalePrice, lastsaleprice: F.SalePrice, soldprice: F.SalePrice,
  equity: F.EstimatedEquity, estimatedequity: F.EstimatedEquity, estequity: F.EstimatedEquity,
  apn: F.Apn, parcelnumber: F.Apn, parcel: F.Apn, parcelid: F.Apn,
  absentee: F.AbsenteeOwner, absenteeowner: F.AbsenteeOwner, ownerabsentee: F.AbsenteeOwner,
  owneroccupied: F.OwnerOccupied,
  tags: F.Tags, tag: F.Tags, labels: F.Tags, categories: F.Tags, groupmembership: F.Tags, groups: F.Tags,
  dnc: F.DoNotContact, donotcontact: F.DoNotContact, donotcall: F.DoNotContact, dnccontact: F.DoNotContact,
  dncnumber: F.DncNumbers, dncnumbers: F.DncNumbers, dncphone: F.DncNumbers, dncphones: F.DncNumbers,
};

interface PresetSpec {
  source: ContactSource;
  /** Headers that identify the export; all must be present for detection. */
  signature: string[];
  synonyms: Record<string, ImportField>;
  /** Header patterns (folded) for numbered columns: "Phone 3 - Value", "E-mail 2 - Value". */
  patterns: Array<[RegExp, ImportField]>;
}

export const PRESETS: Record<ImportPreset, PresetSpec> = {
  [ImportPreset.Generic]: { source: ContactSource.Csv, signature: [], synonyms: {}, patterns: [[/^phones?\d+$/, F.Phone], [/^e?mails?\d+$/, F.Email]] },
  [ImportPreset.TitleRep]: {
    source: ContactSource.TitleRep,
    signature: ['ownername'],
    synonyms: { propertyaddress: F.PropertyStreet, address: F.PropertyStreet, mailingaddress: F.MailingStreet, zip: F.PropertyZip, phone: F.Phone },
    patterns: [],
  },
  [ImportPreset.MojoDialer]: {
    source: ContactSource.MojoDialer,
    signature: ['dncnumber'],
    synonyms: { dncnumber: F.DncNumbers, dnccontact: F.DoNotContact, status: F.Custom },
    patterns: [[/^phone\d+$/, F.Phone], [/^phone\d*type$/, F.PhoneType], [/^phone\d*dnc$/, F.PhoneDnc]],
  },
  [ImportPreset.GoogleContacts]: {
    source: ContactSource.GoogleContacts,
    signature: ['phone1value'],
    synonyms: { name: F.FullName, givenname: F.FirstName, familyname: F.LastName, labels: F.Tags, groupmembership: F.Tags },
    patterns: [
      [/^phone\d+value$/, F.Phone],
      [/^phone\d+(type|label)$/, F.PhoneType],
      [/^e?mail\d+value$/, F.Email],
      [/^address1street$/, F.PropertyStreet],
      [/^address1city$/, F.PropertyCity],
      [/^address1region$/, F.PropertyState],
      [/^address1postalcode$/, F.PropertyZip],
      [/^address2street$/, F.MailingStreet],
      [/^address2city$/, F.MailingCity],
      [/^address2region$/, F.MailingState],
      [/^address2postalcode$/, F.MailingZip],
    ],
  },
};

export function foldHeader(header: string): string {
  return header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The export a header row looks like, so the agent need not know what "preset" means. */
export function detectPreset(columns: string[]): ImportPreset {
  const folded = new Set(columns.map(foldHeader));
  for (const preset of [ImportPreset.GoogleContacts, ImportPreset.MojoDialer, ImportPreset.TitleRep]) {
    if (PRESETS[preset].signature.every((h) => folded.has(h))) return preset;
  }
  return ImportPreset.Generic;
}

/** Each column's suggested field from the preset's and the generic synonyms; unknown columns become custom fields. */
export function suggestMapping(columns: string[], preset: ImportPreset): ColumnMapping {
  const spec = PRESETS[preset];
  const mapping: ColumnMapping = {};
  for (const column of columns) {
    const folded = foldHeader(column);
    const field = spec.synonyms[folded] ?? spec.patterns.find(([pattern]) => pattern.test(folded))?.[1] ?? GENERIC[folded];
    mapping[column] = field ?? (folded === '' ? F.Ignore : F.Custom);
  }
  return mapping;
}

const SOURCE_OF_FORMAT: Record<ImportFormat, ContactSource> = {
  [ImportFormat.Csv]: ContactSource.Csv,
  [ImportFormat.Xlsx]: ContactSource.Xlsx,
  [ImportFormat.VCard]: ContactSource.VCard,
  [ImportFormat.Json]: ContactSource.Json,
};

/** What imported contacts record as their source: the export's origin, else the file's format. */
export function contactSourceOf(preset: ImportPreset, format: ImportFormat | null): ContactSource {
  if (preset !== ImportPreset.Generic || format === null) return PRESETS[preset].source;
  return SOURCE_OF_FORMAT[format];
}
