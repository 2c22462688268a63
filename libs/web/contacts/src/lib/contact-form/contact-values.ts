import type { ApiError, ContactResponseDto, CreateContactRequestDto, PhoneType } from '@cadence/web-api-client';

export interface PhoneValues {
  number: string;
  /** '' lets the server decide from the number plan. */
  type: PhoneType | '';
  dnc: boolean;
  label: string;
}

export interface AddressValues {
  street: string;
  city: string;
  state: string;
  zip: string;
}

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  phones: PhoneValues[];
  emails: string[];
  propertyAddress: AddressValues;
  mailingAddress: AddressValues;
  tags: string[];
  doNotContact: boolean;
  doNotContactReason: string;
}

const emptyAddress = (): AddressValues => ({ street: '', city: '', state: '', zip: '' });

export const emptyPhone = (): PhoneValues => ({ number: '', type: '', dnc: false, label: '' });

/** The form's starting values: the contact as stored, or a blank contact with one phone and one email row. */
export function valuesFromContact(contact?: ContactResponseDto): ContactFormValues {
  if (!contact) {
    return { firstName: '', lastName: '', phones: [emptyPhone()], emails: [''], propertyAddress: emptyAddress(), mailingAddress: emptyAddress(), tags: [], doNotContact: false, doNotContactReason: '' };
  }
  const address = (a: ContactResponseDto['propertyAddress']): AddressValues =>
    a ? { street: a.street ?? '', city: a.city ?? '', state: a.state ?? '', zip: a.zip ?? '' } : emptyAddress();
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    phones: contact.phones.map((p) => ({ number: p.extension ? `${p.e164} x${p.extension}` : p.e164, type: p.type, dnc: p.dnc, label: p.label ?? '' })),
    emails: [...contact.emails],
    propertyAddress: address(contact.propertyAddress),
    mailingAddress: address(contact.mailingAddress),
    tags: [...contact.tags],
    doNotContact: contact.doNotContact,
    doNotContactReason: contact.doNotContactReason ?? '',
  };
}

function addressRequest(a: AddressValues): AddressValues | null {
  const trimmed = { street: a.street.trim(), city: a.city.trim(), state: a.state.trim(), zip: a.zip.trim() };
  return Object.values(trimmed).some(Boolean) ? trimmed : null;
}

/**
 * The create/update body. Blank phone and email rows are dropped, but the positions the server names
 * in its errors ("phones.1.number") must match the rows on screen, so `phoneRows` maps them back.
 */
export function requestFromValues(values: ContactFormValues): { body: CreateContactRequestDto; phoneRows: number[]; emailRows: number[] } {
  const phoneRows = values.phones.map((p, i) => (p.number.trim() ? i : -1)).filter((i) => i >= 0);
  const emailRows = values.emails.map((e, i) => (e.trim() ? i : -1)).filter((i) => i >= 0);
  return {
    body: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      phones: phoneRows.map((i) => {
        const p = values.phones[i];
        return { number: p.number.trim(), dnc: p.dnc, ...(p.type ? { type: p.type } : {}), ...(p.label.trim() ? { label: p.label.trim() } : {}) };
      }),
      emails: emailRows.map((i) => values.emails[i].trim()),
      propertyAddress: addressRequest(values.propertyAddress),
      mailingAddress: addressRequest(values.mailingAddress),
      tags: values.tags,
      doNotContact: values.doNotContact,
      doNotContactReason: values.doNotContact ? values.doNotContactReason.trim() || null : null,
    },
    phoneRows,
    emailRows,
  };
}

/**
 * The server's per-field problems keyed by the form's own field paths ("phones.2.number" is the third
 * row on screen even when a blank row before it was not sent). Problems no field shows come back
 * under "" so the form can show them above the fields.
 */
export function fieldErrorsOf(error: ApiError, phoneRows: number[], emailRows: number[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, messages } of error.fieldErrors) {
    const key = field.replace(/^(phones|emails)\.(\d+)/, (_, list: string, index: string) => {
      const rows = list === 'phones' ? phoneRows : emailRows;
      return `${list}.${rows[Number(index)] ?? index}`;
    });
    errors[KNOWN_FIELD.test(key) ? key : ''] = [errors[KNOWN_FIELD.test(key) ? key : ''], messages.join(' ')].filter(Boolean).join(' ');
  }
  return errors;
}

const KNOWN_FIELD =
  /^(firstName|lastName|emails|emails\.\d+|tags|doNotContactReason|phones|phones\.\d+\.(number|type|label)|(propertyAddress|mailingAddress)\.(street|city|state|zip))$/;
