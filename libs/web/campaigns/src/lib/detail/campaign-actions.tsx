import type { CampaignResponseDto } from '@cadence/web-api-client';
import { approveCampaign, duplicateCampaign, pauseCampaign, resumeCampaign } from '@cadence/web-api-client';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../shared/api-error';
import { STATUS_LABELS } from '../shared/labels';
import { launchWithStrategies } from '../shared/launch';
import { invalidateCampaigns } from '../shared/query-keys';

type Action = 'approve' | 'launch' | 'pause' | 'resume' | 'duplicate';

/** The status machine's moves the campaign allows now, and duplicate (always). */
export function CampaignActions({ campaign }: { campaign: CampaignResponseDto }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<Action | null>(null);
  const s = campaign.status;

  const run = async (action: Action) => {
    setBusy(action);
    try {
      if (action === 'duplicate') {
        const copy = await duplicateCampaign(campaign.id);
        notifications.show({ color: 'teal', message: `Created “${copy.name}” as a draft.` });
        await invalidateCampaigns(queryClient);
        navigate(`/campaigns/${copy.id}/setup?step=basics`);
        return;
      }
      const result =
        action === 'approve'
          ? await approveCampaign(campaign.id)
          : action === 'launch'
            ? (await launchWithStrategies(campaign)).campaign
            : action === 'pause'
              ? await pauseCampaign(campaign.id)
              : await resumeCampaign(campaign.id);
      notifications.show({ color: 'teal', message: `The campaign is ${STATUS_LABELS[result.status].toLowerCase()}.` });
    } catch (e) {
      const error = toApiError(e);
      notifications.show({ color: 'red', title: 'That did not work', message: `${error.message} (${error.code})` });
    } finally {
      setBusy(null);
      await invalidateCampaigns(queryClient);
    }
  };

  return (
    <Group gap="xs" wrap="wrap">
      {s === 'draft' || s === 'review' ? (
        <>
          <Button component={Link} to={`/campaigns/${campaign.id}/setup`} variant="default">
            Continue setup
          </Button>
          <Button variant="light" onClick={() => void run('approve')} loading={busy === 'approve'}>
            Approve
          </Button>
        </>
      ) : null}
      {s === 'approved' ? (
        <Button color="teal" onClick={() => void run('launch')} loading={busy === 'launch'}>
          Launch
        </Button>
      ) : null}
      {s === 'active' || s === 'submitted' || s === 'scheduled' ? (
        <Button color="orange" variant="light" onClick={() => void run('pause')} loading={busy === 'pause'}>
          Pause
        </Button>
      ) : null}
      {s === 'paused' ? (
        <Button color="teal" onClick={() => void run('resume')} loading={busy === 'resume'}>
          Resume
        </Button>
      ) : null}
      <Button variant="default" onClick={() => void run('duplicate')} loading={busy === 'duplicate'}>
        Duplicate
      </Button>
    </Group>
  );
}
