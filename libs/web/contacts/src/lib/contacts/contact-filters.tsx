import { ConsentStatus, ContactSort, ContactSource, useGetCampaign } from '@cadence/web-api-client';
import { Badge, Button, Collapse, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { campaignLabel, useCampaignSearch } from '../shared/campaign-picker';
import { CONSENT_LABELS, SOURCE_LABELS } from '../shared/labels';
import type { CampaignChoice, ListState } from './list-state';
import { activeFilterCount } from './list-state';

export interface ContactFiltersProps {
  state: ListState;
  onChange: (changes: Partial<ListState>) => void;
  onReset: () => void;
}

const SORT_OPTIONS = [
  { value: ContactSort['-createdAt'], label: 'Newest first' },
  { value: ContactSort.createdAt, label: 'Oldest first' },
  { value: ContactSort.name, label: 'Name A–Z' },
  { value: ContactSort['-name'], label: 'Name Z–A' },
  { value: ContactSort['-updatedAt'], label: 'Recently changed' },
  { value: ContactSort['-lastContactedAt'], label: 'Recently contacted' },
  { value: ContactSort.lastContactedAt, label: 'Longest not contacted' },
];

const consentOptions = Object.values(ConsentStatus).map((value) => ({ value, label: CONSENT_LABELS[value] }));
const sourceOptions = Object.values(ContactSource).map((value) => ({ value, label: SOURCE_LABELS[value] }));

function campaignValue(choice: CampaignChoice): string {
  return choice.kind === 'in' || choice.kind === 'not-in' ? `${choice.kind}:${choice.campaignId}` : choice.kind;
}

function campaignChoiceOf(value: string | null): CampaignChoice {
  if (!value) return { kind: 'any' };
  const [kind, campaignId] = value.split(':');
  if ((kind === 'in' || kind === 'not-in') && campaignId) return { kind, campaignId };
  if (kind === 'in-none' || kind === 'in-some') return { kind };
  return { kind: 'any' };
}

export function ContactFilters({ state, onChange, onReset }: ContactFiltersProps) {
  const activeCount = activeFilterCount(state);
  const [open, { toggle }] = useDisclosure(activeCount > 0);
  const [search, setSearch] = useState(state.search);
  const pushSearch = useDebouncedCallback((value: string) => onChange({ search: value, page: 1 }), 350);

  // The address may change under us (back button, a link): show what it says.
  useEffect(() => setSearch(state.search), [state.search]);

  const stateInvalid = state.state.trim() !== '' && !/^[A-Za-z]{2}$/.test(state.state.trim());
  const zipInvalid = state.zip.trim() !== '' && !/^\d{5}$/.test(state.zip.trim());

  return (
    <div role="search" aria-label="Filter contacts">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name, phone, email or address"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          style={{ flex: '1 1 240px' }}
          type="search"
        />
        <Select
          label="Sort"
          data={SORT_OPTIONS}
          value={state.sort}
          onChange={(value) => onChange({ sort: (value as ContactSort | null) ?? ContactSort['-createdAt'], page: 1 })}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
        />
        <Button
          variant="default"
          onClick={toggle}
          aria-expanded={open}
          aria-controls="contact-filter-panel"
          rightSection={activeCount > 0 ? <Badge size="sm" circle aria-label={`${activeCount} active`}>{activeCount}</Badge> : null}
        >
          Filters
        </Button>
        {activeCount > 0 || state.search ? (
          <Button variant="subtle" onClick={onReset}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={open} id="contact-filter-panel">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="md" spacing="sm">
          <CampaignFilter state={state} onChange={onChange} />
          <TextInput
            label="Tag"
            placeholder="e.g. farm-2024"
            value={state.tag}
            onChange={(event) => onChange({ tag: event.currentTarget.value, page: 1 })}
          />
          <Select
            label="Do not contact"
            data={[
              { value: 'false', label: 'Reachable only' },
              { value: 'true', label: 'Do not contact only' },
            ]}
            placeholder="Everyone"
            value={state.doNotContact === null ? null : String(state.doNotContact)}
            onChange={(value) => onChange({ doNotContact: value === null ? null : value === 'true', page: 1 })}
            clearable
          />
          <Select
            label="Source"
            data={sourceOptions}
            placeholder="Any source"
            value={state.source}
            onChange={(value) => onChange({ source: value as ContactSource | null, page: 1 })}
            clearable
          />
          <Select
            label="SMS consent"
            data={consentOptions}
            placeholder="Any"
            value={state.smsConsent}
            onChange={(value) => onChange({ smsConsent: value as ConsentStatus | null, page: 1 })}
            clearable
          />
          <Select
            label="Voice consent"
            data={consentOptions}
            placeholder="Any"
            value={state.voiceConsent}
            onChange={(value) => onChange({ voiceConsent: value as ConsentStatus | null, page: 1 })}
            clearable
          />
          <Select
            label="Email consent"
            data={consentOptions}
            placeholder="Any"
            value={state.emailConsent}
            onChange={(value) => onChange({ emailConsent: value as ConsentStatus | null, page: 1 })}
            clearable
          />
          <Group grow gap="sm" align="flex-start">
            <TextInput
              label="State"
              placeholder="CA"
              maxLength={2}
              value={state.state}
              onChange={(event) => onChange({ state: event.currentTarget.value, page: 1 })}
              error={stateInvalid ? 'Two letters' : undefined}
            />
            <TextInput
              label="ZIP"
              placeholder="92260"
              maxLength={5}
              inputMode="numeric"
              value={state.zip}
              onChange={(event) => onChange({ zip: event.currentTarget.value, page: 1 })}
              error={zipInvalid ? 'Five digits' : undefined}
            />
          </Group>
        </SimpleGrid>
      </Collapse>
    </div>
  );
}

const MEMBERSHIP_OPTIONS = [
  { value: 'any', label: 'Any (campaigns or not)' },
  { value: 'in-none', label: 'Not in any campaign' },
  { value: 'in-some', label: 'In at least one campaign' },
];

/**
 * Campaign membership in one searchable control: any, none, some, or in / not in one campaign
 * (the agent's campaigns, searched on the server as they type).
 */
function CampaignFilter({ state, onChange }: Pick<ContactFiltersProps, 'state' | 'onChange'>) {
  const chosenId = state.campaign.kind === 'in' || state.campaign.kind === 'not-in' ? state.campaign.campaignId : null;
  // A campaign chosen through a link may not be among the campaigns listed: look up its name.
  const chosen = useGetCampaign(chosenId ?? '', { query: { enabled: chosenId !== null } });
  const chosenName = chosenId ? (chosen.data?.name ?? state.campaignName) : null;
  const selectedLabel =
    state.campaign.kind === 'in' || state.campaign.kind === 'not-in'
      ? `${state.campaign.kind === 'in' ? 'In' : 'Not in'} “${campaignLabel({ id: state.campaign.campaignId, name: chosenName })}”`
      : (MEMBERSHIP_OPTIONS.find((o) => o.value === state.campaign.kind)?.label ?? null);
  const { search, setSearch, typed, campaigns } = useCampaignSearch(selectedLabel);
  const named: Array<{ id: string; name: string | null }> = (campaigns.data?.items ?? []).map((c) => ({ id: c.id, name: c.name }));
  if (chosenId && !named.some((c) => c.id === chosenId)) named.unshift({ id: chosenId, name: chosenName });

  const data = [
    { group: 'Membership', items: MEMBERSHIP_OPTIONS },
    ...(named.length > 0
      ? [
          { group: 'In campaign', items: named.map((c) => ({ value: `in:${c.id}`, label: `In “${campaignLabel(c)}”` })) },
          { group: 'Not in campaign', items: named.map((c) => ({ value: `not-in:${c.id}`, label: `Not in “${campaignLabel(c)}”` })) },
        ]
      : []),
  ];
  const byValue = new Map(named.map((c) => [c.id, c.name]));

  return (
    <Select
      label="Campaigns"
      data={data}
      value={campaignValue(state.campaign)}
      onChange={(value) => {
        const campaign = campaignChoiceOf(value);
        const name = campaign.kind === 'in' || campaign.kind === 'not-in' ? (byValue.get(campaign.campaignId) ?? null) : null;
        onChange({ campaign, campaignName: name, page: 1 });
        setSearch('');
      }}
      searchable
      onSearchChange={setSearch}
      searchValue={search}
      // Campaign names are searched on the server; the membership choices are matched here.
      filter={({ options }) =>
        options.map((item) =>
          'group' in item && item.group === 'Membership'
            ? { ...item, items: item.items.filter((o) => o.label.toLowerCase().includes(typed.toLowerCase())) }
            : item,
        )
      }
      allowDeselect={false}
      description={campaigns.isError ? `Campaigns could not be loaded (${campaigns.error.code}).` : undefined}
      nothingFoundMessage="No campaign matches"
    />
  );
}
