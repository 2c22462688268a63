import { ConsentStatus, ContactSource, ListingStatus, SegmentField, SegmentMatch, SegmentOperator } from '@cadence/web-api-client';
import type { SegmentConditionDto, SegmentDefinitionDto } from '@cadence/web-api-client';
import { CONSENT_LABELS, LISTING_STATUS_LABELS, SOURCE_LABELS } from '../shared/labels';

/** How a field is compared; mirrors the API's segment compiler, which has the final word. */
export type FieldKind = 'text' | 'code' | 'number' | 'date' | 'boolean' | 'tags' | 'campaigns' | 'exists';

interface FieldSpec {
  label: string;
  group: string;
  kind: FieldKind;
  /** For code fields with a fixed set of values. */
  choices?: ReadonlyArray<{ value: string; label: string }>;
}

const consentChoices = Object.values(ConsentStatus).map((value) => ({ value, label: CONSENT_LABELS[value] }));

export const SEGMENT_FIELDS: Record<SegmentField, FieldSpec> = {
  firstName: { label: 'First name', group: 'Contact', kind: 'text' },
  lastName: { label: 'Last name', group: 'Contact', kind: 'text' },
  email: { label: 'Email', group: 'Contact', kind: 'text' },
  hasPhone: { label: 'Has a phone', group: 'Contact', kind: 'exists' },
  hasEmail: { label: 'Has an email', group: 'Contact', kind: 'exists' },
  tags: { label: 'Tags', group: 'Contact', kind: 'tags' },
  source: {
    label: 'Source',
    group: 'Contact',
    kind: 'code',
    choices: Object.values(ContactSource).map((value) => ({ value, label: SOURCE_LABELS[value] })),
  },
  timeZone: { label: 'Time zone', group: 'Contact', kind: 'code' },
  createdAt: { label: 'Added on', group: 'Contact', kind: 'date' },
  propertyCity: { label: 'Property city', group: 'Address', kind: 'text' },
  propertyState: { label: 'Property state', group: 'Address', kind: 'code' },
  propertyZip: { label: 'Property ZIP', group: 'Address', kind: 'code' },
  mailingCity: { label: 'Mailing city', group: 'Address', kind: 'text' },
  mailingState: { label: 'Mailing state', group: 'Address', kind: 'code' },
  mailingZip: { label: 'Mailing ZIP', group: 'Address', kind: 'code' },
  propertyType: { label: 'Property type', group: 'Property', kind: 'text' },
  listingStatus: {
    label: 'Listing status',
    group: 'Property',
    kind: 'code',
    choices: Object.values(ListingStatus).map((value) => ({ value, label: LISTING_STATUS_LABELS[value] })),
  },
  daysOnMarket: { label: 'Days on market', group: 'Property', kind: 'number' },
  salePrice: { label: 'Sale price', group: 'Property', kind: 'number' },
  saleDate: { label: 'Sale date', group: 'Property', kind: 'date' },
  estimatedEquity: { label: 'Estimated equity', group: 'Property', kind: 'number' },
  absenteeOwner: { label: 'Absentee owner', group: 'Property', kind: 'boolean' },
  doNotContact: { label: 'Do not contact', group: 'Consent', kind: 'boolean' },
  smsConsent: { label: 'SMS consent', group: 'Consent', kind: 'code', choices: consentChoices },
  voiceConsent: { label: 'Voice consent', group: 'Consent', kind: 'code', choices: consentChoices },
  emailConsent: { label: 'Email consent', group: 'Consent', kind: 'code', choices: consentChoices },
  campaigns: { label: 'Campaigns (by id)', group: 'Campaigns', kind: 'campaigns' },
  totalCampaigns: { label: 'Number of campaigns', group: 'Campaigns', kind: 'number' },
  lastContactedAt: { label: 'Last contacted', group: 'Campaigns', kind: 'date' },
  lastRespondedAt: { label: 'Last responded', group: 'Campaigns', kind: 'date' },
};

const O = SegmentOperator;
export const OPERATORS_BY_KIND: Record<FieldKind, SegmentOperator[]> = {
  text: [O.equals, O.notEquals, O.contains, O.startsWith, O.in, O.notIn, O.isEmpty, O.isNotEmpty],
  code: [O.equals, O.notEquals, O.in, O.notIn, O.isEmpty, O.isNotEmpty],
  number: [O.equals, O.notEquals, O.gt, O.gte, O.lt, O.lte, O.between, O.isEmpty, O.isNotEmpty],
  date: [O.withinLastDays, O.notWithinLastDays, O.before, O.after, O.between, O.isEmpty, O.isNotEmpty],
  boolean: [O.is],
  tags: [O.hasAny, O.hasAll, O.hasNone, O.isEmpty, O.isNotEmpty],
  campaigns: [O.hasAny, O.hasAll, O.hasNone, O.isEmpty, O.isNotEmpty],
  exists: [O.is],
};

