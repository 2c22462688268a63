const STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT',
  delaware: 'DE', 'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL',
  indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD',
  massachusetts: 'MA', michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT',
  nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY',
  'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA',
  'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
  'puerto rico': 'PR', guam: 'GU', 'us virgin islands': 'VI', 'virgin islands': 'VI', 'american samoa': 'AS',
  'northern mariana islands': 'MP', 'washington dc': 'DC', 'washington d.c.': 'DC',
};
const CODES = new Set(Object.values(STATES));

export type Normalized<T> = { ok: true; value: T; reason?: never } | { ok: false; reason: string };

/** "California", "calif." is not guessed, "ca" and "CA" are: a state is a 2-letter USPS code or its full name. */
export function normalizeState(raw: string): Normalized<string> {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: true, value: '' };
  const upper = text.toUpperCase().replace(/\./g, '');
  if (upper.length === 2 && CODES.has(upper)) return { ok: true, value: upper };
  const code = STATES[text.toLowerCase()];
  return code ? { ok: true, value: code } : { ok: false, reason: `"${text}" is not a US state` };
}

/**
 * Five digits. ZIP+4 keeps its first five; a 3- or 4-digit value is a ZIP whose leading zeros a
 * spreadsheet ate ("2134" was "02134"), so it is padded back.
 */
export function normalizeZip(raw: string | number): Normalized<string> {
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: '' };
  const match = /^(\d{3,5})(?:[-\s]?\d{4})?$/.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not a ZIP code` };
  return { ok: true, value: match[1].padStart(5, '0') };
}

export function normalizeStreet(raw: string | null | undefined): string {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  const isAllCaps = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  return isAllCaps ? text.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s: string, l: string) => s + l.toUpperCase()) : text;
}
