import type { AddressResponseDto, ContactResponseDto } from '@cadence/web-api-client';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const integer = new Intl.NumberFormat();

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

export function formatCount(value: number): string {
  return integer.format(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "Jane Smith", or what we do know about a contact without a name. */
export function contactName(contact: Pick<ContactResponseDto, 'firstName' | 'lastName' | 'emails' | 'phones'>): string {
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  if (name) return name;
  if (contact.emails[0]) return contact.emails[0];
  if (contact.phones[0]) return formatPhone(contact.phones[0].e164);
  return 'Unnamed contact';
}

/** +17605550134 → (760) 555-0134; other countries stay in E.164. */
export function formatPhone(e164: string, extension?: string | null): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  const base = us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
  return extension ? `${base} ext. ${extension}` : base;
}

export function formatAddress(address: AddressResponseDto | null | undefined): string {
  if (!address) return '';
  const cityLine = [address.city, [address.state, address.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.street, cityLine].filter(Boolean).join(', ');
}

/** Seconds left, as a person would say it: "less than a minute", "about 4 min", "about 1 h 20 min". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return seconds <= 1 ? 'a moment' : `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}
