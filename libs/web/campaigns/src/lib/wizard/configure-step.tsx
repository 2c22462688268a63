import type { StrategyResponseDto, StrategyType } from '@cadence/web-api-client';
import { createStrategy, updateStrategy, useMe } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../shared/api-error';
import { STRATEGY_TYPE_LABELS } from '../shared/labels';
import { invalidateCampaigns } from '../shared/query-keys';
import { StrategyForm } from './strategy-form';
import { StrategyPreview } from './strategy-preview';
import { strategyErrorsOf } from './strategy-api-errors';
import type { StrategyErrors, StrategyValues } from './strategy-values';
import { shapeOf, strategyRequestOf, strategyValuesOf, validateStrategy } from './strategy-values';
import { hasErrors } from './wizard-validation';

export interface ConfigureStepProps {
  campaignId: string;
  chosen: readonly StrategyType[];
  strategies: readonly StrategyResponseDto[];
  onBack: () => void;
  onNext: () => void;
}

type PerType<T> = Partial<Record<StrategyType, T>>;

/** The sequence of every chosen channel; each is saved as a draft strategy and previewed per contact. */
export function ConfigureStep({ campaignId, chosen, strategies, onBack, onNext }: ConfigureStepProps) {
  const queryClient = useQueryClient();
  const me = useMe();
  const existing = (type: StrategyType) => strategies.find((s) => s.type === type);
  const [values, setValues] = useState<PerType<StrategyValues>>(() =>
    Object.fromEntries(chosen.map((type) => [type, strategyValuesOf(type, existing(type), me.data?.name ?? '')])),
  );
  const [errors, setErrors] = useState<PerType<StrategyErrors>>({});
  const [dirty, setDirty] = useState<ReadonlySet<StrategyType>>(new Set());
  const [failures, setFailures] = useState<PerType<unknown>>({});
  const [saving, setSaving] = useState<StrategyType | 'all' | null>(null);

  /** Saves the given channels (validating first); true when every one of them is stored. */
  const save = async (types: readonly StrategyType[]): Promise<boolean> => {
    const found: PerType<StrategyErrors> = {};
    for (const type of types) found[type] = validateStrategy(type, values[type] as StrategyValues);
    setErrors((previous) => ({ ...previous, ...found }));
    if (types.some((type) => hasErrors(found[type] ?? {}))) return false;
    let ok = true;
    const stillDirty = new Set(dirty);
    for (const type of types) {
      const strategy = existing(type);
      if (strategy && !dirty.has(type)) continue;
      const body = strategyRequestOf(type, values[type] as StrategyValues);
      try {
        if (strategy) {
          await updateStrategy(campaignId, strategy.id, { name: body.name, steps: body.steps, emailSender: body.emailSender ?? null });
        } else {
          await createStrategy(campaignId, body);
        }
        stillDirty.delete(type);
        setFailures((previous) => ({ ...previous, [type]: undefined }));
      } catch (e) {
        ok = false;
        setFailures((previous) => ({ ...previous, [type]: e }));
        setErrors((previous) => ({ ...previous, [type]: strategyErrorsOf(toApiError(e), values[type] as StrategyValues) }));
      }
    }
    setDirty(stillDirty);
    await invalidateCampaigns(queryClient);
    return ok;
  };

  const saveOne = async (type: StrategyType) => {
    setSaving(type);
    if (await save([type])) notifications.show({ color: 'teal', message: `${STRATEGY_TYPE_LABELS[type]} saved.` });
    setSaving(null);
  };
  const saveAll = async () => {
    setSaving('all');
    const ok = await save(chosen);
    setSaving(null);
    if (ok) onNext();
  };

  return (
    <Stack gap="lg">
      {chosen.map((type) => {
        const strategy = existing(type);
        const failure = failures[type];
        return (
          <Paper key={type} withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={STRATEGY_TYPE_LABELS[type]}>
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="lg">
                {STRATEGY_TYPE_LABELS[type]}
              </Title>
              {strategy ? (
                <Badge variant="light" color={dirty.has(type) ? 'orange' : 'teal'}>
                  {dirty.has(type) ? 'Unsaved changes' : 'Saved'}
                </Badge>
              ) : (
                <Badge variant="light" color="gray">
                  Not saved yet
                </Badge>
              )}
            </Group>
            <StrategyForm
              type={type}
              values={values[type] as StrategyValues}
              errors={errors[type] ?? {}}
              onChange={(next) => {
                // Errors are keyed by step and variant position; once those move they would point at the wrong field.
                if (shapeOf(next) !== shapeOf(values[type] as StrategyValues)) setErrors((previous) => ({ ...previous, [type]: {} }));
                setValues((previous) => ({ ...previous, [type]: next }));
                setDirty((previous) => new Set(previous).add(type));
              }}
            />
            {failure ? (
              <ErrorAlert title={`Could not save the ${STRATEGY_TYPE_LABELS[type].toLowerCase()}`} message={toApiError(failure).message} code={toApiError(failure).code} />
            ) : null}
            <Group mt="sm">
              <Button variant="default" onClick={() => void saveOne(type)} loading={saving === type}>
                {strategy ? 'Save changes' : 'Save and preview'}
              </Button>
            </Group>
            {strategy ? (
              <>
                <Divider my="md" label="Preview" labelPosition="left" />
                <StrategyPreview campaignId={campaignId} strategyId={strategy.id} version={strategy.updatedAt} steps={strategy.steps} />
              </>
            ) : (
              <Text size="xs" c="dimmed" mt="xs">
                Save to preview the message for a contact of the campaign.
              </Text>
            )}
          </Paper>
        );
      })}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button onClick={() => void saveAll()} loading={saving === 'all'}>
          Save and continue
        </Button>
      </Group>
    </Stack>
  );
}
