import type { StrategyResponseDto, StrategyType } from '@cadence/web-api-client';
import { deleteStrategy } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../shared/api-error';
import { STRATEGY_TYPE_LABELS } from '../shared/labels';
import { invalidateCampaigns } from '../shared/query-keys';
import { STRATEGY_TYPES, validateChoice } from './wizard-validation';

const DESCRIPTIONS: Record<StrategyType, string> = {
  text: 'A text to each contact with SMS consent. Priced per segment; the first one carries “Reply STOP to opt out”.',
  email: 'An email with your postal address and an unsubscribe link in the footer.',
  voicemail: 'A voicemail dropped without ringing: per-contact AI scripts, a recording, or text-to-speech.',
};

export interface StrategiesStepProps {
  campaignId: string;
  chosen: readonly StrategyType[];
  strategies: readonly StrategyResponseDto[];
  onBack: () => void;
  onNext: (chosen: StrategyType[]) => void;
}

/** Which channels the campaign uses. Unchecking a channel whose draft was already written deletes that draft. */
export function StrategiesStep({ campaignId, chosen: initial, strategies, onBack, onNext }: StrategiesStepProps) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<StrategyType[]>([...initial]);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const locked = new Set(strategies.filter((s) => s.status !== 'draft').map((s) => s.type));

  const next = async () => {
    const problem = validateChoice(chosen);
    setError(problem);
    if (problem) return;
    const dropped = strategies.filter((s) => s.status === 'draft' && !chosen.includes(s.type));
    setSaving(true);
    setFailure(null);
    try {
      for (const strategy of dropped) await deleteStrategy(campaignId, strategy.id);
      if (dropped.length > 0) await invalidateCampaigns(queryClient);
      onNext(STRATEGY_TYPES.filter((t) => chosen.includes(t)));
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md" maw={640}>
      <Checkbox.Group
        label="How should the campaign reach people?"
        description="Choose one or more; you write each message on the next step."
        value={chosen}
        onChange={(value) => {
          setChosen(value as StrategyType[]);
          setError(null);
        }}
      >
        <Stack gap="sm" mt="xs">
          {STRATEGY_TYPES.map((type) => (
            <Checkbox.Card key={type} value={type} p="md" radius="md" withBorder disabled={locked.has(type)} aria-label={STRATEGY_TYPE_LABELS[type]}>
              <Group wrap="nowrap" align="flex-start">
                <Checkbox.Indicator disabled={locked.has(type)} />
                <div>
                  <Text fw={600}>{STRATEGY_TYPE_LABELS[type]}</Text>
                  <Text size="sm" c="dimmed">
                    {DESCRIPTIONS[type]}
                  </Text>
                  {locked.has(type) ? (
                    <Text size="xs" c="dimmed" mt={4}>
                      Already deployed; it stays.
                    </Text>
                  ) : null}
                </div>
              </Group>
            </Checkbox.Card>
          ))}
        </Stack>
      </Checkbox.Group>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      {failure ? <ErrorAlert title="Could not remove the unchosen channel" message={toApiError(failure).message} code={toApiError(failure).code} /> : null}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button onClick={() => void next()} loading={saving}>
          Continue
        </Button>
      </Group>
    </Stack>
  );
}
