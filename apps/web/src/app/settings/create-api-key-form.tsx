import { ApiKeyScope, useCreateApiKey } from '@cadence/web-api-client';
import type { CreatedApiKeyResponseDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { focusFirstError, type FieldErrors, hasErrors, problemOf } from '../forms/form-errors';
import { SCOPE_LABELS } from './scope-labels';

const FIELDS = ['name', 'scope'] as const;
type Field = (typeof FIELDS)[number];
const MAX_NAME_LENGTH = 100;

export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKeyResponseDto) => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>(ApiKeyScope.read);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const refs = { name: useRef<HTMLInputElement>(null), scope: useRef<HTMLInputElement>(null) };
  const formError = create.error ? problemOf(create.error, FIELDS).formError : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!name.trim()) found.name = 'Give the key a name, so you know later what uses it.';
    else if (name.trim().length > MAX_NAME_LENGTH) found.name = `Use at most ${MAX_NAME_LENGTH} characters.`;
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstError(found, FIELDS, refs);
      return;
    }
    create.mutate(
      { data: { name: name.trim(), scope } },
      {
        onSuccess: (key) => {
          setName('');
          setScope(ApiKeyScope.read);
          onCreated(key);
        },
        onError: (error) => {
          const { fieldErrors } = problemOf(error, FIELDS);
          setErrors(fieldErrors);
          focusFirstError(fieldErrors, FIELDS, refs);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an API key">
      <Stack gap="md">
        {formError ? (
          <ErrorAlert title="Could not create the API key" message={formError.message} code={formError.code} />
        ) : null}
        <TextInput
          ref={refs.name}
          label="Name"
          description="What will use this key, for example “Zapier integration”."
          required
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <Radio.Group
          label="Scope"
          value={scope}
          onChange={(value) => setScope(value as ApiKeyScope)}
          error={errors.scope}
          required
        >
          <Stack gap="xs" mt="xs">
            {Object.values(ApiKeyScope).map((value, index) => (
              <Radio
                key={value}
                ref={index === 0 ? refs.scope : undefined}
                value={value}
                label={SCOPE_LABELS[value].label}
                description={SCOPE_LABELS[value].description}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
