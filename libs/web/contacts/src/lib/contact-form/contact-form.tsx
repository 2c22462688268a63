import type { ContactResponseDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { ActionIcon, Anchor, Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../shared/api-error';
import { type AddressValues, type ContactFormValues, emptyPhone, fieldErrorsOf, type PhoneValues, requestFromValues, valuesFromContact } from './contact-values';
import type { CreateContactRequestDto } from '@cadence/web-api-client';

const PHONE_TYPES = [
  { value: '', label: 'Detect' },
  { value: 'mobile', label: 'Mobile' },
  { value: 'landline', label: 'Landline' },
  { value: 'unknown', label: 'Unknown' },
];

export interface ContactFormProps {
  contact?: ContactResponseDto;
  submitLabel: string;
  saving: boolean;
  /** Saves the body; rejects with the API's error, whose field problems are shown on their fields. */
  onSubmit: (body: CreateContactRequestDto) => Promise<unknown>;
  onCancel?: () => void;
}

/** Names, phones with their DNC flags, emails, both addresses, tags and do-not-contact; the server validates. */
export function ContactForm({ contact, submitLabel, saving, onSubmit, onCancel }: ContactFormProps) {
  const [values, setValues] = useState<ContactFormValues>(() => valuesFromContact(contact));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; code: string; holders: string[] } | null>(null);

  const set = (patch: Partial<ContactFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const setPhone = (index: number, patch: Partial<PhoneValues>) => set({ phones: values.phones.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const setAddress = (which: 'propertyAddress' | 'mailingAddress', patch: Partial<AddressValues>) => set({ [which]: { ...values[which], ...patch } });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { body, phoneRows, emailRows } = requestFromValues(values);
    setErrors({});
    setFailure(null);
    try {
      await onSubmit(body);
    } catch (error) {
      const apiError = toApiError(error);
      const byField = fieldErrorsOf(apiError, phoneRows, emailRows);
      const { '': unplaced, ...placed } = byField;
      setErrors(placed);
      if (Object.keys(placed).length === 0 || unplaced) setFailure({ message: unplaced || apiError.message, code: apiError.code, holders: duplicateHolders(apiError.details) });
      const first = Object.keys(placed)[0];
      if (first) document.getElementById(inputId(first))?.focus();
    }
  };

  const address = (which: 'propertyAddress' | 'mailingAddress', legend: string) => (
    <Fieldset legend={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput id={inputId(`${which}.street`)} label="Street" value={values[which].street} error={errors[`${which}.street`]} onChange={(e) => setAddress(which, { street: e.currentTarget.value })} />
        <TextInput id={inputId(`${which}.city`)} label="City" value={values[which].city} error={errors[`${which}.city`]} onChange={(e) => setAddress(which, { city: e.currentTarget.value })} />
        <TextInput id={inputId(`${which}.state`)} label="State" description="2-letter code or name" value={values[which].state} error={errors[`${which}.state`]} onChange={(e) => setAddress(which, { state: e.currentTarget.value })} />
        <TextInput id={inputId(`${which}.zip`)} label="ZIP" value={values[which].zip} error={errors[`${which}.zip`]} onChange={(e) => setAddress(which, { zip: e.currentTarget.value })} />
      </SimpleGrid>
    </Fieldset>
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        {failure ? <ErrorAlert title="Could not save the contact" message={failure.message} code={failure.code} /> : null}
        {failure && failure.holders.length > 0 ? (
          <Group gap="sm">
            {failure.holders.map((id, index) => (
              <Anchor key={id} component={Link} to={`/contacts/${id}`} size="sm">
                Open the contact that has it{failure.holders.length > 1 ? ` (${index + 1})` : ''}
              </Anchor>
            ))}
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput id={inputId('firstName')} label="First name" value={values.firstName} error={errors['firstName']} onChange={(e) => set({ firstName: e.currentTarget.value })} />
          <TextInput id={inputId('lastName')} label="Last name" value={values.lastName} error={errors['lastName']} onChange={(e) => set({ lastName: e.currentTarget.value })} />
        </SimpleGrid>

        <Fieldset legend="Phones">
          <Stack gap="sm">
            {values.phones.map((phone, index) => (
              <Group key={index} align="flex-start" gap="sm" wrap="wrap" role="group" aria-label={`Phone ${index + 1}`}>
                <TextInput
                  id={inputId(`phones.${index}.number`)}
                  label="Number"
                  placeholder="(760) 555-0134"
                  value={phone.number}
                  error={errors[`phones.${index}.number`]}
                  onChange={(e) => setPhone(index, { number: e.currentTarget.value })}
                  style={{ flex: '2 1 12rem' }}
                />
                <Select label="Type" data={PHONE_TYPES} value={phone.type} allowDeselect={false} onChange={(value) => setPhone(index, { type: (value ?? '') as PhoneValues['type'] })} style={{ flex: '1 1 8rem' }} />
                <TextInput label="Label" value={phone.label} error={errors[`phones.${index}.label`]} onChange={(e) => setPhone(index, { label: e.currentTarget.value })} style={{ flex: '1 1 8rem' }} />
                <Checkbox label="Do not call" checked={phone.dnc} onChange={(e) => setPhone(index, { dnc: e.currentTarget.checked })} mt={30} />
                <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove phone ${index + 1}`} onClick={() => set({ phones: values.phones.filter((_, i) => i !== index) })}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            {errors['phones'] ? <ErrorText>{errors['phones']}</ErrorText> : null}
            <Button variant="default" size="xs" w="fit-content" onClick={() => set({ phones: [...values.phones, emptyPhone()] })}>
              Add phone
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend="Emails">
          <Stack gap="sm">
            {values.emails.map((email, index) => (
              <Group key={index} align="flex-start" gap="sm">
                <TextInput
                  id={inputId(`emails.${index}`)}
                  label={`Email ${index + 1}`}
                  type="email"
                  value={email}
                  error={errors[`emails.${index}`]}
                  onChange={(e) => set({ emails: values.emails.map((v, i) => (i === index ? e.currentTarget.value : v)) })}
                  style={{ flex: 1 }}
                />
                <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove email ${index + 1}`} onClick={() => set({ emails: values.emails.filter((_, i) => i !== index) })}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            {errors['emails'] ? <ErrorText id={inputId('emails')}>{errors['emails']}</ErrorText> : null}
            <Button variant="default" size="xs" w="fit-content" onClick={() => set({ emails: [...values.emails, ''] })}>
              Add email
            </Button>
          </Stack>
        </Fieldset>

        {address('propertyAddress', 'Property address')}
        {address('mailingAddress', 'Mailing address')}

        <TagsInput id={inputId('tags')} label="Tags" description="Press Enter after each tag" value={values.tags} error={errors['tags']} onChange={(tags) => set({ tags })} />

        <Checkbox label="Do not contact this person on any channel" checked={values.doNotContact} onChange={(e) => set({ doNotContact: e.currentTarget.checked })} />
        {values.doNotContact ? (
          <Textarea id={inputId('doNotContactReason')} label="Reason" value={values.doNotContactReason} error={errors['doNotContactReason']} onChange={(e) => set({ doNotContactReason: e.currentTarget.value })} autosize minRows={1} />
        ) : null}

        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={saving}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The contacts a 409 CONTACT_DUPLICATE names as already holding the phone or email. */
function duplicateHolders(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => (typeof d === 'object' && d !== null && typeof (d as { contactId?: unknown }).contactId === 'string' ? [(d as { contactId: string }).contactId] : []));
}

function ErrorText({ children, id }: { children: string; id?: string }) {
  return (
    <div id={id} role="alert" tabIndex={-1} style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
      {children}
    </div>
  );
}

/** Stable element ids per field path, so the first field the server rejected can take the focus. */
function inputId(field: string): string {
  return `contact-${field.replace(/\./g, '-')}`;
}
