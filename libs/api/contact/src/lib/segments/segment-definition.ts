export enum SegmentMatch {
  All = 'all',
  Any = 'any',
}

/** The contact attributes a segment may test; each maps to one stored path in segment-compiler.ts. */
export enum SegmentField {
  FirstName = 'firstName',
  LastName = 'lastName',
  Email = 'email',
  HasPhone = 'hasPhone',
  HasEmail = 'hasEmail',
  PropertyCity = 'propertyCity',
  PropertyState = 'propertyState',
  PropertyZip = 'propertyZip',
  MailingCity = 'mailingCity',
  MailingState = 'mailingState',
  MailingZip = 'mailingZip',
  PropertyType = 'propertyType',
  ListingStatus = 'listingStatus',
  DaysOnMarket = 'daysOnMarket',
  SalePrice = 'salePrice',
  SaleDate = 'saleDate',
  EstimatedEquity = 'estimatedEquity',
  AbsenteeOwner = 'absenteeOwner',
  Source = 'source',
  Tags = 'tags',
  DoNotContact = 'doNotContact',
  SmsConsent = 'smsConsent',
  VoiceConsent = 'voiceConsent',
  EmailConsent = 'emailConsent',
  TimeZone = 'timeZone',
  CreatedAt = 'createdAt',
  Campaigns = 'campaigns',
  TotalCampaigns = 'totalCampaigns',
  LastContactedAt = 'lastContactedAt',
  LastRespondedAt = 'lastRespondedAt',
}

export enum SegmentOperator {
  Equals = 'equals',
  NotEquals = 'notEquals',
  In = 'in',
  NotIn = 'notIn',
  Contains = 'contains',
  StartsWith = 'startsWith',
  GreaterThan = 'gt',
  GreaterThanOrEqual = 'gte',
  LessThan = 'lt',
  LessThanOrEqual = 'lte',
  Between = 'between',
  Before = 'before',
  After = 'after',
  WithinLastDays = 'withinLastDays',
  NotWithinLastDays = 'notWithinLastDays',
  Is = 'is',
  HasAny = 'hasAny',
  HasAll = 'hasAll',
  HasNone = 'hasNone',
  IsEmpty = 'isEmpty',
  IsNotEmpty = 'isNotEmpty',
}

export type SegmentValue = string | number | boolean | Array<string | number> | null | undefined;

export interface SegmentCondition {
  field: SegmentField;
  operator: SegmentOperator;
  value?: SegmentValue;
}

export interface SegmentGroup {
  match: SegmentMatch;
  conditions: SegmentCondition[];
}

/** groups combined by `match`; each group's conditions combined by the group's own `match`. */
export interface SegmentDefinition {
  match: SegmentMatch;
  groups: SegmentGroup[];
}
