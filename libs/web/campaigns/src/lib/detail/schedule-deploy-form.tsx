import type { StrategyResponseDto } from '@cadence/web-api-client';
import { scheduleStrategy } from '@cadence/web-api-client';
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';

export interface ScheduleDeployFormProps {
  campaignId: string;
  strategy: StrategyResponseDto;
  /** Runs the call with the card's busy state and notifications. */
  onSubmit: (call: () => Promise<unknown>, done: string) => void;
  busy: boolean;
}

/** Picks a future moment (in the browser's time) for the campaign clock to deploy the strategy. */
export function ScheduleDeployForm({ campaignId, strategy, onSubmit, busy }: ScheduleDeployFormProps) {
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const when = new Date(at);
    if (!at || Number.isNaN(when.getTime())) {
      setError('Choose a date and time.');
      return;
    }
    if (when.getTime() <= Date.now()) {
      setError('Choose a moment in the future, or deploy now.');
      return;
    }
    setError(null);
    onSubmit(() => scheduleStrategy(campaignId, strategy.id, { at: when.toISOString() }), `${strategy.name} will deploy on its own at the chosen time.`);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Schedule ${strategy.name}`}>
      <Group align="flex-end" gap="xs">
        <TextInput type="datetime-local" label="Deploy at (your time)" size="xs" value={at} onChange={(e) => setAt(e.currentTarget.value)} error={error} />
        <Button type="submit" size="xs" variant="light" loading={busy}>
          Schedule deploy
        </Button>
      </Group>
    </form>
  );
}