export const OPERATOR_LABELS: Record<SegmentOperator, string> = {
  equals: 'is',
  notEquals: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  startsWith: 'starts with',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  between: 'between',
  before: 'before',
  after: 'after',
  withinLastDays: 'in the last … days',
  notWithinLastDays: 'not in the last … days',
  is: 'is',
  hasAny: 'has any of',
  hasAll: 'has all of',
  hasNone: 'has none of',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
};

/** Which input the value needs, for a field kind and operator. */
export type ValueInput = 'none' | 'text' | 'choice' | 'list' | 'number' | 'number-range' | 'date' | 'date-range' | 'days' | 'boolean';

export function valueInputOf(field: SegmentField, operator: SegmentOperator): ValueInput {
  const spec = SEGMENT_FIELDS[field];
  switch (operator) {
    case O.isEmpty:
    case O.isNotEmpty:
      return 'none';
    case O.is:
      return 'boolean';
    case O.in:
    case O.notIn:
    case O.hasAny:
    case O.hasAll:
    case O.hasNone:
      return 'list';
    case O.withinLastDays:
    case O.notWithinLastDays:
      return 'days';
    case O.between:
      return spec.kind === 'date' ? 'date-range' : 'number-range';
    case O.before:
    case O.after:
      return 'date';
    case O.gt:
    case O.gte:
    case O.lt:
    case O.lte:
      return 'number';
    case O.equals:
    case O.notEquals:
      return spec.kind === 'number' ? 'number' : spec.choices ? 'choice' : 'text';
    default:
      return 'text';
  }
}

export type ConditionValue = SegmentConditionDto['value'];

/** A value that fits a freshly chosen operator (booleans start at "yes", the rest empty). */
export function initialValue(input: ValueInput): ConditionValue {
  switch (input) {
    case 'boolean':
      return true;
    case 'list':
      return [];
    case 'number-range':
    case 'date-range':
      return [];
    default:
      return undefined;
  }
}

/** Why a condition cannot be sent yet, in words for the agent; null when it is complete. */
export function conditionProblem(condition: SegmentConditionDto): string | null {
  const input = valueInputOf(condition.field, condition.operator);
  const value = condition.value;
  switch (input) {
    case 'none':
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Choose yes or no.';
    case 'text':
    case 'choice':
      return typeof value === 'string' && value.trim() !== '' ? null : 'Enter a value.';
    case 'list':
      return Array.isArray(value) && value.length > 0 ? null : 'Enter at least one value.';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'Enter a number.';
    case 'days':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? null : 'Enter a whole number of days.';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'Enter a date.';
    case 'number-range':
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number') ? null : 'Enter both numbers.';
    case 'date-range':
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)))
        ? null
        : 'Enter both dates.';
  }
}

export function definitionProblems(definition: SegmentDefinitionDto): number {
  return definition.groups.reduce((sum, group) => sum + group.conditions.filter((c) => conditionProblem(c) !== null).length, 0);
}

export function emptyCondition(): SegmentConditionDto {
  return { field: SegmentField.tags, operator: SegmentOperator.hasAny, value: [] };
}

export function emptyDefinition(): SegmentDefinitionDto {
  return { match: SegmentMatch.all, groups: [{ match: SegmentMatch.all, conditions: [emptyCondition()] }] };
}

export const FIELD_OPTIONS = (() => {
  const groups = new Map<string, Array<{ value: SegmentField; label: string }>>();
  for (const [value, spec] of Object.entries(SEGMENT_FIELDS) as Array<[SegmentField, FieldSpec]>) {
    const items = groups.get(spec.group) ?? [];
    items.push({ value, label: spec.label });
    groups.set(spec.group, items);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
})();

/** A one-line reading of a definition, for the segment list. */
export function describeDefinition(definition: SegmentDefinitionDto): string {
  const describeCondition = (c: SegmentConditionDto) => {
    const spec = SEGMENT_FIELDS[c.field];
    const op = OPERATOR_LABELS[c.operator];
    const value = c.value;
    const text = (v: unknown) => {
      const choice = spec?.choices?.find((option) => option.value === v);
      return choice ? choice.label : String(v);
    };
    let shown = '';
    if (typeof value === 'boolean') shown = value ? 'yes' : 'no';
    else if (Array.isArray(value)) shown = c.operator === 'between' ? value.map(text).join(' and ') : value.map(text).join(', ');
    else if (value !== undefined && value !== null) shown = c.operator === 'withinLastDays' || c.operator === 'notWithinLastDays' ? `${value} days` : text(value);
    return `${spec?.label ?? c.field} ${op}${shown ? ` ${shown}` : ''}`;
  };
  const groups = definition.groups.map((group) => {
    const inner = group.conditions.map(describeCondition).join(group.match === 'all' ? ' and ' : ' or ');
    return definition.groups.length > 1 && group.conditions.length > 1 ? `(${inner})` : inner;
  });
  return groups.join(definition.match === 'all' ? ' and ' : ' or ');
}
