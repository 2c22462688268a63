import type { StrategyType } from '@cadence/web-api-client';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { StrategyErrors, StrategyValues, VariantField } from './strategy-values';
import {
  addStep,
  addVariant,
  MAX_DELAY_DAYS,
  MAX_STEPS,
  MAX_VARIANTS,
  moveStep,
  nextVariantKey,
  removeStep,
  removeVariant,
  sharesOf,
  stepPath,
  timingOf,
  updateStep,
  updateVariant,
  variantPath,
} from './strategy-values';
import { VariantContent } from './variant-content';
import type { FormErrors } from './wizard-validation';

export interface SequenceEditorProps {
  type: StrategyType;
  values: StrategyValues;
  errors: StrategyErrors;
  onChange: (values: StrategyValues) => void;
}

const VARIANT_FIELDS: VariantField[] = ['weight', 'body', 'subject', 'html', 'text', 'voiceId', 'ttsBody', 'recordingMediaId'];

function variantErrors(errors: StrategyErrors, step: number, variant: number): FormErrors<VariantField> {
  return Object.fromEntries(VARIANT_FIELDS.map((f) => [f, errors[variantPath(step, variant, f)]]));
}

/**
 * The sequence: steps sent one after another (each a number of days after the previous one), and
 * per step up to five A/B variants, each contact always getting the same one.
 */
export function SequenceEditor({ type, values, errors, onChange }: SequenceEditorProps) {
  const many = values.steps.length > 1;
  return (
    <Stack gap="md">
      {values.steps.map((step, i) => {
        const shares = sharesOf(step.variants);
        const several = step.variants.length > 1;
        return (
          <Paper key={step.id} withBorder p="sm" radius="md" component="section" aria-label={`Step ${i + 1}`} bg="gray.0">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={3} fz="md" data-testid="step-title">
                Step {i + 1} — {timingOf(i, step.delayDays)}
              </Title>
              {many ? (
                <Group gap={4}>
                  <ActionIcon variant="default" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => onChange(moveStep(values, i, -1))}>
                    ↑
                  </ActionIcon>
                  <ActionIcon variant="default" aria-label={`Move step ${i + 1} down`} disabled={i === values.steps.length - 1} onClick={() => onChange(moveStep(values, i, 1))}>
                    ↓
                  </ActionIcon>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(removeStep(values, i))}>
                    Remove step {i + 1}
                  </Button>
                </Group>
              ) : null}
            </Group>
            {i > 0 ? (
              <TextInput
                label={`Days after step ${i}`}
                description="0 sends it the same day, at the next allowed time"
                inputMode="numeric"
                value={step.delayDays}
                onChange={(e) => onChange(updateStep(values, i, { delayDays: e.currentTarget.value }))}
                error={errors[stepPath(i, 'delayDays')]}
                maw={240}
                mb="sm"
              />
            ) : errors[stepPath(i, 'delayDays')] ? (
              <Text size="sm" c="red" mb="sm">
                {errors[stepPath(i, 'delayDays')]}
              </Text>
            ) : null}
            {errors[stepPath(i, 'variants')] ? (
              <Text size="sm" c="red" mb="sm" role="alert">
                {errors[stepPath(i, 'variants')]}
              </Text>
            ) : null}
            <Stack gap="sm">
              {step.variants.map((variant, j) => (
                <Paper key={variant.key} withBorder p="sm" radius="md" role="group" aria-label={`Variant ${variant.key}`}>
                  {several ? (
                    <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
                      <Group gap="sm" align="flex-end">
                        <Badge size="lg" variant="light" data-testid="variant-key">
                          Variant {variant.key}
                        </Badge>
                        <TextInput
                          label="Weight"
                          description={shares[j] !== null ? `${shares[j]}% of contacts` : 'Relative share of contacts'}
                          inputMode="numeric"
                          value={variant.weight}
                          onChange={(e) => onChange(updateVariant(values, i, j, { ...variant, weight: e.currentTarget.value }))}
                          error={errors[variantPath(i, j, 'weight')]}
                          w={160}
                        />
                      </Group>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(removeVariant(values, i, j))}>
                        Remove variant {variant.key}
                      </Button>
                    </Group>
                  ) : null}
                  {errors[variantPath(i, j)] ? (
                    <Text size="sm" c="red" mb="xs">
                      {errors[variantPath(i, j)]}
                    </Text>
                  ) : null}
                  <VariantContent
                    type={type}
                    stepIndex={i}
                    values={variant}
                    errors={variantErrors(errors, i, j)}
                    onChange={(next) => onChange(updateVariant(values, i, j, next))}
                  />
                </Paper>
              ))}
            </Stack>
            <Group mt="sm" gap="xs">
              {step.variants.length < MAX_VARIANTS ? (
                <Button size="compact-sm" variant="light" onClick={() => onChange(addVariant(values, i))}>
                  Add variant {nextVariantKey(step)}
                  {several ? '' : ' (A/B test)'}
                </Button>
              ) : null}
              {several ? (
                <Text size="xs" c="dimmed">
                  Each contact always gets the same variant; weights are relative shares.
                </Text>
              ) : null}
            </Group>
          </Paper>
        );
      })}
      <Group gap="xs">
        <Button variant="light" onClick={() => onChange(addStep(values))} disabled={values.steps.length >= MAX_STEPS}>
          Add a follow-up step
        </Button>
        <Text size="xs" c="dimmed">
          Up to {MAX_STEPS} steps, each up to {MAX_DELAY_DAYS} days after the one before.
        </Text>
      </Group>
    </Stack>
  );
}
