import { FieldError } from '@cadence/api-core';
import { Types } from 'mongoose';
import { ConsentStatus, ContactSource, ListingStatus } from '../schemas/contact.schema';
import { ContactErrorCode, ContactException } from '../contact.exception';
import { SegmentCondition, SegmentDefinition, SegmentField, SegmentMatch, SegmentOperator } from './segment-definition';

type Kind = 'text' | 'code' | 'number' | 'date' | 'boolean' | 'tags' | 'campaigns' | 'exists';
type Filter = Record<string, unknown>;

interface FieldSpec {
  path: string;
  kind: Kind;
  /** For `code` fields: the only values a condition may name. */
  values?: readonly string[];
  /** How a stored value is normalised before comparing (states upper-case, tags lower-case). */
  normalize?: (value: string) => string;
}

const upper = (v: string) => v.trim().toUpperCase();
const lower = (v: string) => v.trim().toLowerCase();
const consentValues = Object.values(ConsentStatus);

/** The whitelist: a segment can name these fields only, each compiled onto one stored path. */
const FIELDS: Record<SegmentField, FieldSpec> = {
  [SegmentField.FirstName]: { path: 'firstName', kind: 'text' },
  [SegmentField.LastName]: { path: 'lastName', kind: 'text' },
  [SegmentField.Email]: { path: 'emails', kind: 'text' },
  [SegmentField.HasPhone]: { path: 'phoneKeys', kind: 'exists' },
  [SegmentField.HasEmail]: { path: 'emailKeys', kind: 'exists' },
  [SegmentField.PropertyCity]: { path: 'propertyAddress.city', kind: 'text' },
  [SegmentField.PropertyState]: { path: 'propertyAddress.state', kind: 'code', normalize: upper },
  [SegmentField.PropertyZip]: { path: 'propertyAddress.zip', kind: 'code' },
  [SegmentField.MailingCity]: { path: 'mailingAddress.city', kind: 'text' },
  [SegmentField.MailingState]: { path: 'mailingAddress.state', kind: 'code', normalize: upper },
  [SegmentField.MailingZip]: { path: 'mailingAddress.zip', kind: 'code' },
  [SegmentField.PropertyType]: { path: 'realEstate.propertyType', kind: 'text' },
  [SegmentField.ListingStatus]: { path: 'realEstate.listingStatus', kind: 'code', values: Object.values(ListingStatus) },
  [SegmentField.DaysOnMarket]: { path: 'realEstate.daysOnMarket', kind: 'number' },
  [SegmentField.SalePrice]: { path: 'realEstate.salePrice', kind: 'number' },
  [SegmentField.SaleDate]: { path: 'realEstate.saleDate', kind: 'date' },
  [SegmentField.EstimatedEquity]: { path: 'realEstate.estimatedEquity', kind: 'number' },
  [SegmentField.AbsenteeOwner]: { path: 'realEstate.absenteeOwner', kind: 'boolean' },
  [SegmentField.Source]: { path: 'source', kind: 'code', values: Object.values(ContactSource) },
  [SegmentField.Tags]: { path: 'tags', kind: 'tags', normalize: lower },
  [SegmentField.DoNotContact]: { path: 'doNotContact', kind: 'boolean' },
  [SegmentField.SmsConsent]: { path: 'consent.sms.status', kind: 'code', values: consentValues },
  [SegmentField.VoiceConsent]: { path: 'consent.voice.status', kind: 'code', values: consentValues },
  [SegmentField.EmailConsent]: { path: 'consent.email.status', kind: 'code', values: consentValues },
  [SegmentField.TimeZone]: { path: 'timeZone', kind: 'code' },
  [SegmentField.CreatedAt]: { path: 'createdAt', kind: 'date' },
  [SegmentField.Campaigns]: { path: 'campaignHistory.campaignIds', kind: 'campaigns' },
  [SegmentField.TotalCampaigns]: { path: 'campaignHistory.totalCampaigns', kind: 'number' },
  [SegmentField.LastContactedAt]: { path: 'campaignHistory.lastContactedAt', kind: 'date' },
  [SegmentField.LastRespondedAt]: { path: 'campaignHistory.lastRespondedAt', kind: 'date' },
};

