import { useListCampaignContacts } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { plural } from '../shared/format';
import { ContactPicker } from './contact-picker';

export interface ContactsStepProps {
  campaignId: string;
  onBack: () => void;
  onNext: () => void;
}

/** Who the campaign reaches; at least one contact is needed to go on. */
export function ContactsStep({ campaignId, onBack, onNext }: ContactsStepProps) {
  const members = useListCampaignContacts(campaignId, { page: 1, limit: 5 });
  const [error, setError] = useState<string | null>(null);
  const total = members.data?.total ?? 0;

  const next = () => {
    if (total === 0) {
      setError('Add at least one contact to the campaign.');
      return;
    }
    onNext();
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" aria-label="Contacts in the campaign" component="section">
        {members.isPending ? (
          <Text size="sm" c="dimmed">Counting the contacts in this campaign…</Text>
        ) : members.isError ? (
          <ErrorAlert title="Could not count the campaign's contacts" message={members.error.message} code={members.error.code} onRetry={() => void members.refetch()} />
        ) : (
          <Text size="sm" data-testid="campaign-member-count">
            <strong>{plural(total, 'contact')}</strong> in this campaign
            {members.data.items.length > 0
              ? `: ${members.data.items.map((m) => `${m.firstName} ${m.lastName}`.trim()).join(', ')}${total > members.data.items.length ? '…' : ''}`
              : '.'}
          </Text>
        )}
      </Paper>
      <ContactPicker campaignId={campaignId} onAdded={() => setError(null)} />
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button onClick={next}>Continue</Button>
      </Group>
    </Stack>
  );
}
