/**
 * Our own merge-field syntax: `{{firstName}}`, with a fallback `{{firstName|there}}` used when the value is
 * missing or blank. Fields come from an allowlist so a typo is refused when the template is saved, and
 * rendering reads only own properties of a null-prototype copy, so `{{constructor}}` renders nothing.
 */

export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'propertyAddress',
  'city',
  'state',
  'postalCode',
  'listingStatus',
  'daysOnMarket',
  'agentName',
  'agentFirstName',
  'agentPhone',
  'agentEmail',
  'brokerage',
  'brokerageAddress',
  'unsubscribeUrl',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeValue = string | number | null | undefined;
export type MergeData = Readonly<Record<string, MergeValue>>;

export type TemplateToken =
  | { kind: 'text'; value: string }
  | { kind: 'field'; name: string; fallback: string | null; raw: string; index: number }
  | { kind: 'malformed'; raw: string; index: number; problem: MalformedTagProblem };

export type MalformedTagProblem = 'unclosed_tag' | 'empty_tag' | 'invalid_field_name' | 'braces_in_fallback';

export interface MalformedTag {
  index: number;
  tag: string;
  problem: MalformedTagProblem;
}

export interface UnknownField {
  name: string;
  index: number;
  /** The allowed field it differs from only by case, if any. */
  suggestion?: string;
}

export interface TemplateValidation {
  valid: boolean;
  /** Allowed fields used, each once, in order of first use. */
  fields: string[];
  unknownFields: UnknownField[];
  malformedTags: MalformedTag[];
}

const OPEN = '{{';
const CLOSE = '}}';
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseTemplate(text: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf(OPEN, cursor);
    if (open === -1) break;
    if (open > cursor) tokens.push({ kind: 'text', value: text.slice(cursor, open) });
    const close = text.indexOf(CLOSE, open + OPEN.length);
    const nextOpen = text.indexOf(OPEN, open + OPEN.length);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      const end = nextOpen === -1 ? text.length : nextOpen;
      tokens.push({ kind: 'malformed', raw: text.slice(open, end), index: open, problem: 'unclosed_tag' });
      cursor = end;
      continue;
    }
    const raw = text.slice(open, close + CLOSE.length);
    tokens.push(fieldToken(text.slice(open + OPEN.length, close), raw, open));
    cursor = close + CLOSE.length;
  }
  if (cursor < text.length) tokens.push({ kind: 'text', value: text.slice(cursor) });
  return tokens;
}

function fieldToken(inner: string, raw: string, index: number): TemplateToken {
  const bar = inner.indexOf('|');
  const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  const fallback = bar === -1 ? null : inner.slice(bar + 1).trim();
  if (name === '') return { kind: 'malformed', raw, index, problem: 'empty_tag' };
  if (!FIELD_NAME.test(name)) return { kind: 'malformed', raw, index, problem: 'invalid_field_name' };
  if (fallback !== null && /[{}]/.test(fallback)) return { kind: 'malformed', raw, index, problem: 'braces_in_fallback' };
  return { kind: 'field', name, fallback, raw, index };
}

/** What a save must refuse: fields outside the allowlist and tags that do not parse. */
export function validateTemplate(text: string, allowed: readonly string[] = MERGE_FIELDS): TemplateValidation {
  const allowedSet = new Set(allowed);
  const byLowerCase = new Map(allowed.map((f) => [f.toLowerCase(), f]));
  const fields: string[] = [];
  const unknownFields: UnknownField[] = [];
  const malformedTags: MalformedTag[] = [];
  for (const token of parseTemplate(text)) {
    if (token.kind === 'malformed') {
      malformedTags.push({ index: token.index, tag: token.raw, problem: token.problem });
    } else if (token.kind === 'field') {
      if (!allowedSet.has(token.name)) {
        const suggestion = byLowerCase.get(token.name.toLowerCase());
        unknownFields.push({ name: token.name, index: token.index, ...(suggestion ? { suggestion } : {}) });
      } else if (!fields.includes(token.name)) {
        fields.push(token.name);
      }
    }
  }
  return { valid: unknownFields.length === 0 && malformedTags.length === 0, fields, unknownFields, malformedTags };
}

export interface RenderOptions {
  /** `html` for email bodies; `none` for SMS, subjects and plain text. */
  escape: 'none' | 'html';
}

/**
 * Fills the fields. A missing or blank value takes the tag's fallback, else renders empty. Malformed tags
 * (refused at save, so only in old data) are kept as literal text.
 */
export function render(text: string, data: MergeData, options: RenderOptions = { escape: 'none' }): string {
  const values = nullPrototypeCopy(data);
  const out = (s: string) => (options.escape === 'html' ? escapeHtml(s) : s);
  return parseTemplate(text)
    .map((token) => {
      if (token.kind === 'text') return token.value;
      if (token.kind === 'malformed') return out(token.raw);
      return out(resolveField(values, token.name, token.fallback));
    })
    .join('');
}

/** The value a field renders to for this data, before escaping. */
export function resolveField(values: MergeData, name: string, fallback: string | null): string {
  const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
  const text = value === null || value === undefined ? '' : String(value);
  return text.trim() === '' ? (fallback ?? '') : text;
}

function nullPrototypeCopy(data: MergeData): MergeData {
  const copy: Record<string, MergeValue> = Object.create(null);
  for (const [key, value] of Object.entries(data)) copy[key] = value;
  return copy;
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] as string);
}