const O = SegmentOperator;
const OPERATORS: Record<Kind, SegmentOperator[]> = {
  text: [O.Equals, O.NotEquals, O.In, O.NotIn, O.Contains, O.StartsWith, O.IsEmpty, O.IsNotEmpty],
  code: [O.Equals, O.NotEquals, O.In, O.NotIn, O.IsEmpty, O.IsNotEmpty],
  number: [O.Equals, O.NotEquals, O.GreaterThan, O.GreaterThanOrEqual, O.LessThan, O.LessThanOrEqual, O.Between, O.IsEmpty, O.IsNotEmpty],
  date: [O.Before, O.After, O.Between, O.WithinLastDays, O.NotWithinLastDays, O.IsEmpty, O.IsNotEmpty],
  boolean: [O.Is],
  tags: [O.HasAny, O.HasAll, O.HasNone, O.IsEmpty, O.IsNotEmpty],
  campaigns: [O.HasAny, O.HasAll, O.HasNone, O.IsEmpty, O.IsNotEmpty],
  exists: [O.Is],
};

export const MAX_SEGMENT_GROUPS = 10;
export const MAX_GROUP_CONDITIONS = 20;
const MAX_LIST_VALUES = 500;
const DAY_MS = 86_400_000;

class InvalidCondition extends Error {}

/**
 * Turns a saved segment into a MongoDB filter. Only whitelisted fields and operators compile, and
 * every value is type-checked and used as a value (strings are regex-escaped), so no user input is
 * ever passed through as query syntax. Unknown fields or operators answer 400 SEGMENT_INVALID.
 */
export function compileSegment(definition: SegmentDefinition, now: Date): Filter {
  const problems: FieldError[] = [];
  if (!Array.isArray(definition.groups) || definition.groups.length === 0) {
    throw new ContactException(ContactErrorCode.SegmentInvalid, 'A segment needs at least one group', [{ field: 'groups', messages: ['must not be empty'] }]);
  }
  const groups = definition.groups.map((group, g) => {
    const conditions = group.conditions.map((condition, c) => {
      try {
        return compileCondition(condition, now);
      } catch (error) {
        if (!(error instanceof InvalidCondition)) throw error;
        problems.push({ field: `groups.${g}.conditions.${c}`, messages: [error.message] });
        return {};
      }
    });
    if (conditions.length === 0) problems.push({ field: `groups.${g}.conditions`, messages: ['must not be empty'] });
    return combine(group.match, conditions);
  });
  if (problems.length > 0) {
    throw new ContactException(ContactErrorCode.SegmentInvalid, problems.map((p) => `${p.field}: ${p.messages.join(', ')}`).join('; '), problems);
  }
  return combine(definition.match, groups);
}

function combine(match: SegmentMatch, filters: Filter[]): Filter {
  if (filters.length === 1) return filters[0];
  return match === SegmentMatch.Any ? { $or: filters } : { $and: filters };
}

