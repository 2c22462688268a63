import type { StrategyType } from '@cadence/web-api-client';
import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { SequenceEditor } from './sequence-editor';
import type { SenderField, StrategyErrors, StrategyValues } from './strategy-values';

export interface StrategyFormProps {
  type: StrategyType;
  values: StrategyValues;
  errors: StrategyErrors;
  onChange: (values: StrategyValues) => void;
}

/** One channel's strategy: its name, the email sender, and the sequence of steps and variants. */
export function StrategyForm({ type, values, errors, onChange }: StrategyFormProps) {
  const set = (field: SenderField, value: string) => onChange({ ...values, [field]: value });
  return (
    <Stack gap="sm">
      <TextInput label="Strategy name" value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors['name']} maw={360} />
      {type === 'email' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="From name" value={values.fromName} onChange={(e) => set('fromName', e.currentTarget.value)} error={errors['fromName']} />
          <TextInput label="From email" type="email" value={values.fromEmail} onChange={(e) => set('fromEmail', e.currentTarget.value)} error={errors['fromEmail']} />
          <TextInput label="Reply-to" description="Optional" type="email" value={values.replyTo} onChange={(e) => set('replyTo', e.currentTarget.value)} error={errors['replyTo']} />
          <TextInput
            label="Your postal address"
            description="Printed in every footer, with an unsubscribe link"
            value={values.postalAddress}
            onChange={(e) => set('postalAddress', e.currentTarget.value)}
            error={errors['postalAddress']}
          />
        </SimpleGrid>
      ) : null}
      {type === 'voicemail' ? (
        <Text size="sm" c="dimmed">
          Per-contact AI scripts and their audio are prepared on the campaign’s Scripts tab. Here you choose what Drop Cowboy plays
          otherwise: its own text-to-speech, or a recording you uploaded.
        </Text>
      ) : null}
      <SequenceEditor type={type} values={values} errors={errors} onChange={onChange} />
    </Stack>
  );
}
