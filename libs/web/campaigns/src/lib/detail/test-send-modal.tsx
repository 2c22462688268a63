import type { StrategyResponseDto } from '@cadence/web-api-client';
import { useTestStrategy } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../shared/api-error';
import { invalidateCampaigns } from '../shared/query-keys';

export interface TestSendModalProps {
  campaignId: string;
  strategy: StrategyResponseDto | null;
  onClose: () => void;
}

/** Sends one rendering of the strategy to the agent's own phone or email; the outcome lands in Activity. */
export function TestSendModal({ campaignId, strategy, onClose }: TestSendModalProps) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const test = useTestStrategy();
  const email = strategy?.type === 'email';

  const close = () => {
    setTo('');
    setError(null);
    test.reset();
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!strategy) return;
    if (!email && !to.trim()) {
      setError('Enter your own phone number.');
      return;
    }
    setError(null);
    test.mutate(
      { id: campaignId, sid: strategy.id, data: to.trim() ? { to: to.trim() } : {} },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: `Test on its way to ${result.to}; its outcome shows in Activity.` });
          void invalidateCampaigns(queryClient);
          close();
        },
      },
    );
  };

  return (
    <Modal opened={strategy !== null} onClose={close} title="Send a test">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The first step of “{strategy?.name}”, filled in for the campaign’s first contact, goes to you only. It does not count towards the campaign.
          </Text>
          <TextInput
            label={email ? 'Your email' : 'Your phone'}
            description={email ? 'Empty: the email you sign in with' : 'Any US format, e.g. (760) 555-0134'}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          {test.error ? <ErrorAlert title="Could not send the test" message={toApiError(test.error).message} code={toApiError(test.error).code} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={test.isPending}>
              Send test
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