function compileCondition(condition: SegmentCondition, now: Date): Filter {
  const spec = Object.prototype.hasOwnProperty.call(FIELDS, condition.field) ? FIELDS[condition.field] : undefined;
  if (!spec) throw new InvalidCondition(`unknown field "${String(condition.field)}"`);
  if (!OPERATORS[spec.kind].includes(condition.operator)) {
    throw new InvalidCondition(`operator "${String(condition.operator)}" does not apply to ${condition.field} (use ${OPERATORS[spec.kind].join(', ')})`);
  }
  const { path } = spec;
  const value = condition.value;
  switch (condition.operator) {
    case O.IsEmpty:
      return spec.kind === 'tags' || spec.kind === 'campaigns' ? { [path]: { $size: 0 } } : { [path]: { $in: [null, ''] } };
    case O.IsNotEmpty:
      return spec.kind === 'tags' || spec.kind === 'campaigns' ? { [`${path}.0`]: { $exists: true } } : { [path]: { $nin: [null, ''] } };
    case O.Is: {
      const flag = booleanOf(value);
      if (spec.kind === 'exists') return { [path]: { $exists: flag } };
      return flag ? { [path]: true } : { [path]: { $ne: true } };
    }
    case O.Equals:
      return { [path]: equalityOf(spec, value) };
    case O.NotEquals: {
      const equal = equalityOf(spec, value);
      // MongoDB refuses a regex under $ne; $not takes one.
      return { [path]: equal instanceof RegExp ? { $not: equal } : { $ne: equal } };
    }
    case O.In:
      return { [path]: { $in: listOf(value).map((v) => equalityOf(spec, v)) } };
    case O.NotIn:
      return { [path]: { $nin: listOf(value).map((v) => equalityOf(spec, v)) } };
    case O.Contains:
      return { [path]: { $regex: escapeRegex(textOf(value)), $options: 'i' } };
    case O.StartsWith:
      return { [path]: { $regex: `^${escapeRegex(textOf(value))}`, $options: 'i' } };
    case O.GreaterThan:
      return { [path]: { $gt: numberOf(value) } };
    case O.GreaterThanOrEqual:
      return { [path]: { $gte: numberOf(value) } };
    case O.LessThan:
      return { [path]: { $lt: numberOf(value) } };
    case O.LessThanOrEqual:
      return { [path]: { $lte: numberOf(value) } };
    case O.Between: {
      const [from, to] = pairOf(value);
      return spec.kind === 'date' ? { [path]: { $gte: dateOf(from), $lte: dateOf(to) } } : { [path]: { $gte: numberOf(from), $lte: numberOf(to) } };
    }
    case O.Before:
      return { [path]: { $lt: dateOf(value) } };
    case O.After:
      return { [path]: { $gt: dateOf(value) } };
    case O.WithinLastDays:
      return { [path]: { $gte: new Date(now.getTime() - daysOf(value) * DAY_MS) } };
    case O.NotWithinLastDays:
      return { $or: [{ [path]: { $lt: new Date(now.getTime() - daysOf(value) * DAY_MS) } }, { [path]: null }] };
    case O.HasAny:
      return { [path]: { $in: membersOf(spec, value) } };
    case O.HasAll:
      return { [path]: { $all: membersOf(spec, value) } };
    case O.HasNone:
      return { [path]: { $nin: membersOf(spec, value) } };
  }
  throw new InvalidCondition(`unknown operator "${String(condition.operator)}"`);
}

function equalityOf(spec: FieldSpec, value: unknown): unknown {
  if (spec.kind === 'number') return numberOf(value);
  const text = textOf(value);
  if (spec.kind === 'text') return new RegExp(`^${escapeRegex(text)}$`, 'i');
  const normalized = spec.normalize ? spec.normalize(text) : text.trim();
  if (spec.values && !spec.values.includes(normalized)) throw new InvalidCondition(`"${text}" is not one of ${spec.values.join(', ')}`);
  return normalized;
}

function membersOf(spec: FieldSpec, value: unknown): unknown[] {
  const values = listOf(value);
  if (spec.kind === 'campaigns') {
    return values.map((v) => {
      if (typeof v !== 'string' || !/^[0-9a-f]{24}$/i.test(v)) throw new InvalidCondition(`"${String(v)}" is not a campaign id`);
      return new Types.ObjectId(v);
    });
  }
  return values.map((v) => (spec.normalize ? spec.normalize(textOf(v)) : textOf(v)));
}

function textOf(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) throw new InvalidCondition('value must be a non-empty text of at most 200 characters');
  return value.trim();
}

function numberOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidCondition('value must be a number');
  return value;
}

function booleanOf(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidCondition('value must be true or false');
  return value;
}

function daysOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 36_500) throw new InvalidCondition('value must be a whole number of days');
  return value;
}

function dateOf(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new InvalidCondition('value must be an ISO date');
  return date;
}

function listOf(value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST_VALUES) throw new InvalidCondition(`value must be a list of 1 to ${MAX_LIST_VALUES} values`);
  return value;
}

function pairOf(value: unknown): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) throw new InvalidCondition('value must be [from, to]');
  return [value[0], value[1]];
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
