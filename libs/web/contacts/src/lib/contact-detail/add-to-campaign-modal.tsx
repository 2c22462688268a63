import { useAddContactToCampaign } from '@cadence/web-api-client';
import type { ContactCampaignResponseDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { CampaignPicker } from '../shared/campaign-picker';

export interface AddToCampaignModalProps {
  opened: boolean;
  contactId: string;
  contactName: string;
  /** The contact's memberships: those campaigns cannot be chosen again. */
  history: readonly ContactCampaignResponseDto[];
  onClose: () => void;
  onAdded: (membership: ContactCampaignResponseDto) => void;
}

export function AddToCampaignModal({ opened, contactId, contactName, history, onClose, onAdded }: AddToCampaignModalProps) {
  const add = useAddContactToCampaign();
  const { reset } = add;
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const joined = useMemo(
    () => new Map(history.map((m) => [m.campaignId, `${contactName} is already in it`])),
    [history, contactName],
  );

  useEffect(() => {
    if (opened) {
      reset();
      setError(undefined);
      setCampaignId(null);
    }
  }, [opened, reset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!campaignId) {
      setError('Choose a campaign.');
      return;
    }
    add.mutate({ id: contactId, data: { campaignId } }, { onSuccess: onAdded });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add to campaign">
      <form onSubmit={submit} noValidate aria-label="Add to campaign">
        <Stack>
          <CampaignPicker value={campaignId} onChange={setCampaignId} unavailable={joined} error={error} />
          {add.error ? <ErrorAlert title="Could not add to the campaign" message={add.error.message} code={add.error.code} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add to campaign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
