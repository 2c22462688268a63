/**
 * The merge fields the API accepts (libs/api/channel MERGE_FIELDS); anything else is refused when the
 * strategy is saved, so the picker offers only these.
 */
export const MERGE_FIELD_GROUPS: ReadonlyArray<{ group: string; fields: ReadonlyArray<{ name: string; label: string; fallback?: string }> }> = [
  {
    group: 'Contact',
    fields: [
      { name: 'firstName', label: 'First name', fallback: 'there' },
      { name: 'lastName', label: 'Last name' },
      { name: 'fullName', label: 'Full name' },
      { name: 'email', label: 'Email' },
      { name: 'phone', label: 'Phone' },
    ],
  },
  {
    group: 'Property',
    fields: [
      { name: 'propertyAddress', label: 'Property address', fallback: 'your home' },
      { name: 'city', label: 'City' },
      { name: 'state', label: 'State' },
      { name: 'postalCode', label: 'ZIP code' },
      { name: 'listingStatus', label: 'Listing status' },
      { name: 'daysOnMarket', label: 'Days on market' },
    ],
  },
  {
    group: 'You',
    fields: [
      { name: 'agentName', label: 'Your name' },
      { name: 'agentFirstName', label: 'Your first name' },
      { name: 'agentPhone', label: 'Your phone' },
      { name: 'agentEmail', label: 'Your email' },
      { name: 'brokerage', label: 'Brokerage' },
      { name: 'brokerageAddress', label: 'Brokerage address' },
      { name: 'unsubscribeUrl', label: 'Unsubscribe link' },
    ],
  },
];

const KNOWN = new Set(MERGE_FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.name)));

/** The tag the picker inserts: `{{firstName|there}}` when a fallback makes sense, else `{{city}}`. */
export function mergeTag(name: string, fallback?: string): string {
  return fallback ? `{{${name}|${fallback}}}` : `{{${name}}}`;
}

/** Fields written in `template` that the API would refuse, each once, in order of first use. */
export function unknownMergeFields(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(/\{\{\s*([^}|]*?)\s*(?:\|[^}]*)?\}\}/g)) {
    const name = match[1] ?? '';
    if (!KNOWN.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** `text` with `tag` put where the caret was (or at the end), and where the caret goes next. */
export function insertAt(text: string, tag: string, selectionStart: number | null, selectionEnd: number | null): { value: string; caret: number } {
  const start = selectionStart ?? text.length;
  const end = selectionEnd ?? start;
  return { value: `${text.slice(0, start)}${tag}${text.slice(end)}`, caret: start + tag.length };
}
