import { CampaignStatus, useListCampaigns } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Alert, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  generating_scripts: 'Writing scripts',
  generating_audio: 'Recording audio',
  review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  submitted: 'Submitted',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
};

/** How many campaigns one search shows; typing narrows the list on the server. */
export const CAMPAIGN_OPTIONS_LIMIT = 50;

export function campaignLabel(campaign: { id: string; name: string | null }): string {
  return campaign.name ?? `Campaign …${campaign.id.slice(-6)}`;
}

/**
 * The agent's campaigns matching what is typed, searched on the server (GET /v1/campaigns). A
 * searchable select shows the chosen option's label in its box; that text is not a search.
 */
export function useCampaignSearch(selectedLabel: string | null) {
  const [search, setSearch] = useState('');
  const typed = search.trim() === (selectedLabel ?? '').trim() ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 300);
  const campaigns = useListCampaigns(
    { limit: CAMPAIGN_OPTIONS_LIMIT, ...(debounced ? { search: debounced } : {}) },
    { query: { placeholderData: keepPreviousData } },
  );
  return { search, setSearch, typed, searching: debounced !== '', campaigns };
}

export interface CampaignPickerProps {
  value: string | null;
  onChange: (campaignId: string | null) => void;
  /** Campaigns that cannot be chosen here, with the reason (the contact is already in them). */
  unavailable?: ReadonlyMap<string, string>;
  error?: string;
}

/** Chooses one of the agent's campaigns; searchable, with each campaign's status. */
export function CampaignPicker({ value, onChange, unavailable, error }: CampaignPickerProps) {
  const [selectedName, setSelectedName] = useState<string | null>(null);
  const { search, setSearch, searching, campaigns } = useCampaignSearch(value ? selectedName : null);

  if (campaigns.isError) {
    return (
      <ErrorAlert
        title="Could not load your campaigns"
        message={campaigns.error.message}
        code={campaigns.error.code}
        onRetry={() => void campaigns.refetch()}
      />
    );
  }
  if (campaigns.data && campaigns.data.total === 0 && !searching) {
    return (
      <Alert color={error ? 'red' : 'gray'} variant="light" title="No campaigns yet" role={error ? 'alert' : 'note'}>
        Create a campaign first (or let an import create a draft one), then add contacts to it here.
        {error ? <Text size="sm" c="red" mt={4}>{error}</Text> : null}
      </Alert>
    );
  }

  const items = campaigns.data?.items ?? [];
  const status = new Map(items.map((c) => [c.id, c.status]));
  return (
    <Select
      label="Campaign"
      placeholder={campaigns.isPending ? 'Loading campaigns…' : 'Search your campaigns'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by what was typed.
      filter={({ options }) => options}
      data={items.map((c) => ({ value: c.id, label: c.name, disabled: unavailable?.has(c.id) ?? false }))}
      value={value}
      onChange={(id, option) => {
        setSelectedName(option?.label ?? null);
        onChange(id);
      }}
      nothingFoundMessage={campaigns.isFetching ? 'Searching…' : 'No campaign matches'}
      renderOption={({ option }) => (
        <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {unavailable?.get(option.value) ?? (status.get(option.value) ? CAMPAIGN_STATUS_LABELS[status.get(option.value) as CampaignStatus] : '')}
          </Text>
        </Group>
      )}
      error={error}
      required
      data-autofocus
      comboboxProps={{ withinPortal: true }}
    />
  );
}
